using System.Net.Http.Json;
using Covacha.Search.Data;
using Covacha.Search.Messaging;
using Covacha.Search.Model;
using Covacha.Shared.Events;
using Covacha.Shared.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Covacha.Search.Reindex;

/// <summary>
/// Rebuilds the read model from Products' export, page by page, in the background. Rows are
/// replaced in place through the same version check as events, so searches keep working and
/// events that arrive meanwhile are neither lost nor overwritten by older exported state.
/// </summary>
public sealed class ReindexService(
    IHttpClientFactory httpClients,
    IOptions<SearchOptions> options,
    ISearchStore store,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ReindexService> logger)
{

    private readonly Lock _gate = new();
    private ReindexStatus _status = ReindexStatus.Initial;

    public ReindexStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Starts a rebuild unless one is running; returns the state either way.</summary>
    public ReindexStatus Start()
    {
        lock (_gate)
        {
            if (_status.State == ReindexStatus.Running)
            {
                return _status;
            }

            _status = new ReindexStatus(ReindexStatus.Running, 0, clock.GetUtcNow(), null, null);
        }

        _ = Task.Run(() => RunAsync(lifetime.ApplicationStopping));
        return Status;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            if (string.IsNullOrWhiteSpace(settings.ProductsBaseUrl))
            {
                throw new InvalidOperationException("Search:ProductsBaseUrl is not configured.");
            }

            using var httpClient = httpClients.CreateClient(nameof(ReindexService));
            var baseUri = new Uri(settings.ProductsBaseUrl.TrimEnd('/') + "/");
            string? after = null;
            do
            {
                var path = $"api/products/export?limit={settings.ReindexPageSize}" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, path));
                request.Headers.Add(ServiceKey.Header, settings.ProductsServiceKey);
                using var response = await httpClient.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"Products' export answered {(int)response.StatusCode}.");
                }

                var page = await response.Content.ReadFromJsonAsync(SearchJsonContext.Default.ExportPage, cancellationToken)
                    ?? throw new InvalidOperationException("Products' export returned an empty body.");
                var changes = page.Items.Select(ToChange).ToList();
                await store.ApplyAsync(changes, cancellationToken);
                lock (_gate)
                {
                    _status = _status with { Processed = _status.Processed + changes.Count };
                }

                after = page.Next;
            }
            while (after is not null);

            lock (_gate)
            {
                _status = _status with { State = ReindexStatus.Completed, FinishedAt = clock.GetUtcNow() };
            }

            logger.LogInformation("Reindex completed: {Processed} products", Status.Processed);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Reindex failed");
            lock (_gate)
            {
                _status = _status with { State = ReindexStatus.Failed, FinishedAt = clock.GetUtcNow(), Error = ex.Message };
            }
        }
    }

    private static ProductChange ToChange(ExportItem item) =>
        item.Deleted
            ? new ProductChange(item.Id, item.Version, null, item.UpdatedAt)
            : new ProductChange(item.Id, item.Version, Priced(
                new ProductSnapshot(item.Id, item.OwnerId, item.Name ?? "", item.Description ?? "", item.Price, item.PriceMinor,
                    item.Currency ?? "", item.Category ?? "", item.ImageUrl, item.Stock, item.CreatedAt, item.UpdatedAt, item.Version)),
                item.UpdatedAt);

    /// <summary>An export from before minor units has only <c>price</c>; Products is the system of record, so its minor units win a disagreement.</summary>
    private static ProductSnapshot Priced(ProductSnapshot snapshot) => EventParser.WithMinorUnits(snapshot) ?? snapshot;
}
