namespace FundingMatch.Validation;

/// <summary>
/// A set of 64-bit hashes by open addressing (linear probing, at most half full): one probe into one array for
/// nearly every site, where <see cref="HashSet{T}"/> reads a bucket and an entry. Hashes are spread already.
/// </summary>
internal sealed class IdHashes
{
    private ulong[] _slots;
    private int _count;
    private bool _hasZero; // 0 marks an empty slot, so the hash 0 is kept aside

    public IdHashes(int expected = 0) => _slots = new ulong[SlotsFor(expected)];

    public bool Add(ulong hash)
    {
        if (hash == 0)
        {
            var added = !_hasZero;
            _hasZero = true;
            return added;
        }
        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }
        if (!Insert(_slots, hash))
        {
            return false;
        }
        _count++;
        return true;
    }

    private static bool Insert(ulong[] slots, ulong hash)
    {
        var mask = slots.Length - 1;
        // Fibonacci hashing: the top bits of the product depend on every bit of the hash (FNV-1a's low bits depend
        // only on the inputs' low bits, so ids that differ in their last characters would crowd together).
        var i = (int)(unchecked(hash * 11400714819323198485UL) >> (64 - System.Numerics.BitOperations.Log2((uint)slots.Length)));
        while (true)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                slots[i] = hash;
                return true;
            }
            if (slot == hash)
            {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    private void Grow()
    {
        var slots = new ulong[_slots.Length * 2];
        foreach (var hash in _slots)
        {
            if (hash != 0)
            {
                Insert(slots, hash);
            }
        }
        _slots = slots;
    }

    // A power of two at least twice the expected count (16 at least, 2^30 at most).
    private static int SlotsFor(int expected) => (int)Math.Min(1u << 30, Math.Max(16u, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Min(expected, 1 << 29) * 2)));

    // FNV-1a over the UTF-16 code units: deterministic across runs and machines, unlike string.GetHashCode.
    public static ulong Hash(ReadOnlySpan<char> s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s)
        {
            h = unchecked((h ^ c) * 1099511628211UL); // a hash wraps by design
        }
        return h;
    }
}
