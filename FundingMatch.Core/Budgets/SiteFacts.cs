using System.Numerics;
using System.Runtime.CompilerServices;
using FundingMatch.Money;
using FundingMatch.Rules;
using NodaTime;

namespace FundingMatch.Budgets;

/// <summary>
/// What the rules read of a site, as a value: its money added up by (source, kind) cell, its stated total and 지방비,
/// its floor area, firms and planned completion. A check judges a site from these
/// (<see cref="Validation.BudgetCheck.TryPass"/>), so that a stream of sites that pass is judged without an object
/// a site; <see cref="SiteBudget.Facts"/> gives a budget's own.
/// </summary>
/// <remarks>
/// The lines' fiscal years are not kept: a budget split by year is judged year by year as a <see cref="SiteBudget"/>
/// (<see cref="SiteBudget.ForYear"/>).
/// </remarks>
public readonly struct SiteFacts
{
    private readonly CellSums _cells;

    internal SiteFacts(in CellSums cells, long total, bool anyNegative, Won? statedTotal, Won? statedLocal, decimal? floorAreaM2, int? firms, LocalDate? plannedCompletion)
    {
        _cells = cells;
        Total = new Won(total);
        HasNegative = anyNegative;
        StatedTotal = statedTotal;
        StatedLocal = statedLocal;
        FloorAreaM2 = floorAreaM2;
        Firms = firms;
        PlannedCompletion = plannedCompletion;
    }

    /// <summary>The facts of a site with these lines and facts, its money added up by cell.</summary>
    /// <exception cref="OverflowException">The lines add up past a long.</exception>
    public static SiteFacts Of(ReadOnlySpan<BudgetLine> lines, Won? statedTotal = null, Won? statedLocal = null, decimal? floorAreaM2 = null, int? firms = null, LocalDate? plannedCompletion = null)
    {
        var (cells, total, anyNegative) = Add(lines);
        return new SiteFacts(cells, total, anyNegative, statedTotal, statedLocal, floorAreaM2, firms, plannedCompletion);
    }

    // The lines added up by cell, their total, and whether any is negative.
    internal static (CellSums Cells, long Total, bool AnyNegative) Add(ReadOnlySpan<BudgetLine> lines)
    {
        var cells = default(CellSums);
        long total = 0;
        var anyNegative = false;
        foreach (ref readonly var line in lines)
        {
            ref var cell = ref cells[MoneySelector.Index(line.Source, line.Kind)];
            cell = checked(cell + line.Amount.Value);
            total = checked(total + line.Amount.Value);
            anyNegative |= line.Amount.IsNegative;
        }
        return (cells, total, anyNegative);
    }

    /// <summary>총사업비: every line.</summary>
    public Won Total { get; }

    /// <summary>True when any line is negative (the built-in <c>negative-amount</c> check).</summary>
    public bool HasNegative { get; }

    /// <summary>총사업비 as the budget states it, if it does.</summary>
    public Won? StatedTotal { get; }

    /// <summary>지방비 as the budget states it beside its provincial and municipal split, if it does.</summary>
    public Won? StatedLocal { get; }

    /// <summary>연면적: the building's floor area in m², if known.</summary>
    public decimal? FloorAreaM2 { get; }

    /// <summary>소공인 수: the number of small manufacturers in the cluster, if known.</summary>
    public int? Firms { get; }

    /// <summary>준공 예정일: the planned completion date, if known.</summary>
    public LocalDate? PlannedCompletion { get; }

    /// <summary>The sum of the cells <paramref name="selector"/> picks.</summary>
    public Won Sum(MoneySelector selector) => SumOf(_cells, Total.Value, selector);

    // A loop over the cells picked, a bit test each: this runs several times a site on every check.
    internal static Won SumOf(in CellSums sums, long total, MoneySelector selector)
    {
        uint cells = selector.Cells;
        if (cells == MoneySelector.All.Cells)
        {
            return new Won(total);
        }
        long sum = 0;
        while (cells != 0)
        {
            sum = checked(sum + sums[BitOperations.TrailingZeroCount(cells)]);
            cells &= cells - 1;
        }
        return new Won(sum);
    }

    /// <summary>국비: national money, cash and in kind.</summary>
    public Won National => Sum(MoneySelector.National);

    /// <summary>지방비: provincial, municipal and unsplit local money, cash and in kind.</summary>
    public Won Local => Sum(MoneySelector.LocalGovernment);

    /// <summary>One source, cash and in kind.</summary>
    public Won Amount(FundingSource source) => Sum(MoneySelector.Of(source));

    /// <summary>Adds the money to running sums by cell (index: source × 2 + kind).</summary>
    internal void AddTo(Span<long> cells) => AddTo(_cells, cells);

    // Optimized from its first call: four times a site, it first runs when a million-row check is under way, and its
    // unoptimized code (a call an element of the inline array) took twice the time of the optimized in a profile.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddTo(in CellSums sums, Span<long> cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = checked(cells[i] + sums[i]);
        }
    }
}
