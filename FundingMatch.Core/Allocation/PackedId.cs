namespace FundingMatch.Allocation;

/// <summary>
/// A site id's first eight UTF-16 code units packed into two numbers (missing ones as 0), and the site's place: a
/// key that orders ids as <see cref="string.CompareOrdinal(string, string)"/> does (with <see cref="PackedIdOrder"/>)
/// mostly without reading the strings. Selecting or sorting a million applicants by id then walks one array, not a
/// million strings spread over the heap; and an array of these holds no reference, so filling it costs the runtime
/// no bookkeeping a write and a collection nothing to scan.
/// </summary>
/// <remarks>
/// Packed this way, a smaller number means an ordinally smaller id: at the first code unit where the numbers differ,
/// either both ids have a code unit there and the smaller one comes first, or one id has ended, is a prefix of the
/// other, and comes first. Equal numbers decide nothing, and the strings decide.
/// </remarks>
internal readonly record struct PackedId(ulong First, ulong Second, int Index)
{
    /// <summary>The key of <paramref name="id"/> at <paramref name="index"/>, made while its characters are at hand.</summary>
    public static PackedId Of(string id, int index) => new(Pack(id, 0), Pack(id, 4), index);

    private static ulong Pack(string id, int from)
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
/// Orders <see cref="PackedId"/>s as <see cref="string.CompareOrdinal(string, string)"/> orders their ids: by the
/// numbers, and where they agree by the ids themselves, the id at each place given by <paramref name="idAt"/>.
/// </summary>
internal readonly struct PackedIdOrder(Func<int, string> idAt) : IComparer<PackedId>
{
    public int Compare(PackedId x, PackedId y) =>
        x.First != y.First ? x.First.CompareTo(y.First)
        : x.Second != y.Second ? x.Second.CompareTo(y.Second)
        : string.CompareOrdinal(idAt(x.Index), idAt(y.Index));
}
