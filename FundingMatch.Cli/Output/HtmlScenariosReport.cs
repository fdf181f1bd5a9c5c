using System.Globalization;
using FundingMatch.Allocation;
using FundingMatch.Scenarios;

namespace FundingMatch.Cli.Output;

/// <summary>
/// <c>scenarios --format html</c>: a small multiple of the sweep, one row a scenario and one cell a site, each cell its
/// status as a symbol and a word (changed cells outlined), with the award under it; then each scenario's figures.
/// </summary>
internal static class HtmlScenariosReport
{
    public static void Render(SweepResult sweep, RenderContext ctx)
    {
        var h = new Html(ctx);
        var b = sweep.Base;
        h.Begin(h.T("시나리오 분석", "Scenarios"));
        HtmlCheckReport.ProgramHeader(h, b.Rules, null);
        h.Line($"<p>{h.T($"기준(규칙 그대로): 통과 {b.Passing}, 위반 {b.Failing}; 배분 {b.Allocated}원 / {b.Envelope}원 ({AllocationNames.Name(b.Method)})",
            $"Base (the program's rules): passing {b.Passing}, failing {b.Failing}; allocated {b.Allocated} of {b.Envelope} won ({AllocationNames.Name(b.Method)})")}</p>");
        h.Line($"<h2>{h.T("시나리오별 사업장 결과", "Each site's status across the scenarios")}</h2>");
        h.Line($"<p>{h.T("✔ 통과, ✖ 위반; 굵은 테두리는 기준과 결과가 달라진 칸입니다.", "✔ pass, ✖ FAIL; a bold outline marks a cell whose status differs from the base.")}</p>");
        var siteIds = Enumerable.Range(0, b.SiteCount).Select(i => b.Site(i).SiteId).ToList();
        h.Line("<table class=\"grid\">");
        h.Line($"<caption>{h.T("행: 시나리오, 열: 사업장", "Rows: scenarios; columns: sites")}</caption>");
        h.Line("<thead><tr><th scope=\"col\">#</th><th scope=\"col\">" + h.T("시나리오", "Scenario") + "</th>" +
            string.Concat(siteIds.Select(id => $"<th scope=\"col\">{Html.E(id)}</th>")) + $"<th scope=\"col\" class=\"num\">{h.T("통과", "Passing")}</th></tr></thead>");
        h.Line("<tbody>");
        Row(h, "0", h.T("기준", "base"), b, b);
        for (var k = 0; k < sweep.Scenarios.Count; k++)
        {
            Row(h, (k + 1).ToString(CultureInfo.InvariantCulture), sweep.Scenarios[k].Scenario.Name, sweep.Scenarios[k], b);
        }
        h.Line("</tbody>");
        h.Line("</table>");

        h.Table(h.T("시나리오별 합계(원)", "Each scenario's figures (won)"),
            [("#", true), (h.T("시나리오", "Scenario"), false), (h.T("통과", "Passing"), true), (h.T("위반", "Failing"), true), (h.T("국비 허용", "Allowed"), true),
                (h.T("국비 총액", "Envelope"), true), (h.T("배분", "Allocated"), true), (h.T("사업 전체 지적", "Program findings"), false)],
            sweep.Scenarios.Select((s, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), Html.E(s.Scenario.Name),
                s.Passing.ToString(CultureInfo.InvariantCulture), s.Failing.ToString(CultureInfo.InvariantCulture), s.NationalAllowed.ToString(),
                s.Envelope.ToString(), s.Allocated.ToString(), Html.E(string.Join(", ", s.ProgramCodes))]), "figures");
        HtmlCheckReport.RulesSection(h, b.Rules);
        h.End();
    }

    private static void Row(Html h, string number, string name, ScenarioResult s, ScenarioResult baseline)
    {
        var cells = new System.Text.StringBuilder();
        for (var i = 0; i < s.SiteCount; i++)
        {
            var o = s.Site(i);
            var changed = s.ChangeAt(i, baseline).StatusChanged;
            var word = o.Passed ? h.T("통과", "pass") : h.T("위반", "FAIL");
            var title = $"{o.SiteId}: {word}{(o.Codes.Count > 0 ? " — " + string.Join(", ", o.Codes) : "")}; {h.T("배분", "award")} {h.Money(o.Award)}";
            cells.Append(CultureInfo.InvariantCulture, $"<td class=\"cell{(changed ? " changed" : "")}\" data-site=\"{Html.E(o.SiteId)}\" data-passed=\"{(o.Passed ? "true" : "false")}\" title=\"{Html.E(title)}\">")
                .Append(Html.Status(o.Passed ? "pass" : "fail", word)).Append(CultureInfo.InvariantCulture, $"<br><small>{o.Award}</small></td>");
        }
        h.Line($"<tr data-scenario=\"{Html.E(name)}\"><td class=\"num\">{number}</td><th scope=\"row\">{Html.E(name)}</th>{cells}<td class=\"num\">{s.Passing}/{s.SiteCount}</td></tr>");
    }
}
