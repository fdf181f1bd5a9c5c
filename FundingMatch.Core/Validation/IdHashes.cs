namespace FundingMatch.Validation;

/// <summary>
/// A set of ids by their 64-bit hashes, keeping 32 bits of each (open addressing, linear probing, at most half
/// full): one probe into one array for nearly every id, in half the memory of the whole hashes, which is what a
/// million probes into a table larger than the cache cost. Two ids may share the 32 bits: <see cref="Add"/> then
/// says "seen", and the caller compares the ids themselves before it reports anything (a million distinct ids give
/// about a hundred such pairs).
/// </summary>
internal sealed class IdHashes
{
    private uint[] _slots;
    private int _count;
    private bool _hasZero; // 0 marks an empty slot, so the fingerprint 0 is kept aside

    public IdHashes(int expected = 0) => _slots = new uint[SlotsFor(expected)];

    /// <summary>False when an id with the same 32 bits of hash was added before (the same id, or rarely another).</summary>
    public bool Add(ulong hash)
    {
        var fingerprint = Fold(hash);
        if (fingerprint == 0)
        {
            var added = !_hasZero;
            _hasZero = true;
            return added;
        }
        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }
        if (!Insert(_slots, fingerprint))
        {
            return false;
        }
        _count++;
        return true;
    }

    private static bool Insert(uint[] slots, uint fingerprint)
    {
        var mask = slots.Length - 1;
        // Fibonacci hashing: the top bits of the product depend on every bit of the fingerprint.
        var i = (int)(unchecked(fingerprint * 2654435769u) >> (32 - System.Numerics.BitOperations.Log2((uint)slots.Length)));
        while (true)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                slots[i] = fingerprint;
                return true;
            }
            if (slot == fingerprint)
            {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    private void Grow()
    {
        var slots = new uint[_slots.Length * 2];
        foreach (var fingerprint in _slots)
        {
            if (fingerprint != 0)
            {
                Insert(slots, fingerprint);
            }
        }
        _slots = slots;
    }

    // A power of two at least twice the expected count (16 at least, 2^30 at most).
    internal static int SlotsFor(int expected) => (int)Math.Min(1u << 30, Math.Max(16u, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Min(expected, 1 << 29) * 2)));

    /// <summary>32 bits of an id's <see cref="Hash"/>: what a table of ids keeps of each.</summary>
    public static uint Fingerprint(ReadOnlySpan<char> id) => Fold(Hash(id));

    private static uint Fold(ulong hash) => unchecked((uint)(hash >> 32) ^ (uint)hash);

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
