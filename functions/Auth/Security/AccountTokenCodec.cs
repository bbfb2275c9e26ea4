using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Covacha.Auth.Security;

/// <summary>
/// The token in a mailed link: <c>&lt;user id, 32 hex&gt;.&lt;32 random bytes, base64url&gt;</c>. Only the
/// SHA-256 of the secret is stored; a token is accepted only for the user it names, so a secret
/// moved onto another user's id is refused like a tampered one.
/// </summary>
public static class AccountTokenCodec
{
    public const int SecretBytes = 32;
    private const int SecretLength = 43;

    public static (string Token, byte[] Hash) New(Guid userId)
    {
        var secret = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{userId:N}.{secret}", Hash(secret));
    }

    /// <summary>The user and secret hash of a well-formed token; null for anything else, before touching the database.</summary>
    public static (Guid UserId, byte[] Hash)? Parse(string? token)
    {
        if (token is not { Length: 32 + 1 + SecretLength } || token[32] != '.'
            || !Guid.TryParseExact(token.AsSpan(0, 32), "N", out var userId))
        {
            return null;
        }

        var secret = token[33..];
        return secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? (userId, Hash(secret)) : null;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));
}
