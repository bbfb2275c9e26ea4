using System.Buffers;
using System.Numerics;
using Covacha.Search.Model;
using Covacha.Search.Text;

namespace Covacha.Search.Bench.Baseline;

/// <summary>
/// BASELINE COPY, for side-by-side benchmarks only: the in-memory index as it was before the
/// compact index (main at c0a43dc, functions/Search/Index), kept unchanged apart from its
/// namespace so the bench's <c>compare</c> command measures old and new in one process.
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
internal sealed class SearchIndex : IDisposable
{
    /// <summary>Totals and facet counts are capped like the stores' (the result window).</summary>
    public const int CountLimit = SearchQuery.MaxResultWindow;

    /// <summary>Corrections kept for a misspelt word, the most frequent first.</summary>
    public const int MaxCorrections = 8;

    private const int ApplyChunk = 256;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<Guid, int> _ordinals = [];
    private readonly List<IndexedProduct?> _products = [];
    private readonly ProductColumns _columns = new();
    private readonly Dictionary<string, PostingList> _postings = new(StringComparer.Ordinal);
    private readonly List<string> _categories = [];
    private readonly Dictionary<string, int> _categoryIds = new(StringComparer.Ordinal);
    private readonly Vocabulary _vocabulary = new();
    private long _position;
    private int _live;

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
                for (var ordinal = _products.Count - 1; ordinal >= 0; ordinal--)
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

            using var matches = new TermMatches(_products.Count, lists, nameOnly: false);
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
            var lists = new List<PostingList>[terms.Count];
            for (var t = 0; t < terms.Count; t++)
            {
                lists[t] = Resolve(terms[t], correctTypos: false);
                if (lists[t].Count == 0)
                {
                    return [];
                }
            }

            // Ordered by one key (names that start with the typed words first, then shorter
            // names) read from the columns; only ties look at the names themselves.
            var (firstWords, nameLengths) = (_columns.FirstNameWord, _columns.NameLength);
            var order = Comparer<Hit>.Create((a, b) => CompareSuggestions(a, b));
            var best = new PriorityQueue<Hit, Hit>(limit + 1, Comparer<Hit>.Create((a, b) => order.Compare(b, a)));
            using var matches = new TermMatches(_products.Count, lists, nameOnly: true);
            foreach (var ordinal in matches)
            {
                var first = firstWords[ordinal];
                var starts = terms.Count == 1
                    ? first is not null && first.StartsWith(typed, StringComparison.Ordinal)
                    : first == terms[0].Word && _products[ordinal]!.NameFolded.StartsWith(typed, StringComparison.Ordinal);
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

            var ordered = new StoredProduct[best.Count];
            for (var i = ordered.Length - 1; i >= 0; i--)
            {
                ordered[i] = _products[best.Dequeue().Ordinal]!.Product;
            }

            return ordered.Select(p => new Suggestion(p.Id, p.Name)).ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private int CompareSuggestions(Hit a, Hit b)
    {
        var c = a.Key.CompareTo(b.Key);
        if (c == 0)
        {
            c = string.CompareOrdinal(_products[a.Ordinal]!.Product.Name, _products[b.Ordinal]!.Product.Name);
        }

        return c != 0 ? c : _columns.IdKey[a.Ordinal].CompareTo(_columns.IdKey[b.Ordinal]);
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
        if (_ordinals.TryGetValue(id, out var ordinal))
        {
            if (_products[ordinal] is { } current)
            {
                foreach (var word in current.Words)
                {
                    _postings[word].Remove(ordinal);
                }

                _live--;
                _columns.Clear(ordinal);
            }

            _products[ordinal] = replacement;
        }
        else
        {
            if (replacement is null)
            {
                return;
            }

            ordinal = _products.Count;
            _products.Add(replacement);
            _ordinals[id] = ordinal;
        }

        if (replacement is null)
        {
            return;
        }

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

        _columns.Set(ordinal, replacement, CategoryId(replacement.Product.Category));

        _live++;
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
                        foreach (var entry in nameOnly ? list.NameEntries : list.Entries)
                        {
                            var ordinal = entry >> 1;
                            var bit = 1UL << ordinal;
                            any[ordinal >> 6] |= bit;
                            if ((entry & 1) != 0)
                            {
                                name[ordinal >> 6] |= bit;
                            }
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
        private readonly long _minCents;
        private readonly long _maxCents;
        private readonly bool _inStock;
        private readonly bool _idDescending;
        private readonly int _keep;
        private readonly long[] _facets;
        private readonly int[] _categories;
        private readonly long[] _prices;
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
            _minCents = query.MinPriceMinor ?? long.MinValue;
            _maxCents = query.MaxPriceMinor ?? long.MaxValue;
            _inStock = query.InStock == true;
            _idDescending = query.Sort == SearchSort.PriceDesc;
            _keep = query.Offset + query.PageSize;
            _facets = new long[index._categories.Count];
            var columns = index._columns;
            (_categories, _prices, _stock, _recency, _nameWords, _ids) =
                (columns.Category, columns.PriceCents, columns.Stock, columns.Recency, columns.NameWords, columns.IdKey);
            _best = new PriorityQueue<Hit, Hit>(_keep + 1, Comparer<Hit>.Create((a, b) => Order(b, a)));
        }

        public void Offer(int ordinal, int nameTerms)
        {
            var price = _prices[ordinal];
            if (price < _minCents || price > _maxCents || (_inStock && _stock[ordinal] <= 0))
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

            var items = ordered.Skip(_query.Offset).Select(h => _index._products[h.Ordinal]!.Product).ToList();
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

    /// <summary>A match that passed the filters: its sort key and ordinal.</summary>
    private readonly record struct Hit(long Key, int Ordinal);
}
