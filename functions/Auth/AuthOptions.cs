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

    /// <summary>The browser origin the links in mails open (the frontend), e.g. <c>https://covacha.example</c>.</summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>Products' base URL, which Auth calls to take a deleted account's products down.</summary>
    public string ProductsBaseUrl { get; set; } = "";

    /// <summary>The key Products accepts from Auth and Search (<c>Products:ServiceKey</c> there).</summary>
    public string? ProductsServiceKey { get; set; }

    public MailLimitOptions MailLimits { get; set; } = new();

    public int AccessTokenLifetimeSeconds { get; set; } = 900;

    /// <summary>Sliding lifetime: each refresh token lives this long, and each rotation starts it again.</summary>
    public int RefreshTokenLifetimeDays { get; set; } = 14;

    /// <summary>Absolute lifetime: a session (a refresh family) ends this long after its login, however often it is refreshed.</summary>
    public int SessionLifetimeDays { get; set; } = 30;

    /// <summary>
    /// The request header that carries the client's address, written by the gateway in front of
    /// Auth (which overwrites whatever the client sent). Unset: the connection's remote address.
    /// Never a header the client controls, such as <c>X-Forwarded-For</c>.
    /// </summary>
    public string? ClientAddressHeader { get; set; }

    /// <summary>How long a login or registration waits for a free password-hashing slot before answering 503.</summary>
    public int HashSlotWaitMilliseconds { get; set; } = 2000;

    /// <summary>Concurrent password verifications for logins; 0 means one per processor.</summary>
    public int MaxConcurrentHashes { get; set; }

    /// <summary>
    /// Concurrent new-password hashes (registration and password changes), a gate apart from the
    /// logins' so a sign-up flood never takes their slots; 0 means half the processors (at least one).
    /// </summary>
    public int MaxConcurrentRegistrationHashes { get; set; }
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
    /// <summary>Login attempts per account and window that did not succeed (attempts in flight count).</summary>
    public int AccountFailures { get; set; } = 5;

    /// <summary>Login attempts per client address and window that did not succeed (attempts in flight count).</summary>
    public int AddressFailures { get; set; } = 20;

    public int WindowSeconds { get; set; } = 300;

    /// <summary>Registrations per client address and <see cref="RegistrationAddressWindowSeconds"/>.</summary>
    public int RegistrationsPerAddress { get; set; } = 10;

    public int RegistrationAddressWindowSeconds { get; set; } = 3600;

    /// <summary>Registrations from all addresses together per <see cref="RegistrationsOverallWindowSeconds"/>.</summary>
    public int RegistrationsOverall { get; set; } = 120;

    public int RegistrationsOverallWindowSeconds { get; set; } = 60;
}

/// <summary>How many mail-sending requests one key may make per window (counted before acting).</summary>
public sealed class MailLimitOptions
{
    /// <summary>Forgot-password requests per client address.</summary>
    public int ForgotPerAddress { get; set; } = 10;

    /// <summary>Reset mails per email address (further requests still answer alike, without mail).</summary>
    public int ForgotPerEmail { get; set; } = 3;

    /// <summary>Verification resends, and email-change requests, per account.</summary>
    public int ResendPerAccount { get; set; } = 3;

    /// <summary>"You already have an account" mails per address.</summary>
    public int ExistsPerEmail { get; set; } = 3;

    public int WindowSeconds { get; set; } = 900;
}
