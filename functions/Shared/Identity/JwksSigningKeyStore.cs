using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Covacha.Shared.Identity;

/// <summary>
/// Auth's public keys fetched from its JWKS document and cached. An unknown <c>kid</c>
/// triggers a refresh (at most one every <see cref="MinRefreshInterval"/>), so a rotated key
/// is picked up without a restart and a flood of forged kids cannot hammer Auth.
/// </summary>
public sealed class JwksSigningKeyStore(
    HttpClient httpClient,
    IOptions<IdentityOptions> options,
    TimeProvider clock,
    ILogger<JwksSigningKeyStore> logger) : ISigningKeyStore, IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private Dictionary<string, SecurityKey> _keys = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public async ValueTask<SecurityKey?> FindAsync(string kid, CancellationToken cancellationToken)
    {
        var fresh = clock.GetUtcNow() - _fetchedAt < MaxAge;
        if (fresh && _keys.TryGetValue(kid, out var key))
        {
            return key;
        }

        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            var age = clock.GetUtcNow() - _fetchedAt;
            if (age >= MinRefreshInterval || !fresh)
            {
                await RefreshAsync(cancellationToken);
            }
        }
        finally
        {
            _refreshLock.Release();
        }

        return _keys.TryGetValue(kid, out key) ? key : null;
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var url = options.Value.JwksUrl
            ?? throw new SigningKeysUnavailableException("Identity:JwksUrl is not configured.");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var json = await httpClient.GetStringAsync(new Uri(url), timeout.Token);
            var set = new JsonWebKeySet(json);
            _keys = set.Keys
                .Where(k => !string.IsNullOrEmpty(k.Kid))
                .ToDictionary(k => k.Kid, k => (SecurityKey)k, StringComparer.Ordinal);
            _fetchedAt = clock.GetUtcNow();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ArgumentException)
        {
            logger.LogWarning(ex, "Fetching signing keys from {JwksUrl} failed", url);
            if (_keys.Count == 0)
            {
                throw new SigningKeysUnavailableException("The token signing keys could not be fetched.", ex);
            }
        }
    }

    public void Dispose() => _refreshLock.Dispose();
}
