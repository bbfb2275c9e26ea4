namespace Covacha.Shared.Mail;

/// <summary>A rendered mail: one recipient, a plain-text body and the same text as HTML.</summary>
public sealed record OutgoingMail(string To, string Subject, string Text, string Html);
