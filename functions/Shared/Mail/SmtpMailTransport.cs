using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Covacha.Shared.Mail;

/// <summary>Sends over SMTP with MailKit: one connection per batch is not worth the state, so one per mail.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();

        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, SecurityOf(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await client.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            // 5xx is the server's final word on this mail (unknown recipient, refused content).
            throw new MailDeliveryException($"The SMTP server refused the mail: {(int)ex.StatusCode} {ex.Message}",
                permanent: (int)ex.StatusCode >= 500 && ex.ErrorCode != SmtpErrorCode.UnexpectedStatusCode, ex);
        }
        catch (Exception ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new MailDeliveryException($"The SMTP server could not be reached or failed: {ex.Message}", permanent: false, ex);
        }
    }

    private static bool IsTransient(Exception ex) => ex is SocketException or IOException or ServiceNotConnectedException
        or SmtpProtocolException or AuthenticationException or SslHandshakeException or TimeoutException or OperationCanceledException;

    private static SecureSocketOptions SecurityOf(string security) => security switch
    {
        "None" => SecureSocketOptions.None,
        "SslOnConnect" => SecureSocketOptions.SslOnConnect,
        "Auto" => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.StartTls,
    };
}
