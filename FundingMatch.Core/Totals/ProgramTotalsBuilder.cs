using System.Runtime.CompilerServices;
using FundingMatch.Budgets;
using FundingMatch.Money;

namespace FundingMatch.Totals;

/// <summary>Adds sites up one at a time, so that totals can be kept over a stream of budgets.</summary>
public sealed class ProgramTotalsBuilder
{
    private readonly Dictionary<string, Sums> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Sums> _years = [];
    private readonly Sums _all = new();

    /// <summary>Adds one site.</summary>
    public void Add(SiteBudget site)
    {
        ArgumentNullException.ThrowIfNull(site);
        _all.Add(site);
        RegionSums(site.Region).Add(site);
        foreach (var year in site.FiscalYears)
        {
            if (!_years.TryGetValue(year, out var sums))
            {
                sums = new Sums();
                _years.Add(year, sums);
            }
            sums.AddYear(site, year);
        }
    }

    /// <summary>Adds one site of <paramref name="region"/>, not split by fiscal year, by its facts.</summary>
    // Hot for every site of a large file the CLI checks: optimized from its first call (BENCHMARKS.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Add(in SiteFacts site, string region)
    {
        _all.Add(site);
        RegionSums(region).Add(site);
    }

    // Regions repeat, each often as one shared string: the sums of the last few found by reference, without hashing.
    private readonly (string? Region, Sums? Sums)[] _recent = new (string?, Sums?)[8];
    private int _nextRecent;

    private Sums RegionSums(string region)
    {
        foreach (var (known, sums) in _recent)
        {
            if (ReferenceEquals(known, region))
            {
                return sums!;
            }
        }
        if (!_regions.TryGetValue(region, out var found))
        {
            found = new Sums();
            _regions.Add(region, found);
        }
        _recent[_nextRecent] = (region, found);
        _nextRecent = (_nextRecent + 1) % _recent.Length;
        return found;
    }

    /// <summary>The totals so far, with <paramref name="envelope"/> as the program's national envelope.</summary>
    public ProgramTotals Build(Won? envelope) => new()
    {
        All = _all.ToTotals(),
        ByRegion = _regions.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new RegionTotals(kv.Key, kv.Value.ToTotals())).ToList(),
        ByFiscalYear = _years.OrderBy(kv => kv.Key).Select(kv => new FiscalYearTotals(kv.Key, kv.Value.ToTotals())).ToList(),
        Envelope = envelope,
    };

    // Mutable running sums by (source, kind): a stream of a million budgets should not allocate a record per site.
    private sealed class Sums
    {
        private readonly long[] _cells = new long[MoneySelector.CellCount];
        private int _sites;

        public void Add(SiteBudget site)
        {
            _sites = checked(_sites + 1);
            site.AddTo(_cells);
        }

        public void Add(in SiteFacts site)
        {
            _sites = checked(_sites + 1);
            site.AddTo(_cells);
        }

        public void AddYear(SiteBudget site, int year)
        {
            _sites = checked(_sites + 1);
            foreach (ref readonly var line in site.LineSpan)
            {
                if (line.FiscalYear == year)
                {
                    ref var cell = ref _cells[MoneySelector.Index(line.Source, line.Kind)];
                    cell = checked(cell + line.Amount.Value);
                }
            }
        }

        public SourceTotals ToTotals() => new(_sites, (long[])_cells.Clone());
    }
}
