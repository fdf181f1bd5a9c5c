namespace FundingMatch.Validation;

/// <summary>
/// A set of ids by their 64-bit hashes (open addressing, linear probing, at most half full): one probe into one array
/// for nearly every id. Two ids of one hash are "seen" as one: the caller compares the ids themselves before it reports
/// anything. A million distinct ids make such a pair about once in 37 million files (n² / 2⁶⁵), so that "no id seen twice"
/// is, in practice, an answer: a check can judge a file in one read and need the exact comparison only when an id
/// was seen twice.
/// </summary>
internal sealed class IdHashes
{
    private ulong[] _slots;
    private int _count;
    private bool _hasZero; // 0 marks an empty slot, so the hash 0 is kept aside

    // The bits of each hash kept: all of them, but in a test, which keeps fewer to make two ids share them.
    private readonly ulong _kept = ulong.MaxValue;

    public IdHashes(int expected = 0) => _slots = new ulong[SlotsFor(expected)];

    /// <summary>A set that keeps only the <paramref name="kept"/> bits of each hash: for tests of ids that share them.</summary>
    internal IdHashes(int expected, ulong kept)
        : this(expected) => _kept = kept;

    /// <summary>False when an id with the same hash was added before (the same id, or very rarely another).</summary>
    public bool Add(ulong hash)
    {
        hash &= _kept;
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
        // Fibonacci hashing: the top bits of the product depend on every bit of the hash.
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
    internal static int SlotsFor(int expected) => (int)Math.Min(1u << 30, Math.Max(16u, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Min(expected, 1 << 29) * 2)));

    /// <summary>32 bits of an id's <see cref="Hash"/>: what <see cref="BudgetCheck"/> keeps of each id it tracks.</summary>
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
