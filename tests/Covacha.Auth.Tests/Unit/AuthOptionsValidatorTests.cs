using Covacha.Auth;

namespace Covacha.Auth.Tests.Unit;

public sealed class AuthOptionsValidatorTests
{
    private static IEnumerable<string> Failures(AuthOptions options) =>
        new AuthOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void Validate_NoSigningKeys_NamesTheMissingKey()
    {
        var failures = Failures(new AuthOptions());

        Assert.Contains("Auth:SigningKeys:0:KeyId is required", failures);
        Assert.Contains("Auth:SigningKeys:0:PrivateKeyPem is required", failures);
    }

    [Fact]
    public void Validate_SecondKeyWithoutPem_NamesIndex()
    {
        var options = TestKey.Ring(new TestKey()).Value;
        options.SigningKeys.Add(new SigningKeyOptions { KeyId = "two" });

        Assert.Equal(["Auth:SigningKeys:1:PrivateKeyPem is required"], Failures(options));
    }

    [Fact]
    public void Validate_PemNotAnEcKey_Rejected()
    {
        var options = new AuthOptions { SigningKeys = [new SigningKeyOptions { KeyId = "k", PrivateKeyPem = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" }] };

        Assert.Contains(Failures(options), f => f.StartsWith("Auth:SigningKeys:0:PrivateKeyPem", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_P384Key_Rejected()
    {
        using var p384 = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        var options = new AuthOptions { SigningKeys = [new SigningKeyOptions { KeyId = "k", PrivateKeyPem = p384.ExportPkcs8PrivateKeyPem() }] };

        Assert.Contains(Failures(options), f => f.StartsWith("Auth:SigningKeys:0:PrivateKeyPem", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BootstrapAdminWithoutPassword_NamesPasswordKey()
    {
        var options = TestKey.Ring(new TestKey()).Value;
        options.BootstrapAdmin = new AccountSeedOptions { Email = "root@example.com" };

        Assert.Contains(Failures(options), f => f.StartsWith("Auth:BootstrapAdmin:Password", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ValidKeysAndSeeds_Succeeds()
    {
        var options = TestKey.Ring(new TestKey(), new TestKey()).Value;
        options.BootstrapAdmin = new AccountSeedOptions { Email = "root@example.com", Password = "a long admin secret" };
        options.DemoUser = new AccountSeedOptions();

        Assert.Empty(Failures(options));
    }

    [Fact]
    public void Validate_NoPublicUrl_NamesIt()
    {
        var options = TestKey.Ring(new TestKey()).Value;
        options.PublicUrl = "covacha.example";

        Assert.Equal(["Auth:PublicUrl is required and must be an absolute http(s) URL"], Failures(options));
    }
}
