using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Covacha.Shared.Messaging;

public static class RabbitMqServiceCollectionExtensions
{
    /// <summary>Binds <see cref="RabbitMqOptions"/> and validates them when the host starts, with a message naming the key.</summary>
    public static IServiceCollection AddRabbitMq(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RabbitMqOptions>()
            .Configure(o => o.Uri = configuration.GetConnectionString(RabbitMqOptions.ConnectionStringName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RabbitMqOptions>, Validator>();
        return services;
    }

    private sealed class Validator : IValidateOptions<RabbitMqOptions>
    {
        public ValidateOptionsResult Validate(string? name, RabbitMqOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
