using FundingMatch.Budgets;

namespace FundingMatch.Validation;

/// <summary>
/// Finds repeated site ids in a stream of budgets read twice, keeping a 64-bit hash a site rather than every id:
/// first <see cref="Observe(ReadOnlySpan{char}, string, int)"/> every site, then, in the same order, ask <see cref="OtherPlaces"/> for each. Hash
/// collisions are harmless: ids are compared exactly before anything is reported. A stream read once can keep each
/// id's <see cref="Hash"/> and ask <see cref="AnyTwice"/> at its end: when no two are equal, no id repeats.
/// </summary>
public sealed class DuplicateIds
{
    private readonly IdHashes _seen = new();
    private ulong[] _hashes = [];
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
        _seen = new IdHashes(expectedSites);
    }

    /// <summary>As <see cref="DuplicateIds()"/>, with the table given (a test's, which keeps fewer bits of each hash).</summary>
    internal DuplicateIds(IdHashes seen) => _seen = seen;

    /// <summary>
    /// The 64-bit hash an id is noted by (FNV-1a over its UTF-16 code units): the same on every machine and in every
    /// run. A stream read once can keep a hash a site, made where each part is read, and ask <see cref="AnyTwice"/> at its end.
    /// </summary>
    public static ulong Hash(ReadOnlySpan<char> siteId) => IdHashes.Hash(siteId);

    /// <summary>
    /// Whether any two of <paramref name="hashes"/> (each a site's <see cref="Hash"/>) are equal: a repeated id or, far
    /// more rarely than a file is ever checked (about once in 37 million files of a million sites), two ids of one
    /// hash. False means that no id repeats; true asks for the ids to be compared (<see cref="Observe(ReadOnlySpan{char}, string, int)"/>
    /// and <see cref="OtherPlaces"/>). Two passes over the hashes, each part of them looked through in the processor's cache.
    /// </summary>
    public static bool AnyTwice(ReadOnlySpan<ulong> hashes) => IdHashes.AnyTwice(hashes);

    /// <summary>The first pass: note a site.</summary>
    public void Observe(string siteId, SourceLocation? origin)
    {
        ArgumentNullException.ThrowIfNull(siteId);
        if (!_seen.Add(IdHashes.Hash(siteId)))
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
        if (!_seen.Add(IdHashes.Hash(siteId)))
        {
            KeepLater(siteId.ToString(), new SourceLocation(source, line));
        }
    }

    /// <summary>
    /// The first pass: notes many sites of <paramref name="source"/> at once, in order, as
    /// <see cref="Observe(ReadOnlySpan{char}, string, int)"/> notes them one by one: site <c>i</c> has the id
    /// <c>ids[ends[i - 1]..ends[i]]</c> (from 0 for the first) and stands at line <c>lines[i]</c>. Faster for a long run
    /// of sites: the ids are hashed first, then the table is probed for one after another, so that the processor
    /// fetches the table's memory for several at a time.
    /// </summary>
    public void Observe(ReadOnlySpan<char> ids, ReadOnlySpan<int> ends, string source, ReadOnlySpan<int> lines)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (ends.Length != lines.Length)
        {
            throw new ArgumentException("There must be a line for every id.", nameof(lines));
        }
        if (_hashes.Length < ends.Length)
        {
            _hashes = new ulong[Math.Max(ends.Length, _hashes.Length * 2)];
        }
        var hashes = _hashes.AsSpan(0, ends.Length);
        var start = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = IdHashes.Hash(ids[start..ends[i]]);
            start = ends[i];
        }
        for (var i = 0; i < hashes.Length; i++)
        {
            if (!_seen.Add(hashes[i]))
            {
                var from = i == 0 ? 0 : ends[i - 1];
                KeepLater(ids[from..ends[i]].ToString(), new SourceLocation(source, lines[i]));
            }
        }
    }

    /// <summary>
    /// Whether <see cref="OtherPlaces"/> may give places for this id: false for an id the first pass saw once (and for
    /// an id it never saw). Safe to call from several threads during the second pass, alongside <see cref="OtherPlaces"/>,
    /// so that sites can be made ready for output apart from the ones it will mark.
    /// </summary>
    public bool MayRepeat(string siteId)
    {
        ArgumentNullException.ThrowIfNull(siteId);
        // Most files repeat no id: then nothing is hashed for each site.
        return _later.Count > 0 && _later.ContainsKey(siteId);
    }

    /// <summary>As <see cref="MayRepeat(string)"/>, for an id's characters.</summary>
    public bool MayRepeat(ReadOnlySpan<char> siteId) =>
        _later.Count > 0 && _later.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(siteId);

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
}
