using Covacha.Shared.Mail;
using Microsoft.Extensions.Options;

namespace Covacha.Auth.Mail;

/// <summary>
/// The mails Auth sends, in English and Spanish, with links into the frontend at
/// <see cref="AuthOptions.PublicUrl"/>. Names and addresses are data: <see cref="MailLayout"/> escapes them.
/// </summary>
public sealed class AccountMails(IOptions<AuthOptions> options)
{
    public const string VerifyPath = "/verify-email";
    public const string ResetPath = "/reset-password";
    public const string ForgotPath = "/forgot-password";

    private string Link(string path, string? token = null) =>
        options.Value.PublicUrl.TrimEnd('/') + path + (token is null ? "" : "?token=" + Uri.EscapeDataString(token));

    public OutgoingMail VerifyEmail(string to, string name, string token, string language) => Spanish(language)
        ? MailLayout.Render(to, "Confirma tu correo en Covacha", $"Hola, {name}:",
            ["Gracias por crear tu cuenta en Covacha. Confirma que este correo es tuyo para poder publicar productos.",
             $"El enlace vale {VerificationLifetime.TotalHours:0} horas y se usa una sola vez."],
            new MailButton("Confirmar mi correo", Link(VerifyPath, token)), SpanishFooter)
        : MailLayout.Render(to, "Confirm your email for Covacha", $"Hi {name},",
            ["Thanks for creating your Covacha account. Confirm that this address is yours so you can publish products.",
             $"The link works once, for {VerificationLifetime.TotalHours:0} hours."],
            new MailButton("Confirm my email", Link(VerifyPath, token)), EnglishFooter);

    public OutgoingMail AccountExists(string to, string language) => Spanish(language)
        ? MailLayout.Render(to, "Ya tienes una cuenta en Covacha", "Hola:",
            ["Alguien (quizás tú) intentó crear una cuenta en Covacha con este correo, pero ya tienes una.",
             "Si olvidaste tu contraseña, puedes elegir una nueva. Si no fuiste tú, no tienes que hacer nada."],
            new MailButton("Restablecer mi contraseña", Link(ForgotPath)), SpanishFooter)
        : MailLayout.Render(to, "You already have a Covacha account", "Hello,",
            ["Someone (perhaps you) tried to create a Covacha account with this email address, but you already have one.",
             "If you forgot your password you can choose a new one. If it was not you, there is nothing to do."],
            new MailButton("Reset my password", Link(ForgotPath)), EnglishFooter);

    public OutgoingMail PasswordReset(string to, string name, string token, string language) => Spanish(language)
        ? MailLayout.Render(to, "Restablece tu contraseña de Covacha", $"Hola, {name}:",
            ["Pediste elegir una nueva contraseña. El enlace vale 30 minutos y se usa una sola vez; al usarlo se cierran todas tus sesiones.",
             "Si no lo pediste, ignora este correo: tu contraseña no cambia."],
            new MailButton("Elegir una nueva contraseña", Link(ResetPath, token)), SpanishFooter)
        : MailLayout.Render(to, "Reset your Covacha password", $"Hi {name},",
            ["You asked to choose a new password. The link works once, for 30 minutes; using it signs you out everywhere.",
             "If you did not ask for this, ignore this mail: your password stays as it is."],
            new MailButton("Choose a new password", Link(ResetPath, token)), EnglishFooter);

    public OutgoingMail PasswordChanged(string to, string name, string language) => Spanish(language)
        ? MailLayout.Render(to, "Tu contraseña de Covacha cambió", $"Hola, {name}:",
            ["La contraseña de tu cuenta acaba de cambiar y se cerraron tus otras sesiones.",
             "Si no fuiste tú, restablécela ahora."],
            new MailButton("Restablecer mi contraseña", Link(ForgotPath)), SpanishFooter)
        : MailLayout.Render(to, "Your Covacha password was changed", $"Hi {name},",
            ["The password of your account was just changed and your other sessions were signed out.",
             "If this was not you, reset it now."],
            new MailButton("Reset my password", Link(ForgotPath)), EnglishFooter);

    public OutgoingMail ConfirmNewEmail(string to, string name, string token, string language) => Spanish(language)
        ? MailLayout.Render(to, "Confirma tu nuevo correo en Covacha", $"Hola, {name}:",
            ["Pediste usar este correo en tu cuenta de Covacha. Confírmalo para terminar el cambio.",
             $"El enlace vale {VerificationLifetime.TotalHours:0} horas y se usa una sola vez."],
            new MailButton("Confirmar mi nuevo correo", Link(VerifyPath, token)), SpanishFooter)
        : MailLayout.Render(to, "Confirm your new email for Covacha", $"Hi {name},",
            ["You asked to use this address for your Covacha account. Confirm it to finish the change.",
             $"The link works once, for {VerificationLifetime.TotalHours:0} hours."],
            new MailButton("Confirm my new email", Link(VerifyPath, token)), EnglishFooter);

    public OutgoingMail EmailChangeRequested(string to, string name, string newEmail, string language) => Spanish(language)
        ? MailLayout.Render(to, "Se pidió cambiar el correo de tu cuenta de Covacha", $"Hola, {name}:",
            [$"Se pidió cambiar el correo de tu cuenta a {newEmail}. El cambio se hará cuando se confirme desde esa dirección.",
             "Si no fuiste tú, restablece tu contraseña ahora: eso anula el cambio pendiente."],
            new MailButton("Restablecer mi contraseña", Link(ForgotPath)), SpanishFooter)
        : MailLayout.Render(to, "A change of your Covacha email was requested", $"Hi {name},",
            [$"Someone asked to change your account's email to {newEmail}. It changes once that address confirms it.",
             "If this was not you, reset your password now: that cancels the pending change."],
            new MailButton("Reset my password", Link(ForgotPath)), EnglishFooter);

    public static readonly TimeSpan VerificationLifetime = TimeSpan.FromHours(48);
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromMinutes(30);

    private const string EnglishFooter = "Covacha. You get this mail because of an action on your account; no need to answer it.";
    private const string SpanishFooter = "Covacha. Recibes este correo por una acción en tu cuenta; no hace falta responderlo.";

    private static bool Spanish(string language) => language == MailLanguage.Spanish;
}
