using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Totals;

namespace FundingMatch.Cli.Output;

/// <summary><c>totals --format html</c>: the program's money by source, then by region and by fiscal year, each a bar and a table.</summary>
internal static class HtmlTotalsReport
{
    public static void Render(ProgramRules rules, ProgramTotals totals, RenderContext ctx)
    {
        var h = new Html(ctx);
        h.Begin(h.T("재원별 합계", "Totals by source"));
        HtmlCheckReport.ProgramHeader(h, rules, null);
        var cells = Cells(totals.All);
        h.Legend(cells.Select(c => (HtmlCheckReport.Key(c.Source), c.Kind, h.SourceLabel(c.Source, c.Kind))));
        HtmlCheckReport.Totals(h, totals, rules);
        Groups(h, "region", h.T("지역별", "By region"),
            [.. totals.ByRegion.Select(r => (Name: r.Region.Length == 0 ? h.T("(지역 없음)", "(no region)") : r.Region, r.Totals))], cells);
        if (totals.ByFiscalYear.Count > 0)
        {
            Groups(h, "fy", h.T("회계연도별", "By fiscal year"),
                [.. totals.ByFiscalYear.Select(y => (Name: h.T($"{y.FiscalYear}회계연도", $"FY {y.FiscalYear}"), y.Totals))], cells);
        }
        h.End();
    }

    /// <summary>The (source, kind) cells the totals have money in, in report order.</summary>
    public static List<(FundingSource Source, FundingKind Kind)> Cells(SourceTotals totals) =>
        [.. FundingSources.All.SelectMany(s => FundingSources.Kinds.Select(k => (s, k))).Where(c => totals.Amount(c.s, c.k).Value != 0)];

    // One bar a group on one scale (the largest group), then one table with a row a group: each source's amount and share.
    private static void Groups(Html h, string prefix, string title, List<(string Name, SourceTotals Totals)> groups, List<(FundingSource Source, FundingKind Kind)> cells)
    {
        h.Line($"<h2>{Html.E(title)}</h2>");
        var scale = groups.Count == 0 ? Won.Zero : groups.Max(g => g.Totals.Total);
        foreach (var (name, t, i) in groups.Select((g, i) => (g.Name, g.Totals, i)))
        {
            h.Line($"<h3>{Html.E(name)} <small>({h.T($"사업장 {t.Sites}곳, 국비 비율 {CheckRenderer.Percent(t.NationalShare)}", $"{t.Sites} sites, national share {CheckRenderer.Percent(t.NationalShare)}")})</small></h3>");
            h.StackedBar(h.T($"{name}의 재원별 사업비, 총 {t.Total}원", $"{name}: money by source, total {t.Total} won"),
                [.. cells.Select(c => new Html.Segment(HtmlCheckReport.Key(c.Source), c.Kind, t.Amount(c.Source, c.Kind), h.SourceLabel(c.Source, c.Kind)))], scale, [], $"{prefix}-{i}");
        }
        h.Table(h.T($"{title} 재원별 금액(원)", $"{title}: amounts by source (won)"),
            [(h.T("구분", "Group"), false), (h.T("사업장", "Sites"), true), .. cells.Select(c => (h.SourceLabel(c.Source, c.Kind), true)),
                (h.T("총사업비", "Total"), true), (h.T("국비 비율", "National share"), true)],
            groups.Select(g => (IReadOnlyList<string>)[Html.E(g.Name), g.Totals.Sites.ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. cells.Select(c => g.Totals.Amount(c.Source, c.Kind).ToString()), g.Totals.Total.ToString(), CheckRenderer.Percent(g.Totals.NationalShare)]), "figures");
    }
}
