using Microsoft.IdentityModel.Tokens;

namespace Covacha.Shared.Identity;

/// <summary>Finds the public key that verifies a token signed with key id <c>kid</c>.</summary>
public interface ISigningKeyStore
{
    /// <summary>The key, or null when no such key is published.</summary>
    /// <exception cref="SigningKeysUnavailableException">The keys could not be fetched.</exception>
    ValueTask<SecurityKey?> FindAsync(string kid, CancellationToken cancellationToken);
}

public sealed class SigningKeysUnavailableException(string message, Exception? inner = null)
    : Exception(message, inner);
