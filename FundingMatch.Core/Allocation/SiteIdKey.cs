namespace FundingMatch.Allocation;

/// <summary>
/// A site id and its place, ordered as <see cref="string.CompareOrdinal(string, string)"/> orders the ids, but mostly
/// without reading the strings: the id's first eight UTF-16 code units are packed into two numbers (missing ones as
/// 0), which are compared first; only ids that agree on them are compared as strings. Sorting and selecting a million
/// applicants by id then walks one array, not a million strings spread over the heap.
/// </summary>
/// <remarks>
/// Packed this way, a smaller number means an ordinally smaller id: at the first code unit where the numbers differ,
/// either both ids have a code unit there and the smaller one comes first, or one id has ended, is a prefix of the
/// other, and comes first. Equal numbers decide nothing, and the strings decide.
/// </remarks>
internal readonly struct SiteIdKey : IComparable<SiteIdKey>
{
    private readonly ulong _first;
    private readonly ulong _second;
    private readonly string _id;

    public SiteIdKey(string id, int index)
    {
        _id = id;
        _first = Pack(id, 0);
        _second = Pack(id, 4);
        Index = index;
    }

    /// <summary>The applicant's place in the list given.</summary>
    public int Index { get; }

    public int CompareTo(SiteIdKey other) =>
        _first != other._first ? _first.CompareTo(other._first)
        : _second != other._second ? _second.CompareTo(other._second)
        : string.CompareOrdinal(_id, other._id);

    internal static ulong Pack(string id, int from)
    {
        ulong key = 0;
        for (var i = from; i < from + 4; i++)
        {
            key = (key << 16) | (i < id.Length ? id[i] : 0u);
        }
        return key;
    }
}

/// <summary>
/// An id's two numbers as <see cref="SiteIdKey"/> packs them, and its place, without the string: an array of these
/// holds no reference, so filling it costs the runtime no bookkeeping a write and a collection nothing to scan.
/// </summary>
internal readonly record struct PackedId(ulong First, ulong Second, int Index)
{
    /// <summary>The key of <paramref name="id"/> at <paramref name="index"/>, made while its characters are at hand.</summary>
    public static PackedId Of(string id, int index) => new(SiteIdKey.Pack(id, 0), SiteIdKey.Pack(id, 4), index);
}

/// <summary>
/// Orders <see cref="PackedId"/>s as <see cref="string.CompareOrdinal(string, string)"/> orders their ids: by the
/// numbers, and where they agree by the ids themselves, found at their places in <paramref name="ids"/>.
/// </summary>
internal readonly struct PackedIdOrder(string[] ids) : IComparer<PackedId>
{
    public int Compare(PackedId x, PackedId y) =>
        x.First != y.First ? x.First.CompareTo(y.First)
        : x.Second != y.Second ? x.Second.CompareTo(y.Second)
        : string.CompareOrdinal(ids[x.Index], ids[y.Index]);
}
