using Covacha.Shared.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Covacha.Shared.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>Token validation against Auth's published keys (for Products and Search).</summary>
    public static IServiceCollection AddJwksTokenValidation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<IdentityOptions>(configuration, IdentityOptions.Section,
            o => string.IsNullOrWhiteSpace(o.JwksUrl) ? "is required" : null, nameof(IdentityOptions.JwksUrl));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<ISigningKeyStore, JwksSigningKeyStore>();
        services.AddSingleton<AccessTokenValidator>();
        return services;
    }
}
