using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Text;

namespace FundingMatch.Validation;

/// <summary>
/// The totals rows Excel sheets carry (합계 at the bottom, 소계 under a group), set against the sites above them in
/// the same file. Feed it the rows in file order: <see cref="AddSite"/> for each site, <see cref="AddTotalsRow"/> for
/// each totals row. A totals row is never a site.
/// </summary>
public sealed class StatedTotals
{
    // Running sums by (source, kind) cell for each file, over all its sites and since its last subtotal.
    private readonly Dictionary<string, (long[] All, long[] SinceSubtotal)> _fileSums = new(StringComparer.Ordinal);
    private readonly List<StatedTotalsResult> _results = [];
    private readonly List<Finding> _findings = [];

    /// <summary>Every totals row met, in order.</summary>
    public IReadOnlyList<StatedTotalsResult> Results => _results;

    /// <summary>A <see cref="FindingCodes.StatedTotalMismatch"/> error for each row that disagrees.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Counts a site toward the totals rows of its file that follow it.</summary>
    public void AddSite(SiteBudget site)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (_fileSums.Count == 0 && _results.Count == 0 && site.Origin is null)
        {
            return;
        }
        var sums = SumsOf(site.Origin?.Source ?? "");
        site.AddTo(sums.All);
        site.AddTo(sums.SinceSubtotal);
    }

    /// <summary>
    /// Sets a totals row of a file (<c>합계</c>, <c>총계</c>, <c>Total</c>; or <c>소계</c>, a subtotal) against the sites
    /// added from the same file before it: every (source, kind) amount it states, and its stated total, must equal
    /// their sum. A row that disagrees gives a <see cref="FindingCodes.StatedTotalMismatch"/> error.
    /// </summary>
    /// <param name="row">The totals row, read as a budget (its <see cref="SiteBudget.SiteId"/> is its label).</param>
    /// <param name="subtotal">True for a subtotal: it covers the sites since the file's last subtotal.</param>
    public void AddTotalsRow(SiteBudget row, bool subtotal)
    {
        ArgumentNullException.ThrowIfNull(row);
        var sums = SumsOf(row.Origin?.Source ?? "");
        var expected = subtotal ? sums.SinceSubtotal : sums.All;
        var differences = new List<string>();
        var differencesKo = new List<string>();
        foreach (var source in FundingSources.All)
        {
            foreach (var kind in FundingSources.Kinds)
            {
                // Only the columns the row fills are stated; a blank cell states nothing.
                if (!row.Lines.Any(l => l.Source == source && l.Kind == kind))
                {
                    continue;
                }
                var stated = row.Amount(source, kind);
                var sum = new Won(expected[MoneySelector.Index(source, kind)]);
                if (stated != sum)
                {
                    var name = kind == FundingKind.Cash ? FundingSources.Name(source) : $"{FundingSources.Name(source)} in-kind";
                    var nameKo = kind == FundingKind.Cash ? FundingSources.KoreanName(source) : $"{FundingSources.KoreanName(source)}(현물)";
                    differences.Add($"{name} states {stated}, the sites add up to {sum}");
                    differencesKo.Add($"{nameKo} {stated}원, 사업장 합계 {sum}원");
                }
            }
        }
        if (row.StatedTotal is { } statedTotal)
        {
            var sum = new Won(expected.Sum());
            if (statedTotal != sum)
            {
                differences.Add($"total states {statedTotal}, the sites add up to {sum}");
                differencesKo.Add($"총사업비 {statedTotal}원, 사업장 합계 {sum}원");
            }
        }
        if (subtotal)
        {
            Array.Clear(sums.SinceSubtotal);
        }
        _results.Add(new StatedTotalsResult(row.SiteId, row.Origin, subtotal, differences.Count == 0));
        if (differences.Count > 0)
        {
            _findings.Add(new Finding
            {
                Code = FindingCodes.StatedTotalMismatch,
                Severity = Severity.Error,
                Expected = "the sum of the sites above it",
                Actual = string.Join("; ", differences),
                Message = new LocalizedText(
                    $"'{row.SiteId}' 행이 위 사업장들의 합계와 다릅니다: {string.Join("; ", differencesKo)}",
                    $"the '{row.SiteId}' row does not agree with the sites above it: {string.Join("; ", differences)}"),
                Origin = row.Origin,
            });
        }
    }

    internal void Adopt(StatedTotals other)
    {
        _results.AddRange(other._results);
        _findings.AddRange(other._findings);
    }

    private (long[] All, long[] SinceSubtotal) SumsOf(string file)
    {
        // Sites come a file at a time, each naming it by the same string: the last file's sums without hashing its path.
        if (ReferenceEquals(file, _lastFile))
        {
            return _lastSums;
        }
        if (!_fileSums.TryGetValue(file, out var sums))
        {
            sums = (new long[MoneySelector.CellCount], new long[MoneySelector.CellCount]);
            _fileSums.Add(file, sums);
        }
        (_lastFile, _lastSums) = (file, sums);
        return sums;
    }

    private string? _lastFile;
    private (long[] All, long[] SinceSubtotal) _lastSums;
}
