namespace FundingMatch.Validation;

/// <summary>
/// Finds the ids given more than once among n, from 32 bits of each one's hash (<see cref="IdHashes.Fingerprint"/>),
/// in order. The places are split by those bits into parts of a few thousand, in order, and each part is looked
/// through with a table of each hash beside the place of its first id. The ids themselves are compared only where the
/// 32 bits agree, so a collision is never taken for a repeat. Equal hashes fall in the same part, so the parts find
/// what one table over every id would; but a part's table stays in the processor's cache, where one table for a
/// million ids (16 MB) costs a trip to memory an id.
/// </summary>
internal static class RepeatedIds
{
    /// <summary>Tells whether the ids at two places are the same, ordinally.</summary>
    internal interface IIds
    {
        bool Same(int x, int y);
    }

    // Places a part on average, at least (and fewer than twice as many): its table (two slots a place, 8 bytes a slot)
    // is then 64 to 128 KB, in the processor's cache.
    private const int PartSize = 4096;

    /// <summary>
    /// Each place whose id was given at an earlier place, with the first of those: (first, later) pairs, part by part,
    /// in order of the later place within a part.
    /// </summary>
    public static List<(int First, int Later)> Find<TIds>(ReadOnlySpan<uint> fingerprints, TIds ids)
        where TIds : IIds
    {
        var repeats = new List<(int, int)>();
        var n = fingerprints.Length;
        // A power of two of parts; a part is the top bits of the fingerprint mixed by Fibonacci hashing.
        var partBits = System.Numerics.BitOperations.Log2((uint)Math.Max(1, n / PartSize));
        var starts = new int[(1 << partBits) + 1];
        foreach (var fingerprint in fingerprints)
        {
            starts[Part(fingerprint, partBits) + 1]++;
        }
        for (var p = 1; p < starts.Length; p++)
        {
            starts[p] += starts[p - 1];
        }
        // Each place's entry as a table keeps it, the fingerprint beside the place + 1, part by part, in order.
        var entries = new ulong[n];
        var next = starts[..^1];
        for (var i = 0; i < n; i++)
        {
            var fingerprint = fingerprints[i];
            entries[next[Part(fingerprint, partBits)]++] = ((ulong)fingerprint << 32) | (uint)(i + 1);
        }
        var largest = 0;
        for (var p = 0; p + 1 < starts.Length; p++)
        {
            largest = Math.Max(largest, starts[p + 1] - starts[p]);
        }
        var table = new ulong[IdHashes.SlotsFor(largest)];
        for (var p = 0; p + 1 < starts.Length; p++)
        {
            var slots = table.AsSpan(0, IdHashes.SlotsFor(starts[p + 1] - starts[p]));
            slots.Clear();
            var mask = slots.Length - 1;
            var shift = 32 - System.Numerics.BitOperations.Log2((uint)slots.Length);
            foreach (var entry in entries.AsSpan(starts[p], starts[p + 1] - starts[p]))
            {
                var fingerprint = (uint)(entry >> 32);
                var i = (int)unchecked((uint)entry) - 1;
                // The mixed fingerprint's bits below the part's, linear probing.
                for (var slot = (int)((unchecked(fingerprint * 2654435769u) << partBits) >> shift); ; slot = (slot + 1) & mask)
                {
                    var kept = slots[slot];
                    if (kept == 0)
                    {
                        slots[slot] = entry;
                        break;
                    }
                    var at = (int)unchecked((uint)kept) - 1;
                    if ((uint)(kept >> 32) == fingerprint && ids.Same(at, i))
                    {
                        repeats.Add((at, i));
                        break;
                    }
                }
            }
        }
        return repeats;
    }

    // The part of a fingerprint: the top partBits bits of it mixed (none: one part).
    private static int Part(uint fingerprint, int partBits) =>
        partBits == 0 ? 0 : (int)(unchecked(fingerprint * 2654435769u) >> (32 - partBits));
}
