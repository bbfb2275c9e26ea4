using Covacha.Testing;

namespace Covacha.Auth.Tests.Integration;

/// <summary>A dev host as <c>./covacha up</c> runs it: no address header configured, so the socket address counts.</summary>
public sealed class SocketAddressHost() : CovachaHost("tests-auth");

/// <summary>
/// A dev host with registration limits low enough to reach in a test, and fewer hashing slots
/// than the flood, behind a gateway that writes <see cref="AuthHost.AddressHeader"/>.
/// </summary>
public sealed class RegistrationLimitsHost() : CovachaHost("tests-auth")
{
    public const int PerAddress = 8;
    public const int Overall = 30;

    protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Auth:ClientAddressHeader"] = AuthHost.AddressHeader,
        ["Auth:Throttle:RegistrationsPerAddress"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Auth:Throttle:RegistrationsOverall"] = Overall.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Auth:MaxConcurrentHashes"] = "2",
        ["Auth:MaxConcurrentRegistrationHashes"] = "1",
    };
}
