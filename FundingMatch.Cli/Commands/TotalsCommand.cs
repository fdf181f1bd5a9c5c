using System.CommandLine;
using System.Globalization;
using FundingMatch.Cli.Output;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Totals;
using FundingMatch.Validation;

namespace FundingMatch.Cli.Commands;

/// <summary><c>fundingmatch totals &lt;budgets.csv&gt;...</c>: totals by source and by region, the envelope used and left.</summary>
internal static class TotalsCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("totals",
            "Totals by source and by region, the national share of the program, and the envelope used and left.\n" +
            "Exit codes: 0 the totals were computed; 2 the input or the command line is wrong.");
        var files = CheckCommand.Files();
        command.Add(files);
        var options = new BudgetCommandOptions(common, command, ["table", "json", "csv", "markdown", "html"], strict: false);
        command.SetAction(parse => CommandSupport.Execute(parse, options, run =>
        {
            var rules = run.ResolveRules();
            var paths = parse.GetValue(files)!;
            var stderr = parse.InvocationConfiguration.Error;
            var envelope = rules.NationalEnvelope?.Amount;
            // Rows of one site each are added up as they are read, in bounded memory; a budget of one row a site a year
            // is read whole, its rows of one site combined, then added up.
            var (totals, stated) = run.StreamTotals(paths, stderr, envelope) ?? Combined();
            run.WarnStatedTotals(stated, stderr);
            Render(rules, totals, run.Render);
            return ExitCodes.Pass;

            (ProgramTotals, StatedTotals) Combined()
            {
                var sites = run.ReadSites(paths, stderr, out var statedTotals);
                var builder = new ProgramTotalsBuilder();
                foreach (var site in sites)
                {
                    builder.Add(site);
                }
                return (builder.Build(envelope), statedTotals);
            }
        }));
        return command;
    }

    private static void Render(ProgramRules rules, ProgramTotals totals, RenderContext ctx)
    {
        var w = ctx.Writer;
        // Regions, the total, then each fiscal year (시행령 §4②: the subsidy rate is defined per fiscal year).
        var rows = totals.ByRegion.Select(r => (Name: r.Region.Length == 0 ? ctx.T("(지역 없음)", "(no region)") : r.Region, r.Totals))
            .Append((Name: ctx.T("합계", "Total"), totals.All))
            .Concat(totals.ByFiscalYear.Select(y => (Name: ctx.T($"{y.FiscalYear}회계연도", $"FY {y.FiscalYear}"), y.Totals))).ToList();
        // In-kind money gets a column of its own only where the budgets have any.
        var inKind = totals.HasInKind;
        switch (ctx.Format)
        {
            case OutputFormat.Json:
                Json.WriteTo(ctx, j =>
                {
                    j.WriteStartObject();
                    j.Program(rules, ctx);
                    j.WriteNumber("sites", totals.All.Sites);
                    CheckRenderer.WriteTotalsJson(j, totals);
                    j.WriteEndObject();
                });
                break;
            case OutputFormat.Html:
                HtmlTotalsReport.Render(rules, totals, ctx);
                break;
            case OutputFormat.Csv:
                w.Line("region,sites,national,provincial,municipal,local,private,in_kind,total,national_share_percent");
                foreach (var (name, t) in rows)
                {
                    w.Line(string.Join(",", Cells.Csv(name), t.Sites.ToString(CultureInfo.InvariantCulture), R(t.National), R(t.Provincial), R(t.Municipal),
                        R(t.Local), R(t.Private), R(t.InKind), R(t.Total), t.NationalShare?.ToPercent(2).ToString(CultureInfo.InvariantCulture) ?? ""));
                }
                break;
            case OutputFormat.Markdown:
                w.Line(ctx.T($"| 지역 | 사업장 | 국비 | 시·도비 | 시·군·구비 | 지방비 | 민간 |{(inKind ? " (현물) |" : "")} 총사업비 | 국비비율 |",
                    $"| Region | Sites | National | Provincial | Municipal | Local | Private |{(inKind ? " (in kind) |" : "")} Total | National share |"));
                w.Line($"|---|---:|---:|---:|---:|---:|---:|{(inKind ? "---:|" : "")}---:|---:|");
                foreach (var (name, t) in rows)
                {
                    w.Line($"| {Cells.Markdown(name)} | {t.Sites} | {t.National} | {t.Provincial} | {t.Municipal} | {t.Local} | {t.Private} |{(inKind ? $" {t.InKind} |" : "")} {t.Total} | {CheckRenderer.Percent(t.NationalShare)} |");
                }
                w.Line();
                WriteEnvelope(totals, ctx);
                break;
            default:
                w.Line($"{ctx.T("사업", "Program")}: {rules.ProgramId} ({ctx.T("버전", "version")} {rules.Version}) — {rules.Title.In(ctx.Language)}");
                w.Line();
                var table = new TextTable([(ctx.T("지역", "Region"), false), (ctx.T("사업장", "Sites"), true), (ctx.T("국비", "National"), true),
                    (ctx.T("시·도비", "Provincial"), true), (ctx.T("시·군·구비", "Municipal"), true), (ctx.T("지방비", "Local"), true),
                    (ctx.T("민간", "Private"), true), .. inKind ? [(ctx.T("(현물)", "(in kind)"), true)] : Array.Empty<(string, bool)>(),
                    (ctx.T("총사업비", "Total"), true), (ctx.T("국비비율", "Share"), true)]);
                foreach (var (name, t) in rows)
                {
                    table.Add([name, t.Sites.ToString(CultureInfo.InvariantCulture), t.National.ToString(), t.Provincial.ToString(), t.Municipal.ToString(),
                        t.Local.ToString(), t.Private.ToString(), .. inKind ? [t.InKind.ToString()] : Array.Empty<string>(),
                        t.Total.ToString(), CheckRenderer.Percent(t.NationalShare)]);
                }
                table.WriteTo(w);
                w.Line();
                WriteEnvelope(totals, ctx);
                break;
        }
    }

    private static void WriteEnvelope(ProgramTotals totals, RenderContext ctx)
    {
        var a = totals.All;
        ctx.Writer.Line(ctx.T($"사업 국비 비율: {CheckRenderer.Percent(a.NationalShare)} ({a.National} / {a.Total})",
            $"National share of the program: {CheckRenderer.Percent(a.NationalShare)} ({a.National} / {a.Total})"));
        ctx.Writer.Line(totals.Envelope is { } e
            ? ctx.T($"국비 총액: {e} ({e.ToString("K", null)}), 사용 {totals.EnvelopeUsed}, 잔액 {totals.EnvelopeLeft}",
                $"Envelope: {e} ({e.ToString("K", null)}), used {totals.EnvelopeUsed}, left {totals.EnvelopeLeft}")
            : ctx.T("국비 총액: 규칙에 없음", "Envelope: none in the rules"));
    }

    private static string R(Won amount) => amount.ToString("R", null);
}
