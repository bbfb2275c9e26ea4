using System.Diagnostics.Metrics;

namespace Covacha.Auth.Security;

/// <summary>
/// Auth's meter. The Prometheus exporter turns the counter <c>covacha.auth.logins</c> into
/// <c>covacha_auth_logins_total{outcome}</c>.
/// </summary>
public sealed class AuthMetrics
{
    public const string MeterName = "Covacha.Auth";
    public const string LoginsInstrument = "covacha.auth.logins";

    private readonly Counter<long> _logins;

    public AuthMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _logins = meter.CreateCounter<long>(LoginsInstrument, description: "Login attempts by outcome.");
    }

    public void Login(LoginOutcome outcome) =>
        _logins.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch
        {
            LoginOutcome.Success => "success",
            LoginOutcome.InvalidCredentials => "invalid_credentials",
            LoginOutcome.Throttled => "throttled",
            LoginOutcome.Suspended => "suspended",
            _ => "unavailable",
        }));
}

public enum LoginOutcome
{
    Success,
    InvalidCredentials,
    Throttled,
    Unavailable,
    Suspended,
}
