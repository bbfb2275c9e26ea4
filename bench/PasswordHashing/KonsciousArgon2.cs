using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace Covacha.Bench.PasswordHashing;

/// <summary>
/// The managed Argon2id the service used before libsodium, with the same parameters and PHC
/// strings as <c>PasswordHasher</c>; kept here only to compare the two.
/// </summary>
internal static class KonsciousArgon2
{
    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Compute(password, salt, Covacha.Auth.Security.PasswordHasher.MemoryKib, Covacha.Auth.Security.PasswordHasher.Iterations, Covacha.Auth.Security.PasswordHasher.Parallelism, 32);
        return string.Create(CultureInfo.InvariantCulture,
            $"$argon2id$v=19$m={Covacha.Auth.Security.PasswordHasher.MemoryKib},t={Covacha.Auth.Security.PasswordHasher.Iterations},p={Covacha.Auth.Security.PasswordHasher.Parallelism}${Encode(salt)}${Encode(hash)}");
    }

    /// <summary>Verifies a well-formed string (this bench makes its own); no defensive parsing.</summary>
    public static bool Verify(string password, string encoded)
    {
        var parts = encoded.Split('$');
        var cost = parts[3].Split(',').Select(p => int.Parse(p[2..], CultureInfo.InvariantCulture)).ToArray();
        var salt = Decode(parts[4]);
        var expected = Decode(parts[5]);
        return CryptographicOperations.FixedTimeEquals(Compute(password, salt, cost[0], cost[1], cost[2], expected.Length), expected);
    }

    private static byte[] Compute(string password, byte[] salt, int memoryKib, int iterations, int parallelism, int length)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = memoryKib,
            Iterations = iterations,
            DegreeOfParallelism = parallelism,
        };
        return argon.GetBytes(length);
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static byte[] Decode(string text) => Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
}
