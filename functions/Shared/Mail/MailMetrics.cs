using System.Diagnostics.Metrics;

namespace Covacha.Shared.Mail;

/// <summary>
/// The mail sender's meter. Prometheus sees <c>covacha_mail_sent_total</c> and
/// <c>covacha_mail_given_up_total{reason}</c>; a mail given up is a user who never got a link, so
/// the cluster alerts on the second (<c>k8s/base/monitoring/prometheusrule.yaml</c>).
/// </summary>
public sealed class MailMetrics
{
    public const string MeterName = "Covacha.Mail";
    public const string SentInstrument = "covacha.mail.sent";
    public const string GivenUpInstrument = "covacha.mail.given_up";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _givenUp;

    public MailMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _sent = meter.CreateCounter<long>(SentInstrument, description: "Mails the SMTP server accepted.");
        _givenUp = meter.CreateCounter<long>(GivenUpInstrument, description: "Mails no longer tried: refused for good, or out of attempts.");
    }

    public void Sent() => _sent.Add(1);

    public void GivenUp(bool refused) =>
        _givenUp.Add(1, new KeyValuePair<string, object?>("reason", refused ? "refused" : "attempts_exhausted"));
}
