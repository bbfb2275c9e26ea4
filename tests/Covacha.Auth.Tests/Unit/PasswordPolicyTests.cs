using Covacha.Auth.Security;

namespace Covacha.Auth.Tests.Unit;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("Tr0ub4dor&3-xyzzy")]
    [InlineData("exactly-12ch")]
    public void Check_LongUncommonPassword_Accepted(string password) => Assert.Null(PasswordPolicy.Check(password));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("elevenchars")]
    public void Check_MissingOrShort_Rejected(string? password) => Assert.NotNull(PasswordPolicy.Check(password));

    [Fact]
    public void Check_At128AndAbove_AcceptsThenRejects()
    {
        Assert.Null(PasswordPolicy.Check(new string('x', 127) + "y"));
        Assert.Contains("128", PasswordPolicy.Check(new string('x', 128) + "y"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("QWERTY123456")]
    [InlineData("123456789012")]
    [InlineData("iloveyou2024!")]
    [InlineData("aaaaaaaaaaaa")]
    public void Check_CommonPassword_RejectedInAnyCase(string password) =>
        Assert.Contains("common", PasswordPolicy.Check(password), StringComparison.Ordinal);

    [Fact]
    public void CommonCount_EmbeddedList_IsLoadedAndSmall() =>
        Assert.InRange(PasswordPolicy.CommonCount, 1000, 20000);
}
