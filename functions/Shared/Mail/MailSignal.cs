using Covacha.Shared.Hosting;

namespace Covacha.Shared.Mail;

/// <summary>Wakes this process's <see cref="MailSender"/> when a mail was queued.</summary>
public sealed class MailSignal : WakeSignal;
