namespace Covacha.Search.Text;

/// <summary>
/// One word of a query. The last word is a prefix (search as you type); a word of five letters
/// or more that matches nothing is replaced by the indexed words one edit away from it.
/// </summary>
public sealed record QueryTerm(string Word, bool IsPrefix)
{
    public const int MaxTerms = 10;
    public const int MinTypoLength = 5;

    /// <summary>Words that stand in for this one (itself unless corrected).</summary>
    public IReadOnlyList<string> Alternatives { get; init; } = [Word];

    public bool MayCorrect => Word.Length >= MinTypoLength;

    public static IReadOnlyList<QueryTerm> Parse(string? text)
    {
        var words = TextFolding.Words(text).Distinct(StringComparer.Ordinal).Take(MaxTerms).ToList();
        return words.Select((w, i) => new QueryTerm(w, i == words.Count - 1)).ToList();
    }

    /// <summary>This term matched by the given known words instead (exact, not prefix).</summary>
    public QueryTerm CorrectedTo(IReadOnlyList<string> words) =>
        words.Count == 0 ? this : this with { IsPrefix = false, Alternatives = words };

    /// <summary>The known words in <paramref name="candidates"/> within one edit of this word.</summary>
    public IReadOnlyList<string> WithinOneEdit(IEnumerable<string> candidates) =>
        candidates.Where(c => c != Word && TextFolding.WithinOneEdit(Word, c)).Distinct(StringComparer.Ordinal).Take(8).ToList();
}
