using System.Numerics;

namespace Covacha.Search.Index;

/// <summary>
/// Product id → ordinal, as an open-addressing table of ordinals whose keys are read from the
/// id column: 4–8 bytes per product where a <c>Dictionary&lt;Guid, int&gt;</c> takes ~40. Linear
/// probing with backward-shift deletion, so deletes leave no tombstones behind.
/// </summary>
internal sealed class OrdinalMap
{
    private const int Empty = -1;

    private int[] _slots;
    private int _count;

    /// <param name="expected">Entries about to be added (the table is sized for them at once).</param>
    public OrdinalMap(int expected = 0)
    {
        _slots = NewSlots(Math.Max(1024, (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, expected) * 2)));
    }

    public int Count => _count;

    public long HeapBytes => 24 + (4L * _slots.Length);

    public int Find(UInt128 key, UInt128[] keys)
    {
        var mask = _slots.Length - 1;
        for (var i = Home(key, mask); ; i = (i + 1) & mask)
        {
            var ordinal = _slots[i];
            if (ordinal == Empty)
            {
                return -1;
            }

            if (keys[ordinal] == key)
            {
                return ordinal;
            }
        }
    }

    /// <summary>Adds an ordinal whose key (already in <paramref name="keys"/>) is not in the map.</summary>
    public void Add(int ordinal, UInt128[] keys)
    {
        if ((_count + 1) * 2 > _slots.Length)
        {
            var old = _slots;
            _slots = NewSlots(old.Length * 2);
            foreach (var o in old)
            {
                if (o != Empty)
                {
                    Place(o, keys);
                }
            }
        }

        Place(ordinal, keys);
        _count++;
    }

    public void Remove(int ordinal, UInt128[] keys)
    {
        var mask = _slots.Length - 1;
        var i = Home(keys[ordinal], mask);
        while (_slots[i] != ordinal)
        {
            if (_slots[i] == Empty)
            {
                return;
            }

            i = (i + 1) & mask;
        }

        // Shift back every later entry of the run that may sit before its home, so lookups
        // never meet a hole between an entry and its home.
        var hole = i;
        for (var j = (hole + 1) & mask; _slots[j] != Empty; j = (j + 1) & mask)
        {
            var home = Home(keys[_slots[j]], mask);
            var between = hole <= j ? home > hole && home <= j : home > hole || home <= j;
            if (!between)
            {
                _slots[hole] = _slots[j];
                hole = j;
            }
        }

        _slots[hole] = Empty;
        _count--;
    }

    private void Place(int ordinal, UInt128[] keys)
    {
        var mask = _slots.Length - 1;
        var i = Home(keys[ordinal], mask);
        while (_slots[i] != Empty)
        {
            i = (i + 1) & mask;
        }

        _slots[i] = ordinal;
    }

    private static int Home(UInt128 key, int mask)
    {
        var mixed = ((ulong)key ^ (ulong)(key >> 64)) * 0x9E3779B97F4A7C15UL;
        return (int)(mixed >> (64 - BitOperations.TrailingZeroCount(mask + 1))) & mask;
    }

    private static int[] NewSlots(int length)
    {
        var slots = new int[length];
        Array.Fill(slots, Empty);
        return slots;
    }
}
