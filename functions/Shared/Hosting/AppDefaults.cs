using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Covacha.Shared.Hosting;

/// <summary>
/// Settings every app gets under every host (the Functions worker, the migration Job, the dev
/// host) unless its configuration says otherwise.
/// </summary>
public static class AppDefaults
{
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        // Per-request logs (ASP.NET Core's request and endpoint lines, Npgsql's per-command line,
        // HttpClient's per-call lines) cost more CPU than serving a request; warnings and errors still show.
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Npgsql"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    /// <summary>Adds <see cref="Settings"/> underneath every other source, so any of them overrides a default.</summary>
    public static void AddSettings(IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Settings });
}
