using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Settlements;

namespace FundingMatch.Cli.Output;

/// <summary><c>settle --format html</c>: per site and source the planned, confirmed and returned (unspent) money, and the returns.</summary>
internal static class HtmlSettleReport
{
    public static void Render(SettlementReport report, RenderContext ctx, bool strict)
    {
        var h = new Html(ctx);
        h.Begin(h.T("정산 보고서", "Settlement report"));
        HtmlCheckReport.ProgramHeader(h, report.Rules, null);
        h.Band(report.Summary.PlanPasses(strict), CheckRenderer.SummaryLine(report.Summary, ctx, strict));
        var t = report.Totals;
        h.Line($"<p>{h.T($"교부 {t.Disbursed}원, 국비 확정 {t.ConfirmedNational}원, 국비 반환 {t.NationalReturn}원, 이자 반환 {t.InterestReturn}원, 반환 총액 {t.TotalReturn}원",
            $"Disbursed {t.Disbursed} won, confirmed national {t.ConfirmedNational} won, national return {t.NationalReturn} won, interest return {t.InterestReturn} won, total return {t.TotalReturn} won")}</p>");
        h.Legend([("planned", FundingKind.Cash, h.T("계획", "planned")), ("confirmed", FundingKind.Cash, h.T("확정", "confirmed")), ("returned", FundingKind.Cash, h.T("반환·미집행 (계획 − 확정)", "returned / unspent (planned − confirmed)"))]);
        var scale = report.Sites.SelectMany(s => s.Sources).Select(src => Won.Max(src.Planned, src.Confirmed)).DefaultIfEmpty(Won.Zero).Max();
        foreach (var s in report.Sites)
        {
            h.Line($"<section class=\"site\" data-site=\"{Html.E(s.SiteId)}\">");
            h.Line($"<h3>{Html.E(s.SiteId)}{(s.Plan.Name.Length > 0 ? " — " + Html.E(s.Plan.Name) : "")} " +
                (s.Passed ? Html.Status(s.Findings.Count > 0 ? "warn" : "pass", s.Findings.Count > 0 ? h.T("통과(경고)", "pass (warnings)") : h.T("통과", "pass")) : Html.Status("fail", h.T("위반", "FAIL"))) + "</h3>");
            h.Line($"<p>{h.T("계획", "Planned")} {Html.E(h.Money(s.PlannedTotal))}, {h.T("실제", "actual")} {Html.E(h.Money(s.ActualTotal))}; " +
                $"{h.T("교부", "disbursed")} {Html.E(h.Money(s.Disbursed))}, {h.T("국비 확정", "confirmed national")} {Html.E(h.Money(s.ConfirmedNational))} " +
                $"({h.T("결정 요인", "set by")} <code>{Html.E(s.ConfirmedBy)}</code>); {h.T("반환 총액", "total return")} <strong>{Html.E(h.Money(s.TotalReturn))}</strong></p>");
            // One row a source: its figures, and beside them its planned, confirmed and returned money as three thin bars
            // on the report's one scale.
            h.Table(h.T($"{s.SiteId}: 재원별 정산(원)", $"{s.SiteId}: settlement by source (won)"),
                [(h.T("재원", "Source"), false), (h.T("계획", "Planned"), true), (h.T("집행", "Spent"), true), (h.T("확정", "Confirmed"), true),
                 (h.T("미집행(계획-확정)", "Unspent (planned - confirmed)"), true), (h.T("계획 · 확정 · 반환", "Planned · confirmed · returned"), false)],
                s.Sources.Select(src => (IReadOnlyList<string>)[Html.E(h.SourceLabel(src.Source, src.Kind)), src.Planned.ToString(), src.Spent.ToString(),
                    src.Confirmed.ToString(), src.Unspent.ToString(), Bars(h, s, src, scale)]), "figures settle");
            HtmlCheckReport.FindingList(h, s.Findings);
            h.Line("</section>");
        }
        HtmlCheckReport.FindingList(h, report.ProgramFindings);
        HtmlCheckReport.RulesSection(h, report.Rules);
        h.End();
    }

    // A source's planned, confirmed and returned money (national cash returns what was disbursed less what was confirmed;
    // any other source, what was planned less what was confirmed).
    private static string Bars(Html h, SiteSettlement s, SourceSettlement src, Won scale)
    {
        var name = h.SourceLabel(src.Source, src.Kind);
        var national = src.Source == FundingSource.National && src.Kind == FundingKind.Cash;
        return h.BarsMarkup(h.T($"{s.SiteId} {name}: 계획, 확정, 반환", $"{s.SiteId} {name}: planned, confirmed, returned"),
        [
            new("planned", FundingKind.Cash, src.Planned, h.T("계획", "planned")),
            new("confirmed", FundingKind.Cash, src.Confirmed, h.T("확정", "confirmed")),
            new("returned", FundingKind.Cash, national ? s.NationalReturn : src.Unspent, national ? h.T("반환 (교부 − 확정)", "returned (disbursed − confirmed)") : h.T("미집행 (계획 − 확정)", "unspent (planned − confirmed)")),
        ], scale, $"{s.SiteId}-{FundingSources.Name(src.Source)}-{FundingSources.Name(src.Kind)}", barHeight: 7, gap: 2);
    }
}
