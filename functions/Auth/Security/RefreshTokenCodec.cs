using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Covacha.Auth.Security;

/// <summary>Refresh tokens are 32 random bytes, base64url; only their SHA-256 is stored.</summary>
public static class RefreshTokenCodec
{
    public const int TokenBytes = 32;

    /// <summary>The encoded length of a token; anything else is refused before touching the database.</summary>
    public const int EncodedLength = 43;

    public static string NewToken() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(TokenBytes));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    public static bool LooksValid(string? token) =>
        token is { Length: EncodedLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
