using System.Security.Cryptography;
using System.Text;

namespace Covacha.Shared.Pipeline;

/// <summary>
/// The shared secret one service presents to another (Search to Products' export) in place of a
/// user's token. The app that accepts it registers an <see cref="IServiceKeySource"/>.
/// </summary>
public static class ServiceKey
{
    public const string Header = "X-Covacha-Service-Key";

    /// <summary>Constant-time comparison; never true when no key is configured.</summary>
    public static bool Matches(string presented, string? expected) =>
        expected is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}

/// <summary>Where an app keeps the service key it accepts.</summary>
public interface IServiceKeySource
{
    string? ServiceKey { get; }
}
