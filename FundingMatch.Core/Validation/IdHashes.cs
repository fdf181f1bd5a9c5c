namespace FundingMatch.Validation;

/// <summary>
/// A set of ids by their 64-bit hashes (open addressing, linear probing, at most half full): one probe into one array
/// for nearly every id. Two ids of one hash are "seen" as one: the caller compares the ids themselves before it reports
/// anything. A million distinct ids make such a pair about once in 37 million files (n² / 2⁶⁵): a table of a million
/// ids sends next to none of them to that comparison (32 bits kept sent about a hundred), and <see cref="AnyTwice"/>
/// can tell a stream read once that no id repeats.
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

    // Into a table of slots (a power of two), the slot found from the mixed hash's bits after its first `skipBits`.
    private static bool Insert(Span<ulong> slots, ulong hash, int skipBits = 0)
    {
        var mask = slots.Length - 1;
        // Fibonacci hashing: the top bits of the product depend on every bit of the hash.
        var i = (int)((unchecked(hash * 11400714819323198485UL) << skipBits) >> (64 - System.Numerics.BitOperations.Log2((uint)slots.Length)));
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

    /// <summary>
    /// Whether any two of <paramref name="hashes"/> are equal. The hashes are split by their top bits into parts of a
    /// few thousand, and each part is looked through with a table that stays in the processor's cache: two passes over
    /// the hashes, where one table of a million (16 MB) costs a trip to memory a hash.
    /// </summary>
    public static bool AnyTwice(ReadOnlySpan<ulong> hashes)
    {
        const int partSize = 4096;
        var n = hashes.Length;
        var partBits = System.Numerics.BitOperations.Log2((uint)Math.Max(1, n / partSize));
        var starts = new int[(1 << partBits) + 1];
        foreach (var hash in hashes)
        {
            starts[Part(hash, partBits) + 1]++;
        }
        for (var p = 1; p < starts.Length; p++)
        {
            starts[p] += starts[p - 1];
        }
        var parted = new ulong[n];
        var next = starts[..^1];
        foreach (var hash in hashes)
        {
            parted[next[Part(hash, partBits)]++] = hash;
        }
        var largest = 0;
        for (var p = 0; p + 1 < starts.Length; p++)
        {
            largest = Math.Max(largest, starts[p + 1] - starts[p]);
        }
        var table = new ulong[SlotsFor(largest)];
        for (var p = 0; p + 1 < starts.Length; p++)
        {
            var slots = table.AsSpan(0, SlotsFor(starts[p + 1] - starts[p]));
            slots.Clear();
            var zero = false;
            foreach (var hash in parted.AsSpan(starts[p], starts[p + 1] - starts[p]))
            {
                // 0 marks an empty slot: the hash 0 is kept aside. The part's own bits are the same for each of its
                // hashes: the slot is found from the bits below them.
                if (hash == 0)
                {
                    if (zero)
                    {
                        return true;
                    }
                    zero = true;
                }
                else if (!Insert(slots, hash, partBits))
                {
                    return true;
                }
            }
        }
        return false;
    }

    // The part of a hash: its top partBits bits, mixed (none: one part).
    private static int Part(ulong hash, int partBits) =>
        partBits == 0 ? 0 : (int)(unchecked(hash * 11400714819323198485UL) >> (64 - partBits));

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
