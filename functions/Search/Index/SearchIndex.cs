using System.Buffers;
using System.Numerics;
using Covacha.Search.Model;
using Covacha.Search.Text;

namespace Covacha.Search.Index;

/// <summary>
/// The live catalogue in memory, so a search costs microseconds of CPU instead of a database
/// round trip: an inverted index from each folded word to the products that contain it (marked
/// when the word is in the name), a sorted vocabulary for prefixes and typo correction, and the
/// fields that filters and sorting read. It has the stores' search semantics (the same contract
/// suite runs against it) and is fed only by the read model's change feed, so the store stays
/// the one source of truth and every process converges on it.
/// </summary>
/// <remarks>
/// Queries take a shared lock; applying changes takes it exclusively, a chunk at a time, so a
/// bulk load never holds searches back for long. A query evaluates each term as a bitmap over
/// product ordinals (the union of its words' postings), intersects them, and feeds the matches
/// through the filters into exact facet counts and a bounded top-k heap.
/// </remarks>
public sealed partial class SearchIndex : IDisposable
{
    /// <summary>Totals and facet counts are capped like the stores' (the result window).</summary>
    public const int CountLimit = SearchQuery.MaxResultWindow;

    /// <summary>Corrections kept for a misspelt word, the most frequent first.</summary>
    public const int MaxCorrections = 8;

    private const int ApplyChunk = 256;

    private readonly ReaderWriterLockSlim _lock = new();
    private OrdinalMap _ordinals = new();
    private Stack<int> _freeOrdinals = new();
    private ProductColumns _columns = new();
    private TextDictionary _text = new();
    private readonly ArrayBufferWriter<byte> _encoding = new(1024);
    private Dictionary<string, PostingList> _postings = new(StringComparer.Ordinal);
    private List<string> _categories = [];
    private Dictionary<string, int> _categoryIds = new(StringComparer.Ordinal);
    private Vocabulary _vocabulary = new();
    private long _position;
    private int _live;

    /// <summary>Ordinals handed out so far (live, or deleted and waiting to be reused).</summary>
    private int _ordinalCount;

    /// <summary>The change-feed sequence number of the last change applied.</summary>
    public long Position => Volatile.Read(ref _position);

    /// <summary>Products currently searchable.</summary>
    public int Count => Volatile.Read(ref _live);

    /// <summary>Applies changes read from the feed, in feed order; each replaces what the index held for its product.</summary>
    public void Apply(IReadOnlyList<StoredChange> changes)
    {
        for (var start = 0; start < changes.Count; start += ApplyChunk)
        {
            var end = Math.Min(changes.Count, start + ApplyChunk);

            // Folding text is the expensive part; it needs no lock.
            var prepared = new IndexedProduct?[end - start];
            for (var i = start; i < end; i++)
            {
                var product = changes[i].Product;
                prepared[i - start] = product is null ? null : IndexedProduct.Create(changes[i], product);
            }

            _lock.EnterWriteLock();
            try
            {
                for (var i = start; i < end; i++)
                {
                    Replace(changes[i].ProductId, prepared[i - start]);
                }

                Volatile.Write(ref _position, Math.Max(_position, changes[end - 1].Sequence));
            }
            finally
            {
                _lock.ExitWriteLock();
            }
        }
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>What the index holds besides the products themselves, for tests and the bench: it must not outgrow the live catalogue.</summary>
    internal IndexSizes Sizes()
    {
        _lock.EnterReadLock();
        try
        {
            var bytes = _columns.HeapBytes() + _text.HeapBytes() + _ordinals.HeapBytes + (8L * _vocabulary.SortedEntries);
            foreach (var (word, list) in _postings)
            {
                bytes += 24 + (2L * word.Length) + 24 + list.HeapBytes();
            }

            return new IndexSizes(_postings.Count, _vocabulary.TypoCandidates, _vocabulary.SortedEntries, _text.Count, _ordinalCount, bytes);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public StoreSearchResult Search(SearchQuery query)
    {
        var terms = QueryTerm.Parse(query.Text);
        _lock.EnterReadLock();
        try
        {
            var collector = new Collector(this, query, terms.Count);
            if (terms.Count == 0)
            {
                var categories = _columns.Category;
                for (var ordinal = _ordinalCount - 1; ordinal >= 0; ordinal--)
                {
                    if (categories[ordinal] != ProductColumns.NoProduct)
                    {
                        collector.Offer(ordinal, 0);
                    }
                }

                return collector.Result();
            }

            var lists = new List<PostingList>[terms.Count];
            for (var t = 0; t < terms.Count; t++)
            {
                lists[t] = Resolve(terms[t], correctTypos: true);
                if (lists[t].Count == 0)
                {
                    return collector.Result();
                }
            }

            using var matches = new TermMatches(_ordinalCount, lists, nameOnly: false);
            foreach (var ordinal in matches)
            {
                collector.Offer(ordinal, matches.NameTerms(ordinal));
            }

            return collector.Result();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Up to <paramref name="limit"/> products whose names contain the typed words (the last as a
    /// prefix): names that start with them first, then the shorter names.
    /// </summary>
    public IReadOnlyList<Suggestion> Suggest(string text, int limit)
    {
        var terms = QueryTerm.Parse(text);
        if (terms.Count == 0 || limit <= 0)
        {
            return [];
        }

        var typed = string.Join(' ', terms.Select(t => t.Word));
        _lock.EnterReadLock();
        try
        {
            // The same forgiveness as searches: a misspelt word of five letters or more stands for
            // the words one edit away from it.
            var lists = new List<PostingList>[terms.Count];
            for (var t = 0; t < terms.Count; t++)
            {
                lists[t] = Resolve(terms[t], correctTypos: true);
                if (lists[t].Count == 0)
                {
                    return [];
                }
            }

            // Ordered by one key (names that start with the typed words first, then shorter
            // names) read from the columns; only ties look at the names themselves, decoded once.
            var (firstWords, nameLengths) = (_columns.FirstNameWord, _columns.NameLength);
            var names = new Dictionary<int, string>();
            string Name(int ordinal)
            {
                if (!names.TryGetValue(ordinal, out var name))
                {
                    names[ordinal] = name = NameAt(ordinal);
                }

                return name;
            }

            var order = Comparer<Hit>.Create((a, b) =>
            {
                var c = a.Key.CompareTo(b.Key);
                if (c == 0)
                {
                    c = string.CompareOrdinal(Name(a.Ordinal), Name(b.Ordinal));
                }

                return c != 0 ? c : _columns.IdKey[a.Ordinal].CompareTo(_columns.IdKey[b.Ordinal]);
            });
            var best = new PriorityQueue<Hit, Hit>(limit + 1, Comparer<Hit>.Create((a, b) => order.Compare(b, a)));
            using var matches = new TermMatches(_ordinalCount, lists, nameOnly: true);
            foreach (var ordinal in matches)
            {
                var first = firstWords[ordinal];
                var starts = terms.Count == 1
                    ? first is not null && first.StartsWith(typed, StringComparison.Ordinal)
                    : first == terms[0].Word && string.Join(' ', TextFolding.Words(Name(ordinal))).StartsWith(typed, StringComparison.Ordinal);
                var candidate = new Hit(((starts ? 0L : 1L) << 32) | (uint)nameLengths[ordinal], ordinal);
                if (best.Count < limit)
                {
                    best.Enqueue(candidate, candidate);
                }
                else if (order.Compare(candidate, best.Peek()) < 0)
                {
                    best.DequeueEnqueue(candidate, candidate);
                }
            }

            var ordered = new Suggestion[best.Count];
            for (var i = ordered.Length - 1; i >= 0; i--)
            {
                var ordinal = best.Dequeue().Ordinal;
                ordered[i] = new Suggestion(IndexedProduct.IdOf(_columns.IdKey[ordinal]), Name(ordinal));
            }

            return ordered;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The product at <paramref name="ordinal"/> as stored, rebuilt from the columns and its encoded text.</summary>
    private StoredProduct ProductAt(int ordinal)
    {
        var text = _columns.Text[ordinal]!;
        var position = 0;
        var name = _text.Decode(text, ref position)!;
        var description = _text.Decode(text, ref position)!;
        var imageUrl = _text.Decode(text, ref position);
        var currency = _text.Decode(text, ref position)!;
        return new StoredProduct(IndexedProduct.IdOf(_columns.IdKey[ordinal]), name, description, _columns.PriceMinor[ordinal], currency,
            _categories[_columns.Category[ordinal]], imageUrl, _columns.Stock[ordinal]);
    }

    private string NameAt(int ordinal)
    {
        var position = 0;
        return _text.Decode(_columns.Text[ordinal]!, ref position)!;
    }

    /// <summary>
    /// The posting lists a query word stands for: every word it is a prefix of (the last word),
    /// or itself; a word of five letters or more that matches nothing stands for the words one
    /// edit away from it instead (searches only), the most frequent first.
    /// </summary>
    private List<PostingList> Resolve(QueryTerm term, bool correctTypos)
    {
        var lists = new List<PostingList>();
        if (term.IsPrefix)
        {
            _vocabulary.AddStartingWith(term.Word, lists);
        }
        else if (_postings.TryGetValue(term.Word, out var exact) && exact.Count > 0)
        {
            lists.Add(exact);
        }

        if (lists.Count > 0 || !correctTypos || !term.MayCorrect)
        {
            return lists;
        }

        _vocabulary.AddWithinOneEdit(term.Word, lists);
        return lists.OrderByDescending(p => p.Count).ThenBy(p => p.Word, StringComparer.Ordinal).Take(MaxCorrections).ToList();
    }

    private void Replace(Guid id, IndexedProduct? replacement)
    {
        var key = IndexedProduct.KeyOf(id);
        var ordinal = _ordinals.Find(key, _columns.IdKey);
        byte[]? oldText = null;
        string[] oldWords = [];
        var oldNameWords = 0;
        if (ordinal >= 0)
        {
            // What the index holds is read back from its own text: the words to take out.
            oldText = _columns.Text[ordinal]!;
            var position = 0;
            var name = _text.Decode(oldText, ref position)!;
            var description = _text.Decode(oldText, ref position)!;
            (oldWords, oldNameWords, _) = IndexedProduct.DistinctWords(name, description);
            for (var i = 0; i < oldWords.Length; i++)
            {
                _postings[oldWords[i]].Remove(ordinal, inName: i < oldNameWords);
            }

            _live--;
            if (replacement is null)
            {
                _ordinals.Remove(ordinal, _columns.IdKey);
                _columns.Clear(ordinal);
                _freeOrdinals.Push(ordinal);
            }
        }
        else if (replacement is not null)
        {
            ordinal = _freeOrdinals.TryPop(out var free) ? free : _ordinalCount++;
        }

        if (replacement is not null)
        {
            for (var i = 0; i < replacement.Words.Length; i++)
            {
                var word = replacement.Words[i];
                if (!_postings.TryGetValue(word, out var list))
                {
                    list = new PostingList(word);
                    _postings[word] = list;
                    _vocabulary.Add(list);
                }

                // Every product shares the vocabulary's one copy of each word.
                replacement.Words[i] = list.Word;
                list.Add(ordinal, inName: i < replacement.NameWordsDistinct);
            }

            var product = replacement.Product;
            _encoding.ResetWrittenCount();
            _text.Encode(product.Name, _encoding);
            _text.Encode(product.Description, _encoding);
            _text.Encode(product.ImageUrl, _encoding);
            _text.Encode(product.Currency, _encoding);
            var isNew = oldText is null;
            _columns.Set(ordinal, replacement, CategoryId(product.Category),
                replacement.NameWordsDistinct > 0 ? replacement.Words[0] : null, _encoding.WrittenSpan.ToArray());
            if (isNew)
            {
                _ordinals.Add(ordinal, _columns.IdKey);
            }

            _live++;
        }

        // Released after the new version is in, so what both versions share is kept, not
        // forgotten and learnt again.
        if (oldText is not null)
        {
            var position = 0;
            for (var field = 0; field < 4; field++)
            {
                _text.Release(oldText, ref position);
            }

            foreach (var word in oldWords)
            {
                if (_postings.TryGetValue(word, out var list) && list.Count == 0)
                {
                    _postings.Remove(word);
                    _vocabulary.Forget(list);
                }
            }
        }
    }

    private int CategoryId(string category)
    {
        if (!_categoryIds.TryGetValue(category, out var id))
        {
            id = _categories.Count;
            _categories.Add(category);
            _categoryIds[category] = id;
        }

        return id;
    }

    /// <summary>
    /// The products matching every term, as a bitmap over ordinals, plus one bitmap per term of
    /// the products that have it in the name. Buffers come from the shared pool.
    /// </summary>
    private sealed class TermMatches : IDisposable
    {
        private readonly ulong[] _all;
        private readonly ulong[][] _inName;
        private readonly int _length;

        public TermMatches(int products, List<PostingList>[] terms, bool nameOnly)
        {
            _length = (products + 63) >> 6;
            _all = Rent(_length);
            _inName = new ulong[terms.Length][];
            var any = Rent(_length);
            try
            {
                for (var t = 0; t < terms.Length; t++)
                {
                    var name = _inName[t] = Rent(_length);
                    Array.Clear(any, 0, _length);
                    foreach (var list in terms[t])
                    {
                        list.Names?.OrInto(name.AsSpan(0, _length));
                        if (!nameOnly)
                        {
                            list.All.OrInto(any.AsSpan(0, _length));
                        }
                    }

                    var source = nameOnly ? name : any;
                    for (var w = 0; w < _length; w++)
                    {
                        _all[w] = t == 0 ? source[w] : _all[w] & source[w];
                    }
                }
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(any);
            }
        }

        /// <summary>How many of the query's terms are in this product's name.</summary>
        public int NameTerms(int ordinal)
        {
            var count = 0;
            foreach (var name in _inName)
            {
                count += (int)((name[ordinal >> 6] >> ordinal) & 1);
            }

            return count;
        }

        public Enumerator GetEnumerator() => new(_all, _length);

        public void Dispose()
        {
            ArrayPool<ulong>.Shared.Return(_all);
            foreach (var name in _inName)
            {
                if (name is not null)
                {
                    ArrayPool<ulong>.Shared.Return(name);
                }
            }
        }

        private static ulong[] Rent(int length)
        {
            var buffer = ArrayPool<ulong>.Shared.Rent(Math.Max(1, length));
            Array.Clear(buffer, 0, length);
            return buffer;
        }

        /// <summary>
        /// Highest ordinal first. Ordinals are given in arrival order, so this is roughly newest
        /// first: the top-k heap fills with the likeliest winners and rejects most later matches
        /// with one comparison (ascending order made nearly every match a heap replacement).
        /// </summary>
        public struct Enumerator(ulong[] bits, int length)
        {
            private int _word = length;
            private ulong _rest;

            public int Current { get; private set; }

            public bool MoveNext()
            {
                while (_rest == 0)
                {
                    if (--_word < 0)
                    {
                        return false;
                    }

                    _rest = bits[_word];
                }

                var bit = 63 - BitOperations.LeadingZeroCount(_rest);
                Current = (_word << 6) + bit;
                _rest &= ~(1UL << bit);
                return true;
            }
        }
    }

    /// <summary>
    /// Applies the filters to each match, counts categories (without the category filter), and
    /// keeps the best <c>offset + pageSize</c> hits in the requested order. Everything it reads
    /// per match comes from <see cref="ProductColumns"/>.
    /// </summary>
    private sealed class Collector
    {
        private readonly SearchIndex _index;
        private readonly SearchQuery _query;
        private readonly int _terms;
        private readonly int _category;
        private readonly long _minPrice;
        private readonly long _maxPrice;
        private readonly int _currency;
        private readonly bool _inStock;
        private readonly bool _idDescending;
        private readonly int _keep;
        private readonly long[] _facets;
        private readonly int[] _categories;
        private readonly long[] _prices;
        private readonly int[] _currencies;
        private readonly int[] _stock;
        private readonly long[] _recency;
        private readonly byte[] _nameWords;
        private readonly UInt128[] _ids;
        private readonly PriorityQueue<Hit, Hit> _best;
        private long _total;

        public Collector(SearchIndex index, SearchQuery query, int terms)
        {
            _index = index;
            _query = query;
            _terms = terms;
            _category = query.Category is null ? -1 : index._categoryIds.GetValueOrDefault(query.Category, -2);
            _minPrice = query.MinPriceMinor ?? long.MinValue;
            _maxPrice = query.MaxPriceMinor ?? long.MaxValue;
            _currency = query.Currency is { } currency ? ProductColumns.CurrencyKey(currency) : -1;
            _inStock = query.InStock == true;
            _idDescending = query.Sort == SearchSort.PriceDesc;
            _keep = query.Offset + query.PageSize;
            _facets = new long[index._categories.Count];
            var columns = index._columns;
            (_categories, _prices, _currencies, _stock, _recency, _nameWords, _ids) =
                (columns.Category, columns.PriceMinor, columns.Currency, columns.Stock, columns.Recency, columns.NameWords, columns.IdKey);
            _best = new PriorityQueue<Hit, Hit>(_keep + 1, Comparer<Hit>.Create((a, b) => Order(b, a)));
        }

        public void Offer(int ordinal, int nameTerms)
        {
            var price = _prices[ordinal];
            if (price < _minPrice || price > _maxPrice || (_inStock && _stock[ordinal] <= 0)
                || (_currency != -1 && _currencies[ordinal] != _currency))
            {
                return;
            }

            var category = _categories[ordinal];
            _facets[category]++;
            if (_category != -1 && category != _category)
            {
                return;
            }

            _total++;
            var hit = new Hit(SortKey(ordinal, price, nameTerms), ordinal);
            if (_best.Count < _keep)
            {
                _best.Enqueue(hit, hit);
            }
            else if (Order(hit, _best.Peek()) < 0)
            {
                _best.DequeueEnqueue(hit, hit);
            }
        }

        public StoreSearchResult Result()
        {
            var ordered = new Hit[_best.Count];
            for (var i = ordered.Length - 1; i >= 0; i--)
            {
                ordered[i] = _best.Dequeue();
            }

            var items = ordered.Skip(_query.Offset).Select(h => _index.ProductAt(h.Ordinal)).ToList();
            var facets = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var c = 0; c < _facets.Length; c++)
            {
                if (_facets[c] > 0)
                {
                    facets[_index._categories[c]] = Math.Min(_facets[c], CountLimit);
                }
            }

            return new StoreSearchResult(Math.Min(_total, CountLimit), items, facets);
        }

        /// <summary>
        /// One number that orders hits (ascending), ties broken by id. Relevance: every term in
        /// the name first (then most of them), then the shorter name, then the newer product.
        /// </summary>
        private long SortKey(int ordinal, long price, int nameTerms) => _query.Sort switch
        {
            SearchSort.PriceAsc => price,
            SearchSort.PriceDesc => -price,
            SearchSort.Relevance when _terms > 0 =>
                ((long)(_terms - nameTerms) << 59) | ((long)_nameWords[ordinal] << 53) | _recency[ordinal],
            _ => _recency[ordinal],
        };

        private int Order(Hit a, Hit b)
        {
            var c = a.Key.CompareTo(b.Key);
            if (c != 0)
            {
                return c;
            }

            c = _ids[a.Ordinal].CompareTo(_ids[b.Ordinal]);
            return _idDescending ? -c : c;
        }
    }

    /// <summary>Words known, words typo correction scans, entries of the sorted word lists, distinct text pieces, ordinals handed out, and the bytes of all of it (an estimate from the structures' sizes, independent of the rest of the process).</summary>
    internal readonly record struct IndexSizes(int Words, int TypoCandidates, int SortedWords, int TextPieces, int Ordinals, long HeapBytes);

    /// <summary>A match that passed the filters: its sort key and ordinal.</summary>
    private readonly record struct Hit(long Key, int Ordinal);
}
