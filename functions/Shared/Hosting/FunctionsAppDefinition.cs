using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Covacha.Shared.Hosting;

/// <summary>
/// One Functions app as the shared runner sees it: its composition root, the smaller one the
/// migration Job uses (only the stores and their schema), and any operator commands of its own
/// (<c>dotnet Covacha.App.dll --name ...</c>: the argument, and what runs it to an exit code).
/// </summary>
public sealed record FunctionsAppDefinition(
    string ServiceName,
    Action<IServiceCollection, IConfiguration> AddServices,
    Action<IServiceCollection, IConfiguration> AddMigrations,
    IReadOnlyDictionary<string, Func<string[], Task<int>>>? Commands = null);
