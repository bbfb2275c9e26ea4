using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Covacha.Auth.Security;

/// <summary>
/// Argon2id at OWASP's minimum cost (19 MiB, 2 passes, 1 lane), stored PHC-style:
/// <c>$argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;</c> (unpadded base64). The cost is read
/// back from the stored string, so raising it later keeps old hashes verifiable. Computed by
/// libsodium through NSec, which takes one lane and a 16-byte salt only: every hash this service
/// has stored has both, and a string with anything else fails verification.
/// Verifications (logins) and new hashes (registrations, password changes) wait on gates of
/// their own, so a flood of one never takes the other's slots.
/// </summary>
public sealed class PasswordHasher(HashingGate verifyGate, HashingGate hashGate)
{
    /// <summary>One gate for both kinds of work (tools and tests).</summary>
    public PasswordHasher(HashingGate gate)
        : this(gate, gate)
    {
    }

    public const int MemoryKib = 19 * 1024;
    public const int Iterations = 2;
    public const int Parallelism = 1;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int MaxMemoryKib = 1024 * 1024;

    private readonly Lazy<string> _dummy = new(() => HashCore("dummy-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    /// <exception cref="HashingBusyException">No hashing slot became free in time.</exception>
    public async Task<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        using var slot = await hashGate.AcquireAsync(cancellationToken);
        return HashCore(password);
    }

    /// <summary>Verifies <paramref name="password"/> against <paramref name="encoded"/>, or against a
    /// dummy hash when there is no account, so both cases cost the same.</summary>
    /// <exception cref="HashingBusyException">No hashing slot became free in time.</exception>
    public async Task<bool> VerifyAsync(string password, string? encoded, CancellationToken cancellationToken)
    {
        // Made outside the slot: the first call computes the dummy hash once.
        var target = encoded ?? _dummy.Value;
        using var slot = await verifyGate.AcquireAsync(cancellationToken);
        return VerifyCore(password, target) && encoded is not null;
    }

    public static string HashCore(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Compute(password, salt, MemoryKib, Iterations, Parallelism, HashBytes);
        return string.Create(CultureInfo.InvariantCulture,
            $"$argon2id$v=19$m={MemoryKib},t={Iterations},p={Parallelism}${Encode(salt)}${Encode(hash)}");
    }

    public static bool VerifyCore(string password, string encoded)
    {
        if (!TryParse(encoded, out var memory, out var iterations, out var parallelism, out var salt, out var expected))
        {
            return false;
        }

        var actual = Compute(password, salt, memory, iterations, parallelism, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[] Compute(string password, byte[] salt, int memoryKib, int iterations, int parallelism, int length)
    {
        var argon = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = parallelism,
            MemorySize = memoryKib,
            NumberOfPasses = iterations,
        });

        // UTF-8 bytes, never NSec's string overload: that one hashes UTF-16, so no stored hash would match.
        var bytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return argon.DeriveBytes(bytes, salt, length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static bool TryParse(string encoded, out int memory, out int iterations, out int parallelism,
        out byte[] salt, out byte[] hash)
    {
        memory = iterations = parallelism = 0;
        salt = hash = [];
        var parts = encoded.Split('$');
        if (parts.Length != 6 || parts[0].Length != 0 || parts[1] != "argon2id" || parts[2] != "v=19")
        {
            return false;
        }

        foreach (var pair in parts[3].Split(','))
        {
            var kv = pair.Split('=', 2);
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            switch (kv[0])
            {
                case "m": memory = value; break;
                case "t": iterations = value; break;
                case "p": parallelism = value; break;
                default: return false;
            }
        }

        if (memory is < 8 or > MaxMemoryKib || iterations is < 1 or > 10 || parallelism != Parallelism)
        {
            return false;
        }

        return TryDecode(parts[4], out salt) && salt.Length == SaltBytes
            && TryDecode(parts[5], out hash) && hash.Length is >= 16 and <= 64;
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
