using Covacha.Search.Index;
using Covacha.Search.Model;

namespace Covacha.Search.Tests.Unit;

/// <summary>
/// An index written to a snapshot and read back answers exactly as the one written, keeps
/// accepting changes like it, and a damaged, cut or foreign snapshot is refused whole.
/// </summary>
public sealed class IndexSnapshotTests
{
    private static readonly string[] Words = ["cámara", "camara", "mesa", "silla", "roble", "azul", "negro", "sony", "regalo", "lámpara", "taza", "libro"];
    private static readonly string[] Categories = ["home", "books", "toys", "photo"];

    private readonly Random _random = new(17);
    private readonly List<Guid> _ids = [];
    private long _sequence;

    private StoredChange Upsert(Guid id)
    {
        ++_sequence;
        var name = $"{Words[_random.Next(Words.Length)]} {Words[_random.Next(Words.Length)]} modelo{_random.Next(3_000)}";
        var description = $"{Words[_random.Next(Words.Length)]} para tu casa / ref {_random.Next(100)} v{_sequence}";
        return new StoredChange(_sequence, id, _sequence,
            new StoredProduct(id, name, description, _random.Next(1, 100_000), _random.Next(5) == 0 ? "USD" : "COP",
                Categories[_random.Next(Categories.Length)], _random.Next(4) == 0 ? null : $"https://img.example/{id:N}.png", _random.Next(3)),
            DateTimeOffset.UnixEpoch.AddMinutes(_sequence));
    }

    private StoredChange Delete(Guid id) => new(++_sequence, id, _sequence, null, DateTimeOffset.UnixEpoch);

    /// <summary>New products, updates and deletes mixed, so the index has reused ordinals, forgotten words and pieces, and bitmap postings.</summary>
    private List<StoredChange> Burst(int count)
    {
        var changes = new List<StoredChange>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = _random.Next(10);
            if (_ids.Count > 0 && roll == 0)
            {
                var at = _random.Next(_ids.Count);
                changes.Add(Delete(_ids[at]));
                _ids.RemoveAt(at);
            }
            else if (_ids.Count > 0 && roll < 4)
            {
                changes.Add(Upsert(_ids[_random.Next(_ids.Count)]));
            }
            else
            {
                _ids.Add(Guid.NewGuid());
                changes.Add(Upsert(_ids[^1]));
            }
        }

        return changes;
    }

    private static MemoryStream Write(SearchIndex index)
    {
        var stream = new MemoryStream();
        index.WriteSnapshot(stream);
        stream.Position = 0;
        return stream;
    }

    private static void AssertSameAnswers(SearchIndex expected, SearchIndex actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Position, actual.Position);
        Assert.Equal(
            expected.Products().OrderBy(p => p.Id).ToList(),
            actual.Products().OrderBy(p => p.Id).ToList());
        var queries = Words.Concat(["cam", "ca", "s", "camra", "mesa sil", "azul negro", "modelo12", ""]);
        foreach (var q in queries)
        {
            foreach (var sort in new[] { SearchSort.Relevance, SearchSort.PriceAsc, SearchSort.Newest })
            {
                var query = new SearchQuery(q, null, null, null, null, sort, 1, 20);
                var (a, b) = (expected.Search(query), actual.Search(query));
                Assert.Equal(a.Total, b.Total);
                Assert.Equal(a.Items, b.Items);
                Assert.Equal(a.CategoryCounts.OrderBy(f => f.Key), b.CategoryCounts.OrderBy(f => f.Key));
            }

            Assert.Equal(expected.Suggest(q, 8), actual.Suggest(q, 8));
        }
    }

    [Fact]
    public void LoadSnapshot_OfAChurnedIndex_AnswersEverySearchAndSuggestionTheSame()
    {
        using var original = new SearchIndex();
        original.Apply(Burst(12_000));

        using var loaded = new SearchIndex();
        using var snapshot = Write(original);
        loaded.LoadSnapshot(snapshot, snapshot.Length);

        AssertSameAnswers(original, loaded);
    }

    [Fact]
    public void LoadSnapshot_ThenMoreChanges_StaysTheSameAsTheIndexThatNeverRestarted()
    {
        using var original = new SearchIndex();
        original.Apply(Burst(8_000));
        using var loaded = new SearchIndex();
        using var snapshot = Write(original);
        loaded.LoadSnapshot(snapshot, snapshot.Length);

        // Updates and deletes of products the snapshot brought, and new ones in reused ordinals.
        var more = Burst(6_000);
        original.Apply(more);
        loaded.Apply(more);

        AssertSameAnswers(original, loaded);
    }

    [Fact]
    public void LoadSnapshot_IntoAnIndexThatHoldsOthers_ReplacesThemAll()
    {
        using var original = new SearchIndex();
        original.Apply(Burst(500));
        using var other = new SearchIndex();
        other.Apply([new StoredChange(1, Guid.NewGuid(), 1, new StoredProduct(Guid.NewGuid(), "Florero único", "", 100, "COP", "home", null, 1), DateTimeOffset.UnixEpoch)]);

        using var snapshot = Write(original);
        other.LoadSnapshot(snapshot, snapshot.Length);

        Assert.Empty(other.Search(new SearchQuery("florero", null, null, null, null, SearchSort.Relevance, 1, 20)).Items);
        AssertSameAnswers(original, other);
    }

    public static TheoryData<string> Damages => ["flipped byte", "cut short", "other format", "trailing bytes"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void LoadSnapshot_Damaged_IsRefusedAndTheIndexKeepsWhatItHad(string damage)
    {
        using var original = new SearchIndex();
        original.Apply(Burst(2_000));
        var bytes = Write(original).ToArray();
        switch (damage)
        {
            case "flipped byte":
                bytes[bytes.Length / 2] ^= 0x40;
                break;
            case "cut short":
                bytes = bytes[..(bytes.Length - 100)];
                break;
            case "other format":
                bytes[4] = (byte)(SearchIndex.SnapshotFormat + 1);
                break;
            case "trailing bytes":
                bytes = [.. bytes, 0, 0, 0, 0];
                break;
        }

        using var index = new SearchIndex();
        var id = Guid.NewGuid();
        index.Apply([new StoredChange(7, id, 1, new StoredProduct(id, "Florero único", "", 100, "COP", "home", null, 1), DateTimeOffset.UnixEpoch)]);

        Assert.Throws<InvalidDataException>(() => index.LoadSnapshot(new MemoryStream(bytes), bytes.Length));

        Assert.Equal(1, index.Count);
        Assert.Equal(7, index.Position);
        Assert.Equal("Florero único", Assert.Single(index.Search(new SearchQuery("florero", null, null, null, null, SearchSort.Relevance, 1, 20)).Items).Name);
    }
}
