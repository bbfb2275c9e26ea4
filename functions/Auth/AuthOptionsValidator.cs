using System.Security.Cryptography;
using Covacha.Auth.Security;
using Microsoft.Extensions.Options;

namespace Covacha.Auth;

/// <summary>Checks <see cref="AuthOptions"/> at start-up; every failure names the full configuration key.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        const string keys = AuthOptions.Section + ":SigningKeys";
        if (options.SigningKeys.Count == 0)
        {
            failures.Add($"{keys}:0:KeyId is required");
            failures.Add($"{keys}:0:PrivateKeyPem is required");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            var key = options.SigningKeys[i];
            if (string.IsNullOrWhiteSpace(key.KeyId))
            {
                failures.Add($"{keys}:{i}:KeyId is required");
            }
            else if (!seen.Add(key.KeyId))
            {
                failures.Add($"{keys}:{i}:KeyId repeats key id '{key.KeyId}'");
            }

            if (string.IsNullOrWhiteSpace(key.PrivateKeyPem))
            {
                failures.Add($"{keys}:{i}:PrivateKeyPem is required");
            }
            else if (!IsP256PrivateKey(key.PrivateKeyPem))
            {
                failures.Add($"{keys}:{i}:PrivateKeyPem is not a PKCS#8 PEM EC P-256 private key");
            }
        }

        CheckSeed(options.BootstrapAdmin, "BootstrapAdmin", failures);
        CheckSeed(options.DemoUser, "DemoUser", failures);

        var throttle = options.Throttle;
        if (throttle.AccountFailures < 1 || throttle.AddressFailures < 1 || throttle.WindowSeconds < 1)
        {
            failures.Add($"{AuthOptions.Section}:Throttle must have positive AccountFailures, AddressFailures and WindowSeconds");
        }

        if (throttle.RegistrationsPerAddress < 1 || throttle.RegistrationAddressWindowSeconds < 1
            || throttle.RegistrationsOverall < 1 || throttle.RegistrationsOverallWindowSeconds < 1)
        {
            failures.Add($"{AuthOptions.Section}:Throttle must have positive RegistrationsPerAddress, RegistrationAddressWindowSeconds, "
                + "RegistrationsOverall and RegistrationsOverallWindowSeconds");
        }

        if (options.ClientAddressHeader is { } header && (header.Length == 0 || header.Any(c => c <= ' ' || c >= 127 || c == ':')))
        {
            failures.Add($"{AuthOptions.Section}:ClientAddressHeader must be a header name");
        }

        if (options.AccessTokenLifetimeSeconds is < 60 or > 3600)
        {
            failures.Add($"{AuthOptions.Section}:AccessTokenLifetimeSeconds must be between 60 and 3600");
        }

        if (options.RefreshTokenLifetimeDays is < 1 or > 90)
        {
            failures.Add($"{AuthOptions.Section}:RefreshTokenLifetimeDays must be between 1 and 90");
        }

        if (options.SessionLifetimeDays < options.RefreshTokenLifetimeDays || options.SessionLifetimeDays > 365)
        {
            failures.Add($"{AuthOptions.Section}:SessionLifetimeDays must be between RefreshTokenLifetimeDays and 365");
        }

        CheckUrl(options.PublicUrl, "PublicUrl", failures);
        CheckUrl(options.ProductsBaseUrl, "ProductsBaseUrl", failures);
        var limits = options.MailLimits;
        if (limits.ForgotPerAddress < 1 || limits.ForgotPerEmail < 1 || limits.ResendPerAccount < 1 || limits.ExistsPerEmail < 1
            || limits.WindowSeconds < 1)
        {
            failures.Add($"{AuthOptions.Section}:MailLimits must have positive limits and WindowSeconds");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckSeed(AccountSeedOptions? seed, string name, List<string> failures)
    {
        if (seed is null || (string.IsNullOrWhiteSpace(seed.Email) && string.IsNullOrEmpty(seed.Password)))
        {
            return;
        }

        var prefix = $"{AuthOptions.Section}:{name}";
        if (string.IsNullOrWhiteSpace(seed.Email) || !AccountRules.IsValidEmail(AccountRules.NormalizeEmail(seed.Email)))
        {
            failures.Add($"{prefix}:Email is required and must be an email address");
        }

        if (string.IsNullOrEmpty(seed.Password))
        {
            failures.Add($"{prefix}:Password is required when {prefix}:Email is set");
        }
        else if (PasswordPolicy.Check(seed.Password) is { } problem)
        {
            failures.Add($"{prefix}:Password {problem}");
        }
    }

    private static void CheckUrl(string value, string name, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            failures.Add($"{AuthOptions.Section}:{name} is required and must be an absolute http(s) URL");
        }
    }

    private static bool IsP256PrivateKey(string pem)
    {
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(pem);
            var parameters = ecdsa.ExportParameters(false);
            return parameters.Curve.Oid?.Value == ECCurve.NamedCurves.nistP256.Oid.Value
                || parameters.Curve.Oid?.FriendlyName is "nistP256" or "ECDSA_P256";
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            return false;
        }
    }
}
