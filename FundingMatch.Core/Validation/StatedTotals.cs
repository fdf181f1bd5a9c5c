using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Text;

namespace FundingMatch.Validation;

/// <summary>
/// The totals rows Excel sheets carry, set against the sites they sum in the same file: 합계 at the bottom (the sites
/// above it) or at the top, right under the header (the sites below it, to the end of the file); 소계 under its group
/// (the sites since the last subtotal) or over it (the sites below it, to the next subtotal or total). Feed it the
/// rows in file order: <see cref="AddSite(SiteBudget)"/> for each site, <see cref="AddTotalsRow"/> for each totals row. A totals
/// row is never a site. A row over its sites is told by where it stands, with an amount stated: a total with no site
/// of its file before it; a file's subtotals when its first has no site before it.
/// </summary>
public sealed class StatedTotals
{
    private readonly Dictionary<string, FileSums> _files = new(StringComparer.Ordinal);
    private readonly List<Entry> _entries = [];

    /// <summary>Every totals row met, in order, each set against the sites fed so far.</summary>
    public IReadOnlyList<StatedTotalsResult> Results => [.. _entries.Select(e => e.Result())];

    /// <summary>A <see cref="FindingCodes.StatedTotalMismatch"/> error for each row that disagrees, in order.</summary>
    public IReadOnlyList<Finding> Findings => [.. _entries.Select(e => e.Mismatch()).OfType<Finding>()];

    /// <summary>Counts a site toward the totals rows of its file that sum it.</summary>
    public void AddSite(SiteBudget site)
    {
        ArgumentNullException.ThrowIfNull(site);
        AddSite(site.Facts, site.Origin?.Source);
    }

    /// <summary>Counts a site of <paramref name="source"/> (null: read from nowhere) by its facts.</summary>
    internal void AddSite(in SiteFacts site, string? source)
    {
        if (_files.Count == 0 && _entries.Count == 0 && source is null)
        {
            return;
        }
        var file = FileOf(source ?? "");
        site.AddTo(file.All);
        site.AddTo(file.SinceSubtotal);
        file.Sites++;
        file.SitesSinceSubtotal++;
        if (file.OpenTotal is { } total)
        {
            site.AddTo(total);
        }
        if (file.OpenSubtotal is { } subtotal)
        {
            site.AddTo(subtotal);
        }
    }

    /// <summary>
    /// Sets a totals row of a file (<c>합계</c>, <c>총계</c>, <c>Total</c>; or <c>소계</c>, a subtotal) against the sites
    /// it sums: every (source, kind) amount it states, and its stated total, must equal their sum. A row that disagrees
    /// gives a <see cref="FindingCodes.StatedTotalMismatch"/> error.
    /// </summary>
    /// <param name="row">The totals row, read as a budget (its <see cref="SiteBudget.SiteId"/> is its label).</param>
    /// <param name="subtotal">True for a subtotal: it sums its group, the sites since the last subtotal (or up to the next).</param>
    public void AddTotalsRow(SiteBudget row, bool subtotal)
    {
        ArgumentNullException.ThrowIfNull(row);
        var file = FileOf(row.Origin?.Source ?? "");
        // A total, or the next subtotal, ends the group a subtotal over it sums.
        file.OpenSubtotal = null;
        // Over its sites when none of the file stands before it (a total), or before the file's first subtotal: a file
        // puts every subtotal over its group, or every one under it.
        var states = row.Lines.Any(l => l.Amount != Won.Zero) || (row.StatedTotal is { } total && total != Won.Zero);
        var over = subtotal ? file.SubtotalsOver ??= file.SitesSinceSubtotal == 0 && states : file.Sites == 0 && states;
        long[] expected;
        if (over)
        {
            expected = new long[MoneySelector.CellCount];
            if (subtotal)
            {
                file.OpenSubtotal = expected;
            }
            else
            {
                file.OpenTotal = expected;
            }
        }
        else
        {
            expected = (long[])(subtotal ? file.SinceSubtotal : file.All).Clone();
        }
        if (subtotal)
        {
            Array.Clear(file.SinceSubtotal);
            file.SitesSinceSubtotal = 0;
        }
        _entries.Add(new Entry(row, subtotal, over, expected));
    }

    internal void Adopt(StatedTotals other) => _entries.AddRange(other._entries);

    private FileSums FileOf(string file)
    {
        // Sites come a file at a time, each naming it by the same string: the last file's sums without hashing its path.
        if (ReferenceEquals(file, _lastFile))
        {
            return _lastSums!;
        }
        if (!_files.TryGetValue(file, out var sums))
        {
            sums = new FileSums();
            _files.Add(file, sums);
        }
        (_lastFile, _lastSums) = (file, sums);
        return sums;
    }

    private string? _lastFile;
    private FileSums? _lastSums;

    // Running sums by (source, kind) cell for a file: over all its sites, since its last subtotal, and for the totals
    // rows over their sites still open (a total over the file's sites, to its end; a subtotal over its group).
    private sealed class FileSums
    {
        public long[] All { get; } = new long[MoneySelector.CellCount];

        public long[] SinceSubtotal { get; } = new long[MoneySelector.CellCount];

        public long Sites { get; set; }

        public long SitesSinceSubtotal { get; set; }

        public long[]? OpenTotal { get; set; }

        public long[]? OpenSubtotal { get; set; }

        // Whether the file's subtotals stand over their groups, once its first says.
        public bool? SubtotalsOver { get; set; }
    }

    // A totals row and the sums of the sites it covers (still growing while it is open).
    private sealed record Entry(SiteBudget Row, bool Subtotal, bool Over, long[] Expected)
    {
        public StatedTotalsResult Result() => new(Row.SiteId, Row.Origin, Subtotal, Differences().English.Count == 0) { SumsSitesBelow = Over };

        public Finding? Mismatch()
        {
            var (english, korean) = Differences();
            if (english.Count == 0)
            {
                return null;
            }
            var (where, whereKo) = Over ? ("below it", "아래") : ("above it", "위");
            return new Finding
            {
                Code = FindingCodes.StatedTotalMismatch,
                Severity = Severity.Error,
                Expected = $"the sum of the sites {where}",
                Actual = string.Join("; ", english),
                Message = new LocalizedText(
                    $"'{Row.SiteId}' 행이 {whereKo} 사업장들의 합계와 다릅니다: {string.Join("; ", korean)}",
                    $"the '{Row.SiteId}' row does not agree with the sites {where}: {string.Join("; ", english)}"),
                Origin = Row.Origin,
            };
        }

        private (List<string> English, List<string> Korean) Differences()
        {
            var english = new List<string>();
            var korean = new List<string>();
            foreach (var source in FundingSources.All)
            {
                foreach (var kind in FundingSources.Kinds)
                {
                    // Only the columns the row fills are stated; a blank cell states nothing.
                    if (!Row.Lines.Any(l => l.Source == source && l.Kind == kind))
                    {
                        continue;
                    }
                    var stated = Row.Amount(source, kind);
                    var sum = new Won(Expected[MoneySelector.Index(source, kind)]);
                    if (stated != sum)
                    {
                        var name = kind == FundingKind.Cash ? FundingSources.Name(source) : $"{FundingSources.Name(source)} in-kind";
                        var nameKo = kind == FundingKind.Cash ? FundingSources.KoreanName(source) : $"{FundingSources.KoreanName(source)}(현물)";
                        english.Add($"{name} states {stated}, the sites add up to {sum}");
                        korean.Add($"{nameKo} {stated}원, 사업장 합계 {sum}원");
                    }
                }
            }
            var all = new Won(Expected.Sum());
            if (Row.StatedTotal is { } statedTotal && statedTotal != all)
            {
                english.Add($"total states {statedTotal}, the sites add up to {all}");
                korean.Add($"총사업비 {statedTotal}원, 사업장 합계 {all}원");
            }
            return (english, korean);
        }
    }
}
