using Covacha.Shared.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Covacha.Shared.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Mail through the app's <c>mail_outbox</c> table (its migrations create it) and a hosted
    /// sender to the SMTP server configured in section <c>Mail</c>. Needs the app's NpgsqlDataSource.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MailOptions>(configuration, MailOptions.Section);
        services.TryAddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<MailSignal>();
        services.AddSingleton<MailOutbox>();
        services.TryAddSingleton<MailMetrics>();
        services.AddHostedService<MailSender>();
        return services;
    }
}
