using Covacha.Shared.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Covacha.Shared.Identity;

/// <summary>
/// Auth's public keys fetched from its JWKS document and cached. At most one fetch runs at a
/// time and every caller that needs it shares it. A fetch never holds a request up for long:
/// <list type="bullet">
/// <item>keys older than <see cref="MaxAge"/> are refreshed behind the request, which is served
/// with the keys it has (stale keys still verify: a key is withdrawn by rotation, not by age);</item>
/// <item>an unknown <c>kid</c> triggers a fetch (at most one every <see cref="MinRefreshInterval"/>,
/// so forged kids cannot hammer Auth) that a request waits for at most <see cref="MaxWait"/>;</item>
/// <item>after a failed fetch the next waits a growing back-off (<see cref="Retry"/>: up to a minute)
/// while the cached keys go on verifying, up to <see cref="MaxStaleAge"/> after the last
/// successful fetch; only then, or before any fetch ever succeeded, does a request get 503.</item>
/// </list>
/// </summary>
public sealed class JwksSigningKeyStore(
    HttpClient httpClient,
    IOptions<IdentityOptions> options,
    TimeProvider clock,
    ILogger<JwksSigningKeyStore> logger) : ISigningKeyStore
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan MaxStaleAge = TimeSpan.FromHours(1);
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);
    public static readonly Backoff Retry = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

    private readonly Lock _gate = new();
    private KeySet? _keys;
    private Task? _fetch;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;
    private DateTimeOffset _retryNotBefore = DateTimeOffset.MinValue;
    private int _failures;

    public async ValueTask<SecurityKey?> FindAsync(string kid, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var keys = Volatile.Read(ref _keys);
        if (keys is not null && now - keys.FetchedAt < MaxStaleAge && keys.ByKid.TryGetValue(kid, out var known))
        {
            if (now - keys.FetchedAt >= MaxAge)
            {
                _ = Start(now, unknownKid: false);
            }

            return known;
        }

        if (Start(now, unknownKid: true) is { } fetch)
        {
            try
            {
                await fetch.WaitAsync(MaxWait, cancellationToken);
            }
            catch (TimeoutException)
            {
                // The fetch goes on for later requests; this one answers with what is cached.
            }
        }

        keys = Volatile.Read(ref _keys);
        if (keys is null || clock.GetUtcNow() - keys.FetchedAt >= MaxStaleAge)
        {
            throw new SigningKeysUnavailableException("The token signing keys could not be fetched.");
        }

        return keys.ByKid.TryGetValue(kid, out var key) ? key : null;
    }

    /// <summary>The fetch in flight, a new one when allowed, or null (backing off, or refreshed too recently).</summary>
    private Task? Start(DateTimeOffset now, bool unknownKid)
    {
        lock (_gate)
        {
            if (_fetch is { IsCompleted: false } running)
            {
                return running;
            }

            var keys = _keys;
            var usable = keys is not null && now - keys.FetchedAt < MaxStaleAge;
            if (now < _retryNotBefore || (unknownKid && usable && now - _lastAttempt < MinRefreshInterval))
            {
                return null;
            }

            _lastAttempt = now;
            // Not the caller's token: the fetch is shared, and one caller giving up must not cancel it for the rest.
            _fetch = Task.Run(FetchAsync, CancellationToken.None);
            return _fetch;
        }
    }

    private async Task FetchAsync()
    {
        var url = options.Value.JwksUrl;
        try
        {
            if (string.IsNullOrEmpty(url))
            {
                throw new InvalidOperationException("Identity:JwksUrl is not configured.");
            }

            using var timeout = new CancellationTokenSource(FetchTimeout);
            var json = await httpClient.GetStringAsync(new Uri(url), timeout.Token);
            var set = new JsonWebKeySet(json);
            var byKid = set.Keys
                .Where(k => !string.IsNullOrEmpty(k.Kid))
                .ToDictionary(k => k.Kid, k => (SecurityKey)k, StringComparer.Ordinal);
            lock (_gate)
            {
                Volatile.Write(ref _keys, new KeySet(byKid, clock.GetUtcNow()));
                _failures = 0;
                _retryNotBefore = DateTimeOffset.MinValue;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ArgumentException
                                       or InvalidOperationException or System.Text.Json.JsonException or UriFormatException)
        {
            lock (_gate)
            {
                _failures++;
                var backoff = Retry.Delay(_failures);
                _retryNotBefore = clock.GetUtcNow() + backoff;
                logger.LogWarning(ex, "Fetching signing keys from {JwksUrl} failed ({Failures} in a row); next try in {Backoff}",
                    url, _failures, backoff);
            }
        }
    }

    private sealed record KeySet(IReadOnlyDictionary<string, SecurityKey> ByKid, DateTimeOffset FetchedAt);
}
