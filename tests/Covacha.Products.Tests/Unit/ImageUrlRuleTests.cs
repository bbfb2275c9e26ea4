using Covacha.Products.Model;

namespace Covacha.Products.Tests.Unit;

public sealed class ImageUrlRuleTests
{
    [Theory]
    [InlineData("https://images.example.com/a.jpg")]
    [InlineData("https://cdn.example.co/p/1.png?w=300")]
    [InlineData("https://8.8.8.8/a.jpg")]
    [InlineData("https://[2606:4700::1111]/a.jpg")]
    public void Check_PublicHttpsUrl_Accepts(string url) => Assert.Null(ImageUrlRule.Check(url));

    [Theory]
    [InlineData("http://images.example.com/a.jpg")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/png;base64,AAAA")]
    [InlineData("https://user@images.example.com/a.jpg")]
    [InlineData("https://localhost/a.jpg")]
    [InlineData("https://app.localhost/a.jpg")]
    [InlineData("https://printer.local/a.jpg")]
    [InlineData("https://intranet/a.jpg")]
    [InlineData("https://127.0.0.1/a.jpg")]
    [InlineData("https://127.1/a.jpg")]
    [InlineData("https://0.0.0.0/a.jpg")]
    [InlineData("https://10.0.0.1/a.jpg")]
    [InlineData("https://100.64.0.1/a.jpg")]
    [InlineData("https://172.31.255.255/a.jpg")]
    [InlineData("https://192.168.1.1/a.jpg")]
    [InlineData("https://169.254.169.254/a.jpg")]
    [InlineData("https://[::1]/a.jpg")]
    [InlineData("https://[::]/a.jpg")]
    [InlineData("https://[fc00::1]/a.jpg")]
    [InlineData("https://[fe80::1]/a.jpg")]
    [InlineData("https://[::ffff:127.0.0.1]/a.jpg")]
    [InlineData("https://2130706433/a.jpg")]
    [InlineData("https://0x7f000001/a.jpg")]
    [InlineData("https://017700000001/a.jpg")]
    public void Check_UnsafeUrl_Rejects(string url) => Assert.NotNull(ImageUrlRule.Check(url));

    [Fact]
    public void Check_OverlongUrl_Rejects() =>
        Assert.NotNull(ImageUrlRule.Check("https://images.example.com/" + new string('a', ImageUrlRule.MaxLength)));
}
