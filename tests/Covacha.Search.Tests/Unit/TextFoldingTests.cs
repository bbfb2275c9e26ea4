using Covacha.Search.Text;

namespace Covacha.Search.Tests.Unit;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Cámara RÉFLEX", new[] { "camara", "reflex" })]
    [InlineData("Ñandú, pingüino y señor", new[] { "nandu", "pinguino", "y", "senor" })]
    [InlineData("Wi-Fi 6E router!", new[] { "wi", "fi", "6e", "router" })]
    [InlineData("¿¡ !?", new string[0])]
    public void Words_MixedText_AreFoldedAndSplit(string text, string[] expected) =>
        Assert.Equal(expected, TextFolding.Words(text));

    [Theory]
    [InlineData("camara", "camra", 1)]
    [InlineData("camara", "camaar", 1)]
    [InlineData("camara", "camara", 0)]
    [InlineData("camara", "kamrea", 2)]
    [InlineData("house", "hosue", 1)]
    public void EditDistance_Pairs_CountsEditsUpToTheLimit(string a, string b, int expected) =>
        Assert.Equal(expected, Math.Min(2, TextFolding.EditDistance(a, b)));

    [Fact]
    public void Neighbours_Word_AreAllOneEditAway()
    {
        var neighbours = TextFolding.Neighbours("camra").ToList();

        Assert.Contains("camara", neighbours);
        Assert.Contains("camera", neighbours);
        Assert.All(neighbours, n => Assert.Equal(1, TextFolding.EditDistance("camra", n)));
    }

    [Fact]
    public void Snippet_LongDescription_CentresOnTheMatchedWord()
    {
        var description = string.Join(' ', Enumerable.Repeat("relleno", 40)) + " una cámara excelente " + string.Join(' ', Enumerable.Repeat("final", 40));

        var snippet = TextFolding.Snippet(description, ["camara"]);

        Assert.Contains("cámara", snippet);
        Assert.StartsWith("…", snippet);
        Assert.True(snippet.Length <= 163);
    }
}
