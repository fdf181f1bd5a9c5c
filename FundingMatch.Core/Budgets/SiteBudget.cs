using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FundingMatch.Money;
using FundingMatch.Rules;
using NodaTime;

namespace FundingMatch.Budgets;

/// <summary>
/// One site's budget (사업장별 사업비): who, where, and the money each source puts in, cash or in kind, as
/// <see cref="Lines"/>. Every total and every rule is a sum over the lines a <see cref="MoneySelector"/> picks.
/// </summary>
public sealed record SiteBudget
{
    private readonly BudgetLine[] _lines = [];
    private readonly CellSums _cells;
    private readonly long _total;
    private readonly bool _anyNegative;
    private readonly int[] _years = [];

    /// <summary>The site's id (사업장코드), unique within a program.</summary>
    public required string SiteId { get; init; }

    /// <summary>The site's name (사업장명).</summary>
    public string Name { get; init; } = "";

    /// <summary>The region or local government (지역, 지자체), e.g. 서울 마포구.</summary>
    public string Region { get; init; } = "";

    /// <summary>The money, by source and kind. Lines of zero may be left out; a cell may appear on more than one line.</summary>
    public IReadOnlyList<BudgetLine> Lines
    {
        get => _lines;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            // A list or an array is copied as a span (a budget is built a site at a time, a million times a file).
            _lines = value switch
            {
                List<BudgetLine> list => CollectionsMarshal.AsSpan(list).ToArray(),
                BudgetLine[] array => array.AsSpan().ToArray(),
                _ => [.. value],
            };
            // Every rule is a sum over some (source, kind) cells, several a site on every check: the lines are added
            // up by cell once, here, so that a sum is a few additions whatever the number of lines.
            (_cells, _total, _anyNegative) = SiteFacts.Add(_lines);
            List<int>? years = null;
            foreach (ref readonly var line in _lines.AsSpan())
            {
                if (line.FiscalYear is { } year && !(years ??= []).Contains(year))
                {
                    years.Add(year);
                }
            }
            years?.Sort();
            _years = years?.ToArray() ?? [];
        }
    }

    /// <summary>What the rules read of this budget, as a value: its money by cell and the facts of its row.</summary>
    public SiteFacts Facts => new(_cells, _total, _anyNegative, StatedTotal, StatedLocal, FloorAreaM2, Firms, PlannedCompletion);

    /// <summary>The lines as a span, for loops that run for every site (no enumerator, no interface call).</summary>
    public ReadOnlySpan<BudgetLine> LineSpan => _lines;

    /// <summary>연면적: the building's floor area in m², if known.</summary>
    public decimal? FloorAreaM2 { get; init; }

    /// <summary>소공인 수: the number of small manufacturers in the cluster, if known.</summary>
    public int? Firms { get; init; }

    /// <summary>준공 예정일: the planned completion date, if known.</summary>
    public LocalDate? PlannedCompletion { get; init; }

    /// <summary>총사업비 as the budget states it, if it does; checked against the sum of the lines.</summary>
    public Won? StatedTotal { get; init; }

    /// <summary>지방비 as the budget states it beside its provincial and municipal split, if it does; checked against their sum.</summary>
    public Won? StatedLocal { get; init; }

    /// <summary>Where the budget was read from, if anywhere.</summary>
    public SourceLocation? Origin { get; init; }

    /// <summary>Where each fiscal year's row was read from, for a budget combined from one row a year; empty otherwise.</summary>
    public IReadOnlyDictionary<int, SourceLocation> YearOrigins { get; init; } = EmptyYearOrigins;

    private static readonly IReadOnlyDictionary<int, SourceLocation> EmptyYearOrigins = new Dictionary<int, SourceLocation>();

    /// <summary>The fiscal years the lines name, in order; empty when the budget is not split by year.</summary>
    public IReadOnlyList<int> FiscalYears => _years;

    /// <summary>
    /// The part of this budget in <paramref name="fiscalYear"/>: the same site with that year's lines only, pointing
    /// at that year's row. 시행령 §4② defines the subsidy rate per fiscal year, so a rule can be checked year by year.
    /// </summary>
    public SiteBudget ForYear(int fiscalYear) => this with
    {
        Lines = [.. _lines.Where(l => l.FiscalYear == fiscalYear)],
        Origin = YearOrigins.TryGetValue(fiscalYear, out var origin) ? origin : Origin,
        YearOrigins = EmptyYearOrigins,
        StatedTotal = null,
        StatedLocal = null,
    };

    /// <summary>The sum of the lines <paramref name="selector"/> picks.</summary>
    public Won Sum(MoneySelector selector) => SiteFacts.SumOf(_cells, _total, selector);

    /// <summary>Adds this site's money to running sums by cell (index: source × 2 + kind).</summary>
    internal void AddTo(Span<long> cells) => SiteFacts.AddTo(_cells, cells);

    /// <summary>총사업비: every line.</summary>
    public Won Total => new(_total);

    /// <summary>국비: national money, cash and in kind.</summary>
    public Won National => Sum(MoneySelector.National);

    /// <summary>지방비: provincial, municipal and unsplit local money, cash and in kind.</summary>
    public Won Local => Sum(MoneySelector.LocalGovernment);

    /// <summary>민간: private money, cash and in kind.</summary>
    public Won Private => Sum(MoneySelector.Of(FundingSource.Private));

    /// <summary>현물: money in kind, from every source.</summary>
    public Won InKind => Sum(MoneySelector.InKind);

    /// <summary>One source, cash and in kind.</summary>
    public Won Amount(FundingSource source) => Sum(MoneySelector.Of(source));

    /// <summary>One source, one kind.</summary>
    public Won Amount(FundingSource source, FundingKind kind) => Sum(MoneySelector.Of(source, kind));

    /// <summary>True when any line is in kind and not zero.</summary>
    public bool HasInKind
    {
        get
        {
            foreach (ref readonly var line in _lines.AsSpan())
            {
                if (line.Kind == FundingKind.InKind && line.Amount != Won.Zero)
                {
                    return true;
                }
            }
            return false;
        }
    }
}

/// <summary>A site's money added up by (source, kind) cell: ten longs inline, no array a site.</summary>
[InlineArray(10)]
internal struct CellSums
{
    private long _element;
}
