using Covacha.Auth.Security;

namespace Covacha.Auth.Tests.Unit;

public sealed class AccountRulesTests
{
    [Fact]
    public void NormalizeEmail_PaddedMixedCase_TrimmedLowerCase() =>
        Assert.Equal("ana.b@example.com", AccountRules.NormalizeEmail("  Ana.B@Example.COM \t"));

    [Theory]
    [InlineData("ana@example.com")]
    [InlineData("a+tag@sub.example.co")]
    [InlineData("o'brien@example.ie")]
    public void IsValidEmail_UsualShapes_True(string email) => Assert.True(AccountRules.IsValidEmail(email));

    [Theory]
    [InlineData("")]
    [InlineData("ana")]
    [InlineData("ana@")]
    [InlineData("@example.com")]
    [InlineData("ana@example")]
    [InlineData("ana@@example.com")]
    [InlineData("a na@example.com")]
    [InlineData("ana@example..com")]
    [InlineData("ana@exa\u0000mple.com")]
    public void IsValidEmail_BadShapes_False(string email) => Assert.False(AccountRules.IsValidEmail(email));

    [Fact]
    public void IsValidEmail_Over254OrLongLocalPart_False()
    {
        Assert.False(AccountRules.IsValidEmail(new string('a', 245) + "@example.com"));
        Assert.False(AccountRules.IsValidEmail(new string('a', 65) + "@example.com"));
        Assert.True(AccountRules.IsValidEmail(new string('a', 64) + "@example.com"));
    }

    [Theory]
    [InlineData("", "Required.")]
    [InlineData("bad\u0007name", "Must not contain control characters.")]
    public void CheckDisplayName_Invalid_SaysWhy(string name, string expected) =>
        Assert.Equal(expected, AccountRules.CheckDisplayName(name));

    [Fact]
    public void CheckDisplayName_SixtyAndSixtyOne_AcceptsThenRejects()
    {
        Assert.Null(AccountRules.CheckDisplayName(new string('n', 60)));
        Assert.NotNull(AccountRules.CheckDisplayName(new string('n', 61)));
    }
}
