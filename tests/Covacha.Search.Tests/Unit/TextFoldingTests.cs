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
    [InlineData("Ñandú, pingüino y señor")]
    [InlineData("Cafe\u0301 cre\u0300me brûlée")]
    [InlineData("Ωmega Ångström ǄŁódź ß æ")]
    [InlineData("Precio: 10 € — “oferta” ½ ①")]
    [InlineData("日本のカメラ and ÉCLAIR")]
    [InlineData("emoji 📷 cámara")]
    public void Fold_ThroughTheTable_EqualsDecomposingTheWholeText(string text) =>
        Assert.Equal(TextFolding.FoldByDecomposing(text), TextFolding.Fold(text));

    [Fact]
    public void Fold_EveryCharacterBelowTheTableEnd_EqualsDecomposingIt()
    {
        for (var c = 0; c < 0x3000; c++)
        {
            var text = "a" + (char)c + "b";
            Assert.Equal(TextFolding.FoldByDecomposing(text), TextFolding.Fold(text));
        }
    }

    [Theory]
    [InlineData("camara", "camra", true)]
    [InlineData("camra", "camara", true)]
    [InlineData("camara", "camaar", true)]
    [InlineData("camara", "camara", true)]
    [InlineData("camara", "camaro", true)]
    [InlineData("house", "hosue", true)]
    [InlineData("camara", "kamrea", false)]
    [InlineData("camara", "acmaar", false)]
    [InlineData("camara", "cam", false)]
    [InlineData("abcd", "badc", false)]
    public void WithinOneEdit_Pairs_AcceptsOneSubstitutionInsertionDeletionOrSwap(string a, string b, bool expected) =>
        Assert.Equal(expected, TextFolding.WithinOneEdit(a, b));

    [Fact]
    public void Neighbours_Word_AreAllOneEditAway()
    {
        var neighbours = TextFolding.Neighbours("camra").ToList();

        Assert.Contains("camara", neighbours);
        Assert.Contains("camera", neighbours);
        Assert.All(neighbours, n => Assert.True(TextFolding.WithinOneEdit("camra", n) && n != "camra"));
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
