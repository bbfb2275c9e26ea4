using Covacha.Auth;
using Covacha.Shared.Data;
using Covacha.Shared.Pipeline;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseRequestPipeline();
builder.Services.AddAuth(builder.Configuration);
var host = builder.Build();
if (args.Contains(MigrationCommand.Argument))
{
    await host.Services.MigrateDatabasesAsync();
    return;
}

await host.RunAsync();
