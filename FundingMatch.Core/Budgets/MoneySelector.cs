using System.Numerics;
using FundingMatch.Rules;

namespace FundingMatch.Budgets;

/// <summary>
/// A set of (source, kind) cells: the money a rule adds up, such as "national", "private, cash and in kind" or
/// "private, in kind". A rules file writes it as a list of terms: <c>"national"</c> (both kinds),
/// <c>"private:in-kind"</c>, <c>"all"</c>. Immutable, and as cheap to test as a bit.
/// </summary>
public readonly struct MoneySelector : IEquatable<MoneySelector>
{
    /// <summary>How many (source, kind) cells there are: 5 sources × 2 kinds.</summary>
    internal const int CellCount = 10;
    private const ushort AllCells = (1 << CellCount) - 1;

    private readonly ushort _cells;

    private MoneySelector(ushort cells) => _cells = cells;

    /// <summary>No money.</summary>
    public static MoneySelector None => default;

    /// <summary>Every source, both kinds: the site's total.</summary>
    public static MoneySelector All => new(AllCells);

    /// <summary>National money, cash and in kind.</summary>
    public static MoneySelector National { get; } = Of(FundingSource.National);

    /// <summary>Every source but national: local government and private money, cash and in kind.</summary>
    public static MoneySelector NonNational { get; } = All.Except(National);

    /// <summary>Local-government money (provincial, municipal and unsplit local), cash and in kind.</summary>
    public static MoneySelector LocalGovernment { get; } = Of(FundingSource.Provincial, FundingSource.Municipal, FundingSource.Local);

    /// <summary>Money in kind from every source.</summary>
    public static MoneySelector InKind { get; } = OfKind(FundingKind.InKind);

    /// <summary>The given sources, cash and in kind.</summary>
    public static MoneySelector Of(params ReadOnlySpan<FundingSource> sources)
    {
        ushort cells = 0;
        foreach (var s in sources)
        {
            cells |= (ushort)(Bit(s, FundingKind.Cash) | Bit(s, FundingKind.InKind));
        }
        return new MoneySelector(cells);
    }

    /// <summary>One source, one kind.</summary>
    public static MoneySelector Of(FundingSource source, FundingKind kind) => new(Bit(source, kind));

    /// <summary>One kind, every source.</summary>
    public static MoneySelector OfKind(FundingKind kind)
    {
        ushort cells = 0;
        foreach (var s in FundingSources.All)
        {
            cells |= Bit(s, kind);
        }
        return new MoneySelector(cells);
    }

    /// <summary>True when no cell is selected.</summary>
    public bool IsEmpty => _cells == 0;

    /// <summary>True when the cell (source, kind) is selected.</summary>
    public bool Contains(FundingSource source, FundingKind kind) => (_cells & Bit(source, kind)) != 0;

    /// <summary>True when every cell of <paramref name="other"/> is selected here too.</summary>
    public bool Covers(MoneySelector other) => (other._cells & ~_cells) == 0;

    /// <summary>True when the two share a cell.</summary>
    public bool Overlaps(MoneySelector other) => (_cells & other._cells) != 0;

    /// <summary>The cells of either.</summary>
    public MoneySelector Union(MoneySelector other) => new((ushort)(_cells | other._cells));

    /// <summary>The cells of this one that are not in <paramref name="other"/>.</summary>
    public MoneySelector Except(MoneySelector other) => new((ushort)(_cells & ~other._cells));

    /// <summary>The cells in both.</summary>
    public MoneySelector Intersect(MoneySelector other) => new((ushort)(_cells & other._cells));

    /// <summary>True when the selection is national money only (of one or both kinds).</summary>
    public bool IsNationalOnly => !IsEmpty && National.Covers(this);

    /// <summary>How many cells are selected.</summary>
    public int Count => BitOperations.PopCount(_cells);

    /// <summary>The terms a rules file writes: a source alone where both its kinds are selected, <c>all</c> for everything.</summary>
    public IReadOnlyList<string> Terms
    {
        get
        {
            if (_cells == AllCells)
            {
                return ["all"];
            }
            var terms = new List<string>();
            foreach (var s in FundingSources.All)
            {
                var cash = Contains(s, FundingKind.Cash);
                var inKind = Contains(s, FundingKind.InKind);
                if (cash && inKind)
                {
                    terms.Add(FundingSources.Name(s));
                }
                else if (cash || inKind)
                {
                    terms.Add($"{FundingSources.Name(s)}:{FundingSources.Name(cash ? FundingKind.Cash : FundingKind.InKind)}");
                }
            }
            return terms;
        }
    }

    /// <summary>The selection for people: <c>provincial + municipal + private (in-kind)</c>, or <c>total</c>.</summary>
    public string Describe() => EnglishNames[_cells] ??= Describe(english: true);

    /// <summary>The selection for people, in Korean: <c>시·도비 + 시·군·구비 + 민간(현물)</c>, or <c>총사업비</c>.</summary>
    public string DescribeKorean() => KoreanNames[_cells] ??= Describe(english: false);

    // Every finding message names its sums: each of the 1,024 selections is described once (a benign race at worst
    // describes one twice, to the same string).
    private static readonly string?[] EnglishNames = new string?[AllCells + 1];
    private static readonly string?[] KoreanNames = new string?[AllCells + 1];

    private string Describe(bool english)
    {
        if (_cells == AllCells)
        {
            return english ? "total" : "총사업비";
        }
        if (_cells == 0)
        {
            return english ? "nothing" : "없음";
        }
        var parts = new List<string>();
        foreach (var s in FundingSources.All)
        {
            var name = english ? FundingSources.Name(s) : FundingSources.KoreanName(s);
            var cash = Contains(s, FundingKind.Cash);
            var inKind = Contains(s, FundingKind.InKind);
            if (cash && inKind)
            {
                parts.Add(name);
            }
            else if (cash || inKind)
            {
                var kind = cash ? FundingKind.Cash : FundingKind.InKind;
                parts.Add(english ? $"{name} ({FundingSources.Name(kind)})" : $"{name}({FundingSources.KoreanName(kind)})");
            }
        }
        return string.Join(" + ", parts);
    }

    /// <summary>Reads rules-file terms: <c>national</c>, <c>private:in-kind</c>, <c>all</c>, or a kind alone (<c>in-kind</c>: every source).</summary>
    /// <param name="terms">The terms.</param>
    /// <param name="selector">The union of the terms.</param>
    /// <param name="bad">The first term that is not one, if any.</param>
    public static bool TryParse(IEnumerable<string> terms, out MoneySelector selector, out string? bad)
    {
        ArgumentNullException.ThrowIfNull(terms);
        selector = None;
        bad = null;
        foreach (var term in terms)
        {
            if (!TryParseTerm(term, out var one))
            {
                bad = term;
                return false;
            }
            selector = selector.Union(one);
        }
        return true;
    }

    private static bool TryParseTerm(string term, out MoneySelector selector)
    {
        selector = None;
        if (term == "all")
        {
            selector = All;
            return true;
        }
        var colon = term.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            if (FundingSources.TryParse(term, out FundingSource source))
            {
                selector = Of(source);
                return true;
            }
            if (FundingSources.TryParse(term, out FundingKind kindOnly))
            {
                selector = OfKind(kindOnly);
                return true;
            }
            return false;
        }
        if (FundingSources.TryParse(term[..colon], out FundingSource s) && FundingSources.TryParse(term[(colon + 1)..], out FundingKind k))
        {
            selector = Of(s, k);
            return true;
        }
        return false;
    }

    /// <summary>What a rules file may write, for error messages.</summary>
    public const string TermHelp = "a source (national, provincial, municipal, local, private), a source and a kind (private:in-kind, municipal:cash), a kind alone (in-kind) or all";

    internal static ushort Bit(FundingSource source, FundingKind kind) => (ushort)(1 << Index(source, kind));

    /// <summary>The cell's bit position: source × 2 + kind.</summary>
    internal static int Index(FundingSource source, FundingKind kind) => ((int)source << 1) | (int)kind;

    internal ushort Cells => _cells;

    /// <inheritdoc/>
    public bool Equals(MoneySelector other) => _cells == other._cells;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MoneySelector other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _cells;

    /// <summary>Equality.</summary>
    public static bool operator ==(MoneySelector a, MoneySelector b) => a.Equals(b);

    /// <summary>Inequality.</summary>
    public static bool operator !=(MoneySelector a, MoneySelector b) => !a.Equals(b);

    /// <summary>The terms, joined: <c>provincial, municipal, private:in-kind</c>.</summary>
    public override string ToString() => string.Join(", ", Terms);
}
