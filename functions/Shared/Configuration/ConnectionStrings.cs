using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Covacha.Shared.Configuration;

public static class ConnectionStrings
{
    /// <summary>The named connection string, or a start-up error naming the missing key.</summary>
    public static string Required(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new OptionsValidationException(
                $"ConnectionStrings:{name}", typeof(string), [$"ConnectionStrings:{name} is required"]);
}
