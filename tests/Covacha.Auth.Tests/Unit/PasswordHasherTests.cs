using Covacha.Auth.Security;

namespace Covacha.Auth.Tests.Unit;

public sealed class PasswordHasherTests
{
    // Stored hashes made by the first implementation (Konscious.Security.Cryptography.Argon2 1.3.1)
    // for this password (non-ASCII, so the password's UTF-8 encoding is pinned too) with the ASCII
    // salts "covacha-vector01" and "covacha-vector02"; the reference argon2 CLI (Debian argon2
    // 0~20171227) prints the same strings, e.g.
    // echo -n "$password" | argon2 covacha-vector01 -id -k 19456 -t 2 -p 1 -l 32 -e
    private const string VectorPassword = "correct horse battery staple ñandú €";
    private const string VectorAtOwaspCost = "$argon2id$v=19$m=19456,t=2,p=1$Y292YWNoYS12ZWN0b3IwMQ$BU7VomIQqFH5DOI/1qVukRTFli0RLvw9ANh22iz7Ox0";
    private const string VectorAtOtherCost = "$argon2id$v=19$m=4096,t=3,p=1$Y292YWNoYS12ZWN0b3IwMg$ylBFSw+XJsgdUJd9FuJKvDUUrP1+jHAt32iKygZ7p8Q";

    private static PasswordHasher Hasher(int slots = 2) => new(new HashingGate(slots, TimeSpan.FromSeconds(5)));

    [Theory]
    [InlineData(VectorAtOwaspCost)]
    [InlineData(VectorAtOtherCost)]
    public void VerifyCore_HashStoredByEarlierImplementation_True(string stored) =>
        Assert.True(PasswordHasher.VerifyCore(VectorPassword, stored));

    [Theory]
    [InlineData(VectorAtOwaspCost, "correct horse battery staple ñandú")]
    [InlineData(VectorAtOwaspCost, "correct horse battery staple nandu €")]
    [InlineData(VectorAtOtherCost, "Correct horse battery staple ñandú €")]
    public void VerifyCore_HashStoredByEarlierImplementationOtherPassword_False(string stored, string password) =>
        Assert.False(PasswordHasher.VerifyCore(password, stored));

    [Fact]
    public async Task VerifyAsync_SamePassword_True()
    {
        var hasher = Hasher();
        var hash = await hasher.HashAsync("a long enough secret", CancellationToken.None);

        Assert.True(await hasher.VerifyAsync("a long enough secret", hash, CancellationToken.None));
    }

    [Fact]
    public async Task VerifyAsync_OtherPassword_False()
    {
        var hasher = Hasher();
        var hash = await hasher.HashAsync("a long enough secret", CancellationToken.None);

        Assert.False(await hasher.VerifyAsync("a long enough secreT", hash, CancellationToken.None));
    }

    [Fact]
    public void HashCore_Password_IsPhcArgon2idAtOwaspCostWithRandomSalt()
    {
        var first = PasswordHasher.HashCore("same password here");
        var second = PasswordHasher.HashCore("same password here");

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", first, StringComparison.Ordinal);
        Assert.Equal(6, first.Split('$').Length);
        Assert.NotEqual(first, second);
        Assert.True(PasswordHasher.VerifyCore("same password here", second));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$!!!$aGFzaGhhc2hoYXNoaGFzaA")]
    public void VerifyCore_MalformedOrAbusiveEncoding_FalseWithoutThrowing(string encoded) =>
        Assert.False(PasswordHasher.VerifyCore("whatever password", encoded));

    // Well-formed Argon2id that the earlier implementation and the argon2 CLI accept (the right
    // password) but libsodium cannot compute: two lanes, an 8-byte salt. This service never stored
    // either; a login against one must fail, not answer 500.
    [Theory]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=2$Y292YWNoYS12ZWN0b3IwMw$LHOaLeF7EYRGJqu7jdFbKvV8Ts3n//ROI9cRw1yFjno")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$Y292YWNoYTg$dDwZb8gsLT/Yd9dBW6zIKtXfhKiaHpsyLr1DtMMlfss")]
    public async Task VerifyAsync_ParametersLibsodiumCannotCompute_FalseWithoutThrowing(string stored) =>
        Assert.False(await Hasher().VerifyAsync(VectorPassword, stored, CancellationToken.None));

    [Fact]
    public void VerifyCore_TamperedHash_False()
    {
        var encoded = PasswordHasher.HashCore("a long enough secret");
        var parts = encoded.Split('$');
        parts[5] = (parts[5][0] == 'A' ? "B" : "A") + parts[5][1..];

        Assert.False(PasswordHasher.VerifyCore("a long enough secret", string.Join('$', parts)));
    }

    [Fact]
    public async Task VerifyAsync_NoAccount_FalseAfterHashingDummy()
    {
        Assert.False(await Hasher().VerifyAsync("a long enough secret", null, CancellationToken.None));
    }

    [Fact]
    public async Task AcquireAsync_AllSlotsTaken_ThrowsBusyAfterWait()
    {
        using var gate = new HashingGate(1, TimeSpan.FromMilliseconds(50));
        using var held = await gate.AcquireAsync(CancellationToken.None);

        await Assert.ThrowsAsync<HashingBusyException>(() => gate.AcquireAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AcquireAsync_SlotReleased_CanBeTakenAgain()
    {
        using var gate = new HashingGate(1, TimeSpan.FromMilliseconds(50));
        var slot = await gate.AcquireAsync(CancellationToken.None);
        slot.Dispose();
        slot.Dispose();

        using var again = await gate.AcquireAsync(CancellationToken.None);
        await Assert.ThrowsAsync<HashingBusyException>(() => gate.AcquireAsync(CancellationToken.None));
    }

    [Fact]
    public async Task HashAsync_GateBusy_Throws()
    {
        using var gate = new HashingGate(1, TimeSpan.FromMilliseconds(20));
        using var held = await gate.AcquireAsync(CancellationToken.None);

        await Assert.ThrowsAsync<HashingBusyException>(() => new PasswordHasher(gate).HashAsync("a long enough secret", CancellationToken.None));
    }
}
