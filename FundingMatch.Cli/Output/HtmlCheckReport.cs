using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;
using FundingMatch.Totals;
using FundingMatch.Validation;
using NodaTime;
using NodaTime.Text;

namespace FundingMatch.Cli.Output;

/// <summary>
/// <c>check --format html</c>: the program and its cited rules, a pass/fail band, and per site a stacked bar of its money
/// by source and kind (in kind hatched) with every national limit marked, the binding one named, its findings, and a
/// table with the same numbers; then the program's totals and envelope.
/// </summary>
internal static class HtmlCheckReport
{
    public static void Render(CheckReport report, RenderContext ctx, LocalDate? asOf, bool strict)
    {
        var h = new Html(ctx);
        var rules = report.Rules;
        h.Begin(h.T("사업비 검토 보고서", "Budget check report"));
        ProgramHeader(h, rules, asOf);
        var summary = report.Summary;
        h.Band(summary.PlanPasses(strict), CheckRenderer.SummaryLine(summary, ctx, strict));

        h.Line($"<h2>{h.T("사업장별 재원", "Sites by source of money")}</h2>");
        var cells = Cells(report.Sites.Select(s => s.Site));
        h.Legend(cells.Select(c => (Key(c.Source), c.Kind, h.SourceLabel(c.Source, c.Kind))));
        var scale = Scale(report, rules);
        foreach (var s in report.Sites)
        {
            Site(h, rules, s, cells, scale);
        }

        Totals(h, report.Totals, rules);
        Findings(h, h.T("사업 전체 지적 사항", "Findings on the program as a whole"), report.ProgramFindings);
        if (report.StatedTotals.Count > 0)
        {
            h.Table(h.T("파일의 합계 행", "Totals rows in the files"),
                [(h.T("행", "Row"), false), (h.T("결과", "Result"), false)],
                report.StatedTotals.Select(t => (IReadOnlyList<string>)[Html.E(t.Origin?.ToString() ?? t.Label),
                    t.Agrees ? Html.Status("pass", h.T("사업장 합과 일치", t.SumsSitesBelow ? "agrees with the sites below it" : "agrees with the sites above it")) : Html.Status("fail", h.T("불일치", "disagrees"))]));
        }
        RulesSection(h, rules);
        h.End();
    }

    public static void ProgramHeader(Html h, ProgramRules rules, LocalDate? asOf)
    {
        h.Line($"<p class=\"meta\"><strong>{Html.E(rules.Title.In(h.Context.Language))}</strong><br>" +
            $"{h.T("사업", "Program")} <code>{Html.E(rules.ProgramId)}</code>, {h.T("버전", "version")} {Html.E(rules.Version)} " +
            $"({h.T("시행", "effective")} {LocalDatePattern.Iso.Format(rules.Effective)}); " +
            (asOf is { } d ? h.T($"기준일 {LocalDatePattern.Iso.Format(d)}", $"rules as of {LocalDatePattern.Iso.Format(d)}") : h.T("최신 버전 (기준일 지정 없음)", "newest version (no --as-of)")) +
            "</p>");
    }

    /// <summary>The (source, kind) cells any of the sites has money in, in report order: the bars' segments and the legend.</summary>
    public static List<(FundingSource Source, FundingKind Kind)> Cells(IEnumerable<SiteBudget> sites)
    {
        var used = new HashSet<(FundingSource, FundingKind)>();
        foreach (var site in sites)
        {
            foreach (var line in site.Lines)
            {
                if (line.Amount.Value != 0)
                {
                    used.Add((line.Source, line.Kind));
                }
            }
        }
        return [.. FundingSources.All.SelectMany(s => FundingSources.Kinds.Select(k => (s, k))).Where(used.Contains)];
    }

    public static string Key(FundingSource source) => FundingSources.Name(source);

    // One scale for every site's bar, so that bars compare: the largest total cost or national limit of any site.
    private static Won Scale(CheckReport report, ProgramRules rules)
    {
        var scale = Won.Zero;
        foreach (var s in report.Sites)
        {
            scale = Won.Max(scale, s.Site.Total);
            foreach (var m in Marks(rules, s.Site, s.Figures.LimitRounding))
            {
                scale = Won.Max(scale, m.At);
            }
        }
        return scale;
    }

    /// <summary>Every national limit a site constraint sets on the site, labelled by the constraint's own name and key.</summary>
    private static IEnumerable<(Constraint Constraint, Won At, string Label)> Marks(ProgramRules rules, SiteBudget site, RoundingPolicy rounding)
    {
        foreach (var c in rules.SiteConstraints)
        {
            if (c.NationalLimit(site, rounding) is { } limit)
            {
                yield return (c, limit, c.Key);
            }
        }
    }

    private static void Site(Html h, ProgramRules rules, SiteAssessment s, List<(FundingSource Source, FundingKind Kind)> cells, Won scale)
    {
        var site = s.Site;
        var f = s.Figures;
        var ctx = h.Context;
        var status = s.Passed
            ? (s.Findings.Count > 0 ? Html.Status("warn", h.T("통과(경고)", "pass (warnings)")) : Html.Status("pass", h.T("통과", "pass")))
            : Html.Status("fail", h.T("위반", "FAIL"));
        var heading = Html.E(site.SiteId) + (site.Name.Length > 0 ? " — " + Html.E(site.Name) : "") + (site.Region.Length > 0 ? $" <small>({Html.E(site.Region)})</small>" : "");
        h.Line($"<section class=\"site\" data-site=\"{Html.E(site.SiteId)}\" data-total=\"{site.Total.Value}\">");
        h.Line($"<h3>{heading} {status}</h3>");
        var segments = cells.Select(c => new Html.Segment(Key(c.Source), c.Kind, site.Sum(MoneySelector.Of(c.Source, c.Kind)), h.SourceLabel(c.Source, c.Kind))).ToList();
        var marks = Marks(rules, site, f.LimitRounding).ToList();
        var derivations = marks.Select(m => m.Constraint.Derive(site, f.LimitRounding)?.Label.In(ctx.Language) ?? m.Constraint.Key).ToList();
        h.StackedBar(
            h.T($"{site.SiteId}의 재원별 사업비, 총 {site.Total}원", $"{site.SiteId}: money by source, total {site.Total} won"),
            segments, scale, [.. marks.Select((m, i) => new Html.Mark(m.Constraint.Key, m.At, $"{derivations[i]} ({m.Constraint.Key})"))], site.SiteId);
        string? bindingName = f.BindingLimit is { } key ? (marks.FindIndex(m => m.Constraint.Key == key) is var at and >= 0 ? derivations[at] : key) : null;
        var binding = f.BindingLimit is { } bindingKey && f.MaxNational is { } max && f.Headroom is { } headroom
            ? h.T($"적용되는 한도: <strong>{Html.E(bindingName)}</strong> (<code>{Html.E(bindingKey)}</code>), 국비 최대 {Html.E(h.Money(max))}, 여유액 {Html.E(h.Money(headroom))}",
                $"Binding limit: <strong>{Html.E(bindingName)}</strong> (<code>{Html.E(bindingKey)}</code>): largest national amount {Html.E(h.Money(max))}, headroom {Html.E(h.Money(headroom))}")
            : h.T("국비를 제한하는 규칙이 없습니다", "No rule bounds the national money");
        h.Line($"<p>{binding}; {h.T("국비 비율", "national share")} {CheckRenderer.Percent(f.NationalShare)}</p>");
        FindingList(h, s.Findings);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var seg in segments.Where(x => x.Amount.Value > 0))
        {
            rows.Add([Html.E(seg.Label), seg.Amount.ToString(), site.Total.Value > 0 ? Share.Of(seg.Amount, site.Total).ToPercentString() : "-"]);
        }
        rows.Add([$"<strong>{h.T("총사업비", "Total cost")}</strong>", $"<strong>{site.Total}</strong>", site.Total.Value > 0 ? "100%" : "-"]);
        foreach (var (m, i) in marks.Select((m, i) => (m, i)))
        {
            rows.Add([Html.E($"{h.T("한도", "limit")}: {derivations[i]} ({m.Constraint.Key})"), m.At.ToString(), ""]);
        }
        h.Table(h.T($"{site.SiteId}: 재원별 금액(원)과 국비 한도", $"{site.SiteId}: amounts (won) and national limits"),
            [(h.T("항목", "Item"), false), (h.T("금액(원)", "Amount (won)"), true), (h.T("총사업비 대비", "Of total"), true)], rows, "figures");
        h.Line("</section>");
    }

    public static void FindingList(Html h, IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }
        h.Line("<ul class=\"findings\">");
        foreach (var f in findings)
        {
            var cls = f.Severity == Severity.Error ? "fail" : "warn";
            var word = f.Severity == Severity.Error ? h.T("오류", "error") : h.T("경고", "warning");
            h.Line($"<li>{Html.Status(cls, word)} <code>{Html.E(f.Code)}</code>: {Html.E(f.Message.In(h.Context.Language))}" +
                (f.Citation is { } c ? $" <small>[{Html.E(c.Document)} {Html.E(c.Section)}]</small>" : "") + "</li>");
        }
        h.Line("</ul>");
    }

    private static void Findings(Html h, string title, IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }
        h.Line($"<h2>{Html.E(title)}</h2>");
        FindingList(h, findings);
    }

    public static void Totals(Html h, ProgramTotals totals, ProgramRules rules)
    {
        h.Line($"<h2>{h.T("사업 전체", "The program")}</h2>");
        var all = totals.All;
        var cells = HtmlTotalsReport.Cells(all);
        h.StackedBar(h.T($"사업 전체 재원별 사업비, 총 {all.Total}원", $"The program's money by source, total {all.Total} won"),
            [.. cells.Select(c => new Html.Segment(Key(c.Source), c.Kind, all.Amount(c.Source, c.Kind), h.SourceLabel(c.Source, c.Kind)))], all.Total, [], "program");
        if (totals.Envelope is { } envelope)
        {
            var used = totals.EnvelopeUsed;
            var left = totals.EnvelopeLeft!.Value;
            var key = rules.NationalEnvelope?.Key ?? "envelope";
            h.Line($"<h3>{h.T("국비 총액", "National envelope")}</h3>");
            h.StackedBar(h.T($"국비 총액 {envelope}원 중 사용 {used}원", $"National envelope {envelope} won, used {used} won"),
                [new("used", FundingKind.Cash, used, h.T("사용", "used")), new("left", FundingKind.Cash, left.Value > 0 ? left : Won.Zero, h.T("잔액", "left"))],
                Won.Max(envelope, used), [new Html.Mark(key, envelope, $"{h.T("총액", "envelope")} ({key})")], "envelope");
            h.Line($"<p>{h.T("총액", "Envelope")} {Html.E(h.Money(envelope))}, {h.T("사용", "used")} {Html.E(h.Money(used))}, {h.T("잔액", "left")} {Html.E(h.Money(left))}</p>");
        }
        var rows = cells.Select(c => (IReadOnlyList<string>)[Html.E(h.SourceLabel(c.Source, c.Kind)), all.Amount(c.Source, c.Kind).ToString(),
            all.Total.Value > 0 ? Share.Of(all.Amount(c.Source, c.Kind), all.Total).ToPercentString() : "-"]).ToList();
        rows.Add([$"<strong>{h.T("합계", "Total")}</strong>", $"<strong>{all.Total}</strong>", all.Total.Value > 0 ? "100%" : "-"]);
        h.Table(h.T($"사업 전체 재원별 금액(원), 사업장 {all.Sites}곳", $"The program's amounts by source (won), {all.Sites} sites"),
            [(h.T("재원", "Source"), false), (h.T("금액(원)", "Amount (won)"), true), (h.T("비율", "Share"), true)], rows, "figures");
    }

    public static void RulesSection(Html h, ProgramRules rules)
    {
        h.Line($"<h2>{h.T("적용한 규칙과 근거", "Rules applied, with their sources")}</h2>");
        h.Table(h.T("규칙", "Rules"),
            [(h.T("키", "Key"), false), (h.T("내용", "Rule"), false), (h.T("시행", "Effective"), false), (h.T("근거", "Source"), false)],
            [.. rules.Constraints.Select(c => (IReadOnlyList<string>)[$"<code>{Html.E(c.Key)}</code>", Html.E(c.Describe().In(h.Context.Language)),
                LocalDatePattern.Iso.Format(c.Effective), $"{Html.E(c.Citation.Document)}, {Html.E(c.Citation.Section)}"]),
            [$"<code>{ParameterKeys.Rounding}</code>", Html.E(rules.Rounding.Value.Name.In(h.Context.Language)), LocalDatePattern.Iso.Format(rules.Rounding.Effective),
                $"{Html.E(rules.Rounding.Citation.Document)}, {Html.E(rules.Rounding.Citation.Section)}"]]);
    }
}
