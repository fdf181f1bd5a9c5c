using FundingMatch.Budgets;

namespace FundingMatch.Validation;

/// <summary>
/// Finds repeated site ids in a stream of budgets read twice, keeping one 64-bit hash a site rather than every id:
/// first <see cref="Observe(ReadOnlySpan{char}, string, int)"/> every site, then, in the same order, ask <see cref="OtherPlaces"/> for each. Hash
/// collisions are harmless: ids are compared exactly before anything is reported.
/// </summary>
public sealed class DuplicateIds
{
    private readonly HashSet64 _seen = new();
    private readonly Dictionary<string, List<SourceLocation?>> _later = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceLocation?> _first = new(StringComparer.Ordinal);

    /// <summary>Finds repeated ids among sites noted one by one.</summary>
    public DuplicateIds()
    {
    }

    /// <summary>
    /// As <see cref="DuplicateIds()"/>, with room for <paramref name="expectedSites"/> sites made at once rather than
    /// grown (a guess: more sites only cost a regrowth).
    /// </summary>
    public DuplicateIds(int expectedSites)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedSites);
        _seen = new HashSet64(expectedSites);
    }

    /// <summary>The first pass: note a site.</summary>
    public void Observe(string siteId, SourceLocation? origin)
    {
        ArgumentNullException.ThrowIfNull(siteId);
        if (!_seen.Add(Hash(siteId)))
        {
            KeepLater(siteId, origin);
        }
    }

    // Seen before, or a colliding id: keep the exact id and place; the second pass sorts out which.
    private void KeepLater(string siteId, SourceLocation? origin)
    {
        if (!_later.TryGetValue(siteId, out var places))
        {
            places = [];
            _later.Add(siteId, places);
        }
        places.Add(origin);
    }

    /// <summary>
    /// The first pass: note a site by its id's characters, at line <paramref name="line"/> of <paramref name="source"/>.
    /// Nothing is kept for an id not seen before (no string, no place), so a stream of distinct ids costs a hash each.
    /// </summary>
    public void Observe(ReadOnlySpan<char> siteId, string source, int line)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!_seen.Add(Hash(siteId)))
        {
            KeepLater(siteId.ToString(), new SourceLocation(source, line));
        }
    }

    /// <summary>
    /// The second pass, in the order of the first: the other places of this site's id, or null when the id is used once.
    /// </summary>
    public IReadOnlyList<SourceLocation?>? OtherPlaces(string siteId, SourceLocation? origin)
    {
        ArgumentNullException.ThrowIfNull(siteId);
        if (!_later.TryGetValue(siteId, out var later))
        {
            return null;
        }
        List<SourceLocation?> others;
        if (_first.TryAdd(siteId, origin))
        {
            // The first place of this id in the stream: the others are those the first pass saw after it.
            others = later.Where(p => !Equals(p, origin)).ToList();
        }
        else
        {
            others = later.Prepend(_first[siteId]).Where(p => !Equals(p, origin)).Distinct().ToList();
        }
        return others.Count == 0 ? null : others;
    }

    // FNV-1a over the UTF-16 code units: deterministic across runs and machines, unlike string.GetHashCode.
    private static ulong Hash(ReadOnlySpan<char> s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s)
        {
            h = unchecked((h ^ c) * 1099511628211UL); // a hash wraps by design
        }
        return h;
    }

    /// <summary>
    /// A set of 64-bit hashes by open addressing (linear probing, at most half full): one probe into one array for
    /// nearly every site, where <see cref="HashSet{T}"/> reads a bucket and an entry. Hashes are spread already.
    /// </summary>
    private sealed class HashSet64
    {
        private ulong[] _slots;
        private int _count;
        private bool _hasZero; // 0 marks an empty slot, so the hash 0 is kept aside

        public HashSet64(int expected = 0) => _slots = new ulong[SlotsFor(expected)];

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
            var i = unchecked((int)(hash >> 32 ^ hash)) & mask;
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
    }
}
