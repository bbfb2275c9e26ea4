using System.Net;
using System.Security.Cryptography;
using Covacha.Shared.Identity;
using Covacha.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Covacha.Auth.Tests.Unit;

/// <summary>The key cache of Products and Search against a fake Auth that is slow, hangs or fails.</summary>
public sealed class JwksSigningKeyStoreTests : IDisposable
{
    private const string Kid = "k-1";
    private readonly FakeAuth _auth = new();
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http;
    private readonly JwksSigningKeyStore _store;

    public JwksSigningKeyStoreTests()
    {
        _http = new HttpClient(_auth);
        _store = new JwksSigningKeyStore(_http, Options.Create(new IdentityOptions { JwksUrl = "http://auth.test/jwks.json" }),
            _clock, NullLogger<JwksSigningKeyStore>.Instance);
    }

    public void Dispose()
    {
        _auth.Release();
        _http.Dispose();
    }

    [Fact]
    public async Task FindAsync_TwentyCallersBeforeAnyKeys_OneFetchSharedByAll()
    {
        _auth.Hold();
        var callers = Enumerable.Range(0, 20).Select(_ => _store.FindAsync(Kid, CancellationToken.None).AsTask()).ToList();
        await Eventually.WaitAsync(() => Task.FromResult(_auth.Calls), c => c >= 1, TimeSpan.FromSeconds(5), "the fetch");

        _auth.Release();
        var keys = await Task.WhenAll(callers);

        Assert.All(keys, Assert.NotNull);
        Assert.Equal(1, _auth.Calls);
    }

    [Fact]
    public async Task FindAsync_KeysPastMaxAgeAndAuthHanging_EveryCallerServedAtOnceAndOneRefreshRuns()
    {
        Assert.NotNull(await _store.FindAsync(Kid, CancellationToken.None));
        _clock.Now += JwksSigningKeyStore.MaxAge + TimeSpan.FromMinutes(1);
        _auth.Hold();

        var answers = Enumerable.Range(0, 20).Select(_ => _store.FindAsync(Kid, CancellationToken.None)).ToList();

        Assert.All(answers, a => Assert.True(a.IsCompletedSuccessfully, "a caller waited on the refresh"));
        foreach (var answer in answers)
        {
            Assert.NotNull(await answer);
        }

        await Eventually.WaitAsync(() => Task.FromResult(_auth.Calls), c => c >= 2, TimeSpan.FromSeconds(5), "the refresh");
        Assert.Equal(2, _auth.Calls);
    }

    [Fact]
    public async Task FindAsync_AfterAFailedRefresh_CachedKeysStillVerifyAndTheNextTryBacksOff()
    {
        Assert.NotNull(await _store.FindAsync(Kid, CancellationToken.None));
        _clock.Now += JwksSigningKeyStore.MaxAge + TimeSpan.FromMinutes(1);
        _auth.Failing = true;

        // An unknown kid waits for the refresh (bounded), which fails: no key for it, no 503.
        Assert.Null(await _store.FindAsync("unknown", CancellationToken.None));
        Assert.Equal(2, _auth.Calls);

        var during = _store.FindAsync(Kid, CancellationToken.None);
        Assert.True(during.IsCompletedSuccessfully);
        Assert.NotNull(await during);
        Assert.Null(await _store.FindAsync("another-unknown", CancellationToken.None));
        Assert.Equal(2, _auth.Calls);

        _clock.Now += JwksSigningKeyStore.Retry.First + TimeSpan.FromSeconds(1);
        _auth.Failing = false;
        Assert.NotNull(await _store.FindAsync(Kid, CancellationToken.None));
        await Eventually.WaitAsync(() => Task.FromResult(_auth.Calls), c => c >= 3, TimeSpan.FromSeconds(5), "the retry after the back-off");
    }

    [Fact]
    public async Task FindAsync_KeysOlderThanMaxStaleAgeAndAuthDown_Unavailable()
    {
        Assert.NotNull(await _store.FindAsync(Kid, CancellationToken.None));
        _clock.Now += JwksSigningKeyStore.MaxStaleAge + TimeSpan.FromMinutes(1);
        _auth.Failing = true;

        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => _store.FindAsync(Kid, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task FindAsync_FirstFetchHangs_CallerGivesUpAfterTheWaitBound()
    {
        _auth.Hold();

        var caller = _store.FindAsync(Kid, CancellationToken.None).AsTask();

        // Bounded by MaxWait (2 s), not by the fetch (which never ends here) nor its 5 s timeout.
        var finished = await Task.WhenAny(caller, Task.Delay(JwksSigningKeyStore.FetchTimeout - TimeSpan.FromSeconds(1)));
        Assert.Same(caller, finished);
        await Assert.ThrowsAsync<SigningKeysUnavailableException>(() => caller);
    }

    private sealed class FakeAuth : HttpMessageHandler
    {
        private static readonly string Jwks = CreateJwks();
        private TaskCompletionSource _gate = Open();
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public bool Failing { get; set; }

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await _gate.Task.WaitAsync(cancellationToken);
            return Failing
                ? new HttpResponseMessage(HttpStatusCode.InternalServerError)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Jwks) };
        }

        private static TaskCompletionSource Open()
        {
            var open = new TaskCompletionSource();
            open.SetResult();
            return open;
        }

        private static string CreateJwks()
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var p = ecdsa.ExportParameters(false);
            return $$"""{"keys":[{"kty":"EC","crv":"P-256","kid":"{{Kid}}","use":"sig","alg":"ES256","x":"{{Base64UrlEncoder.Encode(p.Q.X!)}}","y":"{{Base64UrlEncoder.Encode(p.Q.Y!)}}"}]}""";
        }
    }
}
