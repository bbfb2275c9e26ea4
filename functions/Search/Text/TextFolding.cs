using System.Globalization;
using System.Text;

namespace Covacha.Search.Text;

/// <summary>
/// The one definition of a searchable word, shared by both stores and the query side: text is
/// lower-cased, accents are dropped (cámara → camara, ñ → n) and words are the runs of
/// <c>[a-z0-9]</c> left. PostgreSQL's <c>search_fold</c> + <c>regexp_replace</c> mirror it, so
/// Spanish and English need no language-specific configuration.
/// </summary>
public static class TextFolding
{
    public const int MaxWordLength = 40;

    /// <summary>Characters below this fold through <see cref="Table"/>; a text with any other goes the slow way.</summary>
    private const char TableEnd = '\u3000';

    private const char Drop = '\0';
    private const char Decompose = '\uffff';

    /// <summary>
    /// Each character's fold, computed once by <see cref="FoldByDecomposing"/>: its folded letter or
    /// digit, a space, <see cref="Drop"/> (a combining mark) or <see cref="Decompose"/> (it folds to
    /// more than one character). Folding character by character is the same as decomposing the
    /// whole text: decomposition works per character, and its reordering only moves marks, which
    /// fold to nothing or to a space alike.
    /// </summary>
    private static readonly char[] Table = BuildTable();

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            var folded = c < TableEnd ? Table[c] : Decompose;
            if (folded == Decompose)
            {
                return FoldByDecomposing(text);
            }

            if (folded != Drop)
            {
                buffer[length++] = folded;
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>The definition: decompose (NFD), drop the combining marks, lower-case, keep [a-z0-9], the rest become spaces.</summary>
    internal static string FoldByDecomposing(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            builder.Append(lower is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? lower : ' ');
        }

        return builder.ToString();
    }

    private static char[] BuildTable()
    {
        var table = new char[TableEnd];
        for (var c = 0; c < TableEnd; c++)
        {
            var folded = FoldByDecomposing(((char)c).ToString());
            table[c] = folded.Length switch
            {
                0 => Drop,
                1 => folded[0],
                _ => Decompose,
            };
        }

        return table;
    }

    /// <summary>The words of a text, in order, duplicates kept.</summary>
    public static IReadOnlyList<string> Words(string? text) =>
        Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w)
            .ToList();

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> differ by at most one edit: one
    /// character substituted, inserted or deleted, or two adjacent ones swapped. (Optimal string alignment
    /// distance at most one, checked without allocating: it runs over whole vocabularies.)
    /// </summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        if (a.Length - b.Length > 1)
        {
            return false;
        }

        var i = 0;
        while (i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == b.Length)
        {
            return true;
        }

        if (a.Length != b.Length)
        {
            return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i));
        }

        return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
            || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2)));
    }

    /// <summary>Every word at edit distance one over <c>[a-z0-9]</c> (for stores without a trigram index).</summary>
    public static IEnumerable<string> Neighbours(string word)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i <= word.Length; i++)
        {
            foreach (var c in alphabet)
            {
                seen.Add(word.Insert(i, c.ToString()));
                if (i < word.Length)
                {
                    seen.Add(string.Concat(word.AsSpan(0, i), c.ToString(), word.AsSpan(i + 1)));
                }
            }

            if (i < word.Length)
            {
                seen.Add(word.Remove(i, 1));
            }

            if (i < word.Length - 1)
            {
                var chars = word.ToCharArray();
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                seen.Add(new string(chars));
            }
        }

        seen.Remove(word);
        return seen;
    }

    /// <summary>
    /// A short plain-text excerpt of <paramref name="description"/> around the first word that
    /// matches a query word (the last one as a prefix), or its beginning.
    /// </summary>
    public static string Snippet(string description, IReadOnlyList<string> queryWords, int maxLength = 160)
    {
        if (description.Length <= maxLength)
        {
            return description;
        }

        var start = 0;
        if (queryWords.Count > 0)
        {
            var folded = Fold(description);
            var found = -1;
            for (var i = 0; i < queryWords.Count && found < 0; i++)
            {
                var position = 0;
                while ((position = folded.IndexOf(queryWords[i], position, StringComparison.Ordinal)) >= 0)
                {
                    if (position == 0 || folded[position - 1] == ' ')
                    {
                        found = position;
                        break;
                    }

                    position++;
                }
            }

            if (found > 0)
            {
                start = Math.Max(0, found - 40);
                while (start > 0 && !char.IsWhiteSpace(description[start - 1]))
                {
                    start--;
                }
            }
        }

        var end = Math.Min(description.Length, start + maxLength);
        while (end < description.Length && end > start + maxLength / 2 && !char.IsWhiteSpace(description[end]))
        {
            end--;
        }

        var text = description[start..end].Trim();
        return (start > 0 ? "…" : "") + text + (end < description.Length ? "…" : "");
    }
}
