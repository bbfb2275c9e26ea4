using System.Text.Json;
using Covacha.Shared.Events;
using Covacha.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Covacha.Search.Tests.Infrastructure;

/// <summary>
/// What Search calls out to, faked on loopback: Auth's JWKS (a <see cref="TestTokenIssuer"/>, so
/// tests mint admin and user tokens) and Products' export (serving whatever the test puts in it).
/// </summary>
public sealed class FakeUpstream : IAsyncDisposable
{
    private WebApplication? _app;

    public TestTokenIssuer Tokens { get; } = new();
    public string BaseUrl { get; private set; } = "";
    public string JwksUrl => Tokens.JwksUrl;
    public string ServiceKey { get; set; } = "";

    /// <summary>The export's content: products by id, with a deleted flag.</summary>
    public List<(ProductSnapshot Product, bool Deleted)> Export { get; } = [];

    private int _exportRequests;
    private int _rejectedExportRequests;

    public int ExportRequests => Volatile.Read(ref _exportRequests);
    public int RejectedExportRequests => Volatile.Read(ref _rejectedExportRequests);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/api/products/export", (HttpRequest request) =>
        {
            Interlocked.Increment(ref _exportRequests);
            if (request.Headers[Covacha.Shared.Pipeline.ServiceKey.Header] != ServiceKey)
            {
                Interlocked.Increment(ref _rejectedExportRequests);
                return Results.StatusCode(401);
            }

            var limit = int.TryParse(request.Query["limit"], out var l) ? l : 100;
            Guid? after = Guid.TryParse(request.Query["after"], out var a) ? a : null;
            List<(ProductSnapshot Product, bool Deleted)> snapshot;
            lock (Export)
            {
                snapshot = Export.OrderBy(e => e.Product.Id.ToString()).ToList();
            }

            var page = snapshot.Where(e => after is null || string.CompareOrdinal(e.Product.Id.ToString(), after.Value.ToString()) > 0)
                .Take(limit).ToList();
            var next = page.Count == limit ? page[^1].Product.Id.ToString() : null;
            var items = page.Select(e => new Dictionary<string, object?>
            {
                ["id"] = e.Product.Id, ["ownerId"] = e.Product.OwnerId, ["name"] = e.Product.Name,
                ["description"] = e.Product.Description, ["price"] = e.Product.Price, ["currency"] = e.Product.Currency,
                ["category"] = e.Product.Category, ["imageUrl"] = e.Product.ImageUrl, ["stock"] = e.Product.Stock,
                ["createdAt"] = e.Product.CreatedAt, ["updatedAt"] = e.Product.UpdatedAt, ["version"] = e.Product.Version,
                ["deleted"] = e.Deleted,
            }).ToList();
            return Results.Text(JsonSerializer.Serialize(new Dictionary<string, object?> { ["items"] = items, ["next"] = next }), "application/json");
        });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Tokens.Dispose();
    }
}
