namespace Covacha.Auth;

/// <summary>Auth's own settings (section <c>Auth</c>), validated at start-up by <see cref="AuthOptionsValidator"/>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Signing keys; the first signs new tokens, all of them verify and are published.</summary>
    public List<SigningKeyOptions> SigningKeys { get; set; } = [];

    /// <summary>An admin created (or promoted) at start-up when configured.</summary>
    public AccountSeedOptions? BootstrapAdmin { get; set; }

    /// <summary>A normal user created at start-up when configured (demos, browser tests).</summary>
    public AccountSeedOptions? DemoUser { get; set; }

    public ThrottleOptions Throttle { get; set; } = new();

    public int AccessTokenLifetimeSeconds { get; set; } = 900;

    public int RefreshTokenLifetimeDays { get; set; } = 14;

    /// <summary>How long a login or registration waits for a free password-hashing slot before answering 503.</summary>
    public int HashSlotWaitMilliseconds { get; set; } = 2000;

    /// <summary>Concurrent password hashes; 0 means one per processor.</summary>
    public int MaxConcurrentHashes { get; set; }
}

public sealed class SigningKeyOptions
{
    public string KeyId { get; set; } = "";

    /// <summary>PKCS#8 PEM of an EC P-256 private key.</summary>
    public string PrivateKeyPem { get; set; } = "";
}

public sealed class AccountSeedOptions
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? DisplayName { get; set; }
}

public sealed class ThrottleOptions
{
    public int AccountFailures { get; set; } = 5;

    public int AddressFailures { get; set; } = 20;

    public int WindowSeconds { get; set; } = 300;
}
