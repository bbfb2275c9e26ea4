using Covacha.Auth.Security;
using Covacha.Shared.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Covacha.Auth.Tests.Unit;

public sealed class AccessTokenIssuerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly IOptions<IdentityOptions> Identity =
        Options.Create(new IdentityOptions { Issuer = "covacha-test", Audience = "covacha", ClockSkewSeconds = 0 });

    private static readonly AccountSubject Subject = new(Guid.NewGuid(), "ana@example.com", "Ana", Roles.Admin);

    private static (AccessTokenIssuer Issuer, SigningKeyRing Ring) Create(FixedClock clock, params TestKey[] keys)
    {
        var options = TestKey.Ring(keys);
        var ring = new SigningKeyRing(options);
        return (new AccessTokenIssuer(ring, Identity, options, clock), ring);
    }

    [Fact]
    public void Issue_Subject_CarriesContractClaims()
    {
        var (issuer, ring) = Create(new FixedClock(Now), new TestKey());
        using var _ = ring;

        var issued = issuer.Issue(Subject);
        var jwt = new JsonWebToken(issued.Token);

        Assert.Equal("covacha-test", jwt.Issuer);
        Assert.Equal(["covacha"], jwt.Audiences);
        Assert.Equal(Subject.Id.ToString(), jwt.Subject);
        Assert.Equal("admin", jwt.GetClaim("role").Value);
        Assert.Equal("ana@example.com", jwt.GetClaim("email").Value);
        Assert.Equal("Ana", jwt.GetClaim("name").Value);
        Assert.False(string.IsNullOrEmpty(jwt.Id));
        Assert.Equal(Now.UtcDateTime, jwt.IssuedAt);
    }

    [Fact]
    public void Issue_TwoTokens_HaveDistinctJti()
    {
        var (issuer, ring) = Create(new FixedClock(Now), new TestKey());
        using var _ = ring;

        Assert.NotEqual(new JsonWebToken(issuer.Issue(Subject).Token).Id, new JsonWebToken(issuer.Issue(Subject).Token).Id);
    }

    [Fact]
    public void Issue_Default_LivesFifteenMinutes()
    {
        var (issuer, ring) = Create(new FixedClock(Now), new TestKey());
        using var _ = ring;

        var issued = issuer.Issue(Subject);
        var jwt = new JsonWebToken(issued.Token);

        Assert.Equal(900, issued.ExpiresIn);
        Assert.Equal(Now.AddMinutes(15).UtcDateTime, jwt.ValidTo);
    }

    [Fact]
    public void Issue_TwoKeys_SignsWithFirstKeyAndEs256()
    {
        var first = new TestKey();
        var (issuer, ring) = Create(new FixedClock(Now), first, new TestKey());
        using var _ = ring;

        var jwt = new JsonWebToken(issuer.Issue(Subject).Token);

        Assert.Equal(first.KeyId, jwt.Kid);
        Assert.Equal(SecurityAlgorithms.EcdsaSha256, jwt.Alg);
    }

    [Fact]
    public async Task Validate_TokenFromRotatedOutActiveKey_StillAccepted()
    {
        var old = new TestKey();
        var fresh = new TestKey();
        var clock = new FixedClock(Now);
        // Before rotation "old" signs; after rotation "fresh" signs and "old" is still published.
        var (before, beforeRing) = Create(clock, old);
        var (_, afterRing) = Create(clock, fresh, old);
        using var a = beforeRing;
        using var b = afterRing;
        var validator = new AccessTokenValidator(afterRing, Identity, clock);

        var result = await validator.ValidateAsync(before.Issue(Subject).Token, CancellationToken.None);

        Assert.Null(result.Problem);
        Assert.Equal(Subject.Id, result.Caller!.UserId);
        Assert.True(result.Caller.IsAdmin);
    }

    [Fact]
    public async Task Validate_TokenFromKeyNoLongerConfigured_Rejected()
    {
        var clock = new FixedClock(Now);
        var (issuer, ring) = Create(clock, new TestKey());
        var (_, other) = Create(clock, new TestKey());
        using var a = ring;
        using var b = other;
        var validator = new AccessTokenValidator(other, Identity, clock);

        var result = await validator.ValidateAsync(issuer.Issue(Subject).Token, CancellationToken.None);

        Assert.Equal(401, result.Problem?.Status);
    }

    [Fact]
    public async Task Validate_AfterLifetime_Rejected()
    {
        var clock = new FixedClock(Now);
        var (issuer, ring) = Create(clock, new TestKey());
        using var _ = ring;
        var token = issuer.Issue(Subject).Token;
        clock.Now = Now.AddMinutes(15).AddSeconds(1);

        var result = await new AccessTokenValidator(ring, Identity, clock).ValidateAsync(token, CancellationToken.None);

        Assert.Equal(401, result.Problem?.Status);
    }

    [Fact]
    public async Task FindAsync_KnownKid_ReturnsPublicKeyOnly()
    {
        var key = new TestKey();
        using var ring = new SigningKeyRing(TestKey.Ring(key, new TestKey()));

        var found = await ring.FindAsync(key.KeyId, CancellationToken.None);

        Assert.NotNull(found);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Assert.IsType<ECDsaSecurityKey>(found).ECDsa.ExportParameters(true));
        Assert.Equal(2, ring.Public.Count);
        Assert.All(ring.Public, k => Assert.Equal(("EC", "P-256", "ES256", "sig"), (k.Kty, k.Crv, k.Alg, k.Use)));
        Assert.Null(await ring.FindAsync("nope", CancellationToken.None));
    }
}
