using Covacha.Auth.Security;

namespace Covacha.Auth.Tests.Unit;

public sealed class RefreshTokenCodecTests
{
    [Fact]
    public void NewToken_Always_32RandomBytesBase64Url()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => RefreshTokenCodec.NewToken()).ToList();

        Assert.All(tokens, t => Assert.True(RefreshTokenCodec.LooksValid(t), t));
        Assert.Equal(50, tokens.Distinct().Count());
    }

    [Fact]
    public void Hash_Token_IsSha256AndDeterministic()
    {
        var token = RefreshTokenCodec.NewToken();

        Assert.Equal(32, RefreshTokenCodec.Hash(token).Length);
        Assert.Equal(RefreshTokenCodec.Hash(token), RefreshTokenCodec.Hash(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("' OR 1=1 --aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=")]
    public void LooksValid_NotATokenShape_False(string? token) => Assert.False(RefreshTokenCodec.LooksValid(token));
}
