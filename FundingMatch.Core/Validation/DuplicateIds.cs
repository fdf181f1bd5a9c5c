using FundingMatch.Budgets;

namespace FundingMatch.Validation;

/// <summary>
/// Finds repeated site ids in a stream of budgets read twice, keeping one 64-bit hash a site rather than every id:
/// first <see cref="Observe"/> every site, then, in the same order, ask <see cref="OtherPlaces"/> for each. Hash
/// collisions are harmless: ids are compared exactly before anything is reported.
/// </summary>
public sealed class DuplicateIds
{
    private readonly HashSet<ulong> _seen = [];
    private readonly Dictionary<string, List<SourceLocation?>> _later = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceLocation?> _first = new(StringComparer.Ordinal);

    /// <summary>The first pass: note a site.</summary>
    public void Observe(string siteId, SourceLocation? origin)
    {
        ArgumentNullException.ThrowIfNull(siteId);
        if (!_seen.Add(Hash(siteId)))
        {
            // Seen before, or a colliding id: keep the exact id and place; the second pass sorts out which.
            if (!_later.TryGetValue(siteId, out var places))
            {
                places = [];
                _later.Add(siteId, places);
            }
            places.Add(origin);
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
    private static ulong Hash(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s)
        {
            h = unchecked((h ^ c) * 1099511628211UL); // a hash wraps by design
        }
        return h;
    }
}
