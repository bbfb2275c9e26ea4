using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Covacha.Shared.Hosting;

/// <summary>
/// One Functions app as the shared runner sees it: its composition root, and the smaller one the
/// migration Job uses (only the stores and their schema).
/// </summary>
public sealed record FunctionsAppDefinition(
    string ServiceName,
    Action<IServiceCollection, IConfiguration> AddServices,
    Action<IServiceCollection, IConfiguration> AddMigrations);
