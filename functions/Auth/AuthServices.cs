using Covacha.Auth.Data;
using Covacha.Auth.Mail;
using Covacha.Auth.Messaging;
using Covacha.Auth.Model;
using Covacha.Auth.Security;
using Covacha.Shared.Configuration;
using Covacha.Shared.Data;
using Covacha.Shared.Health;
using Covacha.Shared.Hosting;
using Covacha.Shared.Identity;
using Covacha.Shared.Mail;
using Covacha.Shared.Telemetry;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Covacha.Auth;

/// <summary>The composition root of the Auth app, used by its Functions host and by the dev host.</summary>
public static class AuthServices
{
    public const string ServiceName = "covacha-auth";

    /// <summary>This app for the shared runner (<c>Program.cs</c>) and the tests that build its worker host.</summary>
    public static readonly FunctionsAppDefinition App = new(
        ServiceName, (services, configuration) => services.AddAuth(configuration), (services, configuration) => services.AddAuthMigrations(configuration));

    public static IServiceCollection AddAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCovachaTelemetry(configuration, ServiceName, AuthMetrics.MeterName, MailMetrics.MeterName);
        // Registered first so the migrations (a hosted service) run before the seeder below.
        services.AddPostgres(configuration, "Auth", typeof(AuthServices).Assembly);
        services.AddSingleton<ReadinessProbe>();
        services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AuthJsonContext.Default));

        services.AddValidatedOptions<IdentityOptions>(configuration, IdentityOptions.Section);
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<ISigningKeyStore>(sp => sp.GetRequiredService<SigningKeyRing>());
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<AccessTokenIssuer>();

        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AuthOptions>>().Value;
            var wait = TimeSpan.FromMilliseconds(o.HashSlotWaitMilliseconds);
            var verifySlots = o.MaxConcurrentHashes > 0 ? o.MaxConcurrentHashes : Environment.ProcessorCount;
            var hashSlots = o.MaxConcurrentRegistrationHashes > 0 ? o.MaxConcurrentRegistrationHashes : Math.Max(1, Environment.ProcessorCount / 2);
            // The gates live as long as the hasher (a singleton), so the process owns them.
#pragma warning disable CA2000
            return new PasswordHasher(new HashingGate(verifySlots, wait), new HashingGate(hashSlots, wait));
#pragma warning restore CA2000
        });
        services.AddSingleton<AuthMetrics>();

        services.AddSingleton<UserStore>();
        services.AddSingleton<RefreshTokenStore>();
        services.AddSingleton<AttemptThrottle>();
        services.AddSingleton<ClientAddress>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<RequestLimiter>();
        services.AddSingleton<AccountMails>();
        services.AddSingleton<AccountRecovery>();
        services.AddSingleton<AccountSettings>();
        services.AddMail(configuration);
        services.AddSingleton<TakedownSignal>();
        services.AddHttpClient(ProductTakedownRelay.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHostedService<ProductTakedownRelay>();
        services.AddHostedService<AccountSeeder>();
        services.AddHostedService<ExpiredRowsPurger>();
        return services;
    }

    /// <summary>What <c>--migrate</c> needs: the database and its SQL scripts, nothing else.</summary>
    public static IServiceCollection AddAuthMigrations(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPostgresMigrations(configuration, "Auth", typeof(AuthServices).Assembly);
}
