namespace Covacha.Shared.Mail;

/// <summary>Hands one mail to the mail server; throws <see cref="MailDeliveryException"/> when it did not take it.</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>The server did not take a mail; <see cref="Permanent"/> when retrying cannot help (a 5xx for the recipient).</summary>
public sealed class MailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
