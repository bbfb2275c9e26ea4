using System.Text.Json;
using Covacha.DevHost;

if (args.FirstOrDefault() == "routes")
{
    var table = CovachaApps.Create().SelectMany(a => a.Routes)
        .Select(r => new { r.App, r.FunctionName, r.Methods, r.Route });
    Console.WriteLine(JsonSerializer.Serialize(table, new JsonSerializerOptions { WriteIndented = true }));
    return;
}

var app = await DevHostApplication.BuildAsync(args);
await app.RunAsync();
