using System.ComponentModel.DataAnnotations;

namespace Covacha.Shared.Mail;

/// <summary>The SMTP server mail is handed to (section <c>Mail</c>): the local sink, an SMTP relay or Azure Communication Services' SMTP endpoint.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    [Required]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (default; refuses a server without it), <c>SslOnConnect</c>, <c>Auto</c> or <c>None</c> (loopback sinks only).</summary>
    [AllowedValues("StartTls", "SslOnConnect", "Auto", "None")]
    public string Security { get; set; } = "StartTls";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>Covacha &lt;no-reply@example.com&gt;</c>; ACS accepts only its verified sender addresses.</summary>
    [Required]
    public string From { get; set; } = "Covacha <no-reply@covacha.local>";

    /// <summary>How long one SMTP conversation may take before it counts as a failed attempt.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Attempts per mail before it is given up (with back-off, 10 attempts span about an hour and a half).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How often the sender looks for due mail when nothing woke it.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;
}
