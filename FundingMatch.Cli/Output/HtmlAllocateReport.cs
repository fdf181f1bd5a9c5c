using System.Globalization;
using FundingMatch.Allocation;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Cli.Output;

/// <summary><c>allocate --format html</c>: per applicant its request, entitlement and award side by side, the envelope used and left.</summary>
internal static class HtmlAllocateReport
{
    public static void Render(AllocationResult result, ProgramRules rules, RenderContext ctx)
    {
        var h = new Html(ctx);
        h.Begin(h.T("국비 배분", "Allocation of the national envelope"));
        HtmlCheckReport.ProgramHeader(h, rules, null);
        h.Line($"<p>{h.T("배분 방식", "Method")} <code>{AllocationNames.Name(result.Method)}</code>" +
            (result.Method == AllocationMethod.Ranked ? $" ({h.T("일부 배분", "partial")}: <code>{AllocationNames.Name(result.Partial)}</code>)" : "") +
            $"; {h.T("국비 총액", "envelope")} {Html.E(h.Money(result.Envelope))}; {h.T("배분 단위", "award unit")} {Html.E(h.Money(result.AwardUnit))}</p>");
        h.Band(result.LeftOver.Value >= 0, h.T(
            $"배분 {result.Allocated}원 / 배분한도 합계 {result.TotalEntitlement}원; 잔액 {result.LeftOver}원; 전액 {result.FundedInFull}곳, 일부 {result.FundedInPart}곳, 미배분 {result.NotFunded}곳",
            $"Allocated {result.Allocated} won of entitlements {result.TotalEntitlement} won; left over {result.LeftOver} won; funded in full {result.FundedInFull}, in part {result.FundedInPart}, not at all {result.NotFunded}"));

        h.Line($"<h2>{h.T("사업장별 신청액, 배분한도, 배분액", "Requests, entitlements and awards by site")}</h2>");
        h.Legend([("requested", FundingKind.Cash, h.T("신청액", "requested")), ("entitlement", FundingKind.Cash, h.T("배분한도", "entitlement")), ("award", FundingKind.Cash, h.T("배분액", "award"))]);
        var ordered = (result.Method == AllocationMethod.Ranked ? result.Allocations.OrderBy(a => a.Rank) : result.Allocations.AsEnumerable()).ToList();
        var scale = ordered.Count == 0 ? Won.Zero : ordered.Max(a => Won.Max(Won.Max(a.Applicant.Requested ?? a.Entitlement, a.Entitlement), a.Award));
        foreach (var a in ordered)
        {
            var site = a.Applicant.Site;
            h.Line($"<section class=\"site\" data-site=\"{Html.E(a.SiteId)}\">");
            h.Line($"<h3>{(a.Rank is { } rank ? $"{rank}. " : "")}{Html.E(a.SiteId)}{(site.Name.Length > 0 ? " — " + Html.E(site.Name) : "")} " +
                (a.Award == a.Entitlement && a.Entitlement.Value > 0 ? Html.Status("pass", h.T("전액", "in full")) : a.Award.Value > 0 ? Html.Status("warn", h.T("일부", "in part")) : Html.Status("fail", h.T("미배분", "not funded"))) + "</h3>");
            h.Bars(h.T($"{a.SiteId}: 신청액, 배분한도, 배분액", $"{a.SiteId}: requested, entitlement and award"),
            [
                new("requested", FundingKind.Cash, a.Applicant.Requested ?? a.Entitlement, h.T("신청액", "requested") + (a.Applicant.Requested is null ? h.T(" (신청액 열 없음: 배분한도)", " (no request column: the entitlement)") : "")),
                new("entitlement", FundingKind.Cash, a.Entitlement, h.T("배분한도", "entitlement")),
                new("award", FundingKind.Cash, a.Award, h.T("배분액", "award")),
            ], scale, a.SiteId);
            h.Line($"<p>{h.T("제약", "Binds")}: <code>{Html.E(a.BindingConstraint)}</code>; {h.T("부족액", "shortfall")} {Html.E(h.Money(a.Shortfall))}</p>");
            h.Line("</section>");
        }
        h.Table(h.T("사업장별 금액(원)", "Amounts by site (won)"),
            [(h.T("순위", "Rank"), true), (h.T("코드", "Site"), false), (h.T("점수", "Score"), true), (h.T("신청액", "Requested"), true), (h.T("배분한도", "Entitlement"), true),
                (h.T("배분액", "Award"), true), (h.T("제약", "Binds"), false), (h.T("부족액", "Shortfall"), true), (h.T("국비 한도", "Rules limit"), true)],
            ordered.Select(a => (IReadOnlyList<string>)[a.Rank?.ToString(CultureInfo.InvariantCulture) ?? "", Html.E(a.SiteId),
                a.Applicant.Score?.ToString(CultureInfo.InvariantCulture) ?? "", a.Applicant.Requested?.ToString() ?? "-", a.Entitlement.ToString(), a.Award.ToString(),
                $"<code>{Html.E(a.BindingConstraint)}</code>", a.Shortfall.ToString(), a.RulesLimit?.ToString() ?? "-"]), "figures");

        h.Line($"<h2>{h.T("국비 총액", "The envelope")}</h2>");
        var left = result.LeftOver;
        h.StackedBar(h.T($"국비 총액 {result.Envelope}원 중 배분 {result.Allocated}원", $"Envelope {result.Envelope} won, allocated {result.Allocated} won"),
            [new("used", FundingKind.Cash, result.Allocated, h.T("배분", "allocated")), new("left", FundingKind.Cash, left.Value > 0 ? left : Won.Zero, h.T("잔액", "left over"))],
            Won.Max(result.Envelope, result.Allocated), [], "envelope");
        if (result.Method == AllocationMethod.Proportional)
        {
            h.Line($"<p>{h.T("참고: 비례 배분(최대 잉여 방식)은 국비 총액이 늘 때 한 사업장의 배분액이 배분 단위 하나만큼 줄 수 있습니다 (앨라배마 역설).",
                "Note: proportional awards (largest remainder) can drop by one award unit when the envelope rises (the Alabama paradox).")}</p>");
        }
        HtmlCheckReport.RulesSection(h, rules);
        h.End();
    }
}
