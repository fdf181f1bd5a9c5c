using System.CommandLine;
using System.Globalization;
using FundingMatch.Budgets;
using FundingMatch.Cli.Input;
using FundingMatch.Cli.Output;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Settlements;
using FundingMatch.Text;

namespace FundingMatch.Cli.Commands;

/// <summary><c>fundingmatch settle &lt;plan.csv&gt; &lt;actuals.csv&gt;</c>: settlement (정산) of what was spent against the plan.</summary>
internal static class SettleCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("settle",
            "Settle each site (정산): the confirmed national subsidy (the smallest of what was disbursed, the planned national share of the actual " +
            "total and every bound on national money, down to 10 won), what goes back with its interest, and every source's confirmed part of the actual total.\n" +
            "Actuals: the plan's columns (money actually spent), plus optional disbursed (교부액), interest (이자) and interest_exempt (이자 반환 면제: yes/no, 예/아니오).\n" +
            ExitCodes.Help);
        var plan = new Argument<string>("plan.csv") { Description = "The plan: a budget file as check reads it" };
        var actuals = new Argument<string>("actuals.csv") { Description = "The actuals: the same site ids and amount columns, with what was spent" };
        command.Add(plan);
        command.Add(actuals);
        var site = new Option<string?>("--site") { Description = "Settle only this site and show how each figure was reached, with the statute for each step", HelpName = "ID" };
        command.Add(site);
        var options = new BudgetCommandOptions(common, command, ["table", "json", "csv", "markdown", "html"]);
        command.SetAction(parse => CommandSupport.Execute(parse, options, run =>
        {
            var rules = run.ResolveRules();
            var stderr = parse.InvocationConfiguration.Error;
            var planPath = parse.GetValue(plan)!;
            var actualsPath = parse.GetValue(actuals)!;
            var planRows = run.ReadBudgets([planPath], stderr);
            var actualRows = run.ReadBudgets([actualsPath], stderr, settlementColumns: true);
            run.WarnStatedTotals(CommandRun.StatedTotalsOf(planRows), stderr);
            run.WarnStatedTotals(CommandRun.StatedTotalsOf(actualRows), stderr);
            var plans = Sites(planRows.Where(r => r.Kind == RowKind.Site).ToList(), planPath);
            var spent = Sites(actualRows.Where(r => r.Kind == RowKind.Site).ToList(), actualsPath);
            var inputs = Match(plans, spent, planPath, actualsPath);
            var report = Settlement.Settle(rules, inputs);
            if (parse.GetValue(site) is { } only)
            {
                var one = report.Sites.FirstOrDefault(s => s.SiteId == only) ?? throw new InputException(new InputProblem("--site", null, null, null, only, new LocalizedText(
                    $"사업장 '{only}'이(가) 없습니다. 있는 사업장: {string.Join(", ", report.Sites.Select(s => s.SiteId))}",
                    $"there is no site '{only}'; the sites are {string.Join(", ", report.Sites.Select(s => s.SiteId))}")));
                report = report with { Sites = [one], ProgramFindings = [] };
            }
            SettleRenderer.Render(report, run.Render, run.Strict, explain: parse.GetValue(site) is not null);
            return report.Summary.PlanPasses(run.Strict) ? ExitCodes.Pass : ExitCodes.RuleBroken;
        }));
        return command;
    }

    /// <summary>A file's rows as sites (one row a site a year combined), with what its settlement columns say, summed over a site's rows.</summary>
    private static List<(SiteBudget Site, Won? Disbursed, Won Interest, bool Exempt)> Sites(List<BudgetRow> rows, string file)
    {
        var sites = FiscalYearRows.Combine(rows.Select(r => r.Site));
        var repeated = sites.GroupBy(s => s.SiteId, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        if (repeated.Count > 0)
        {
            throw new InputException(repeated.SelectMany(g => g.Skip(1)).Select(s => new InputProblem(file, s.Origin?.Line, null, "site_id", s.SiteId, new LocalizedText(
                "사업장코드가 중복됩니다: 한 회계연도에 한 행이어야 합니다", "the site id is given twice in one fiscal year (or once with and once without a year): a site has one row a year"))).ToList());
        }
        var byId = rows.GroupBy(r => r.Site.SiteId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return sites.Select(s =>
        {
            var own = byId[s.SiteId];
            Won? disbursed = own.Any(r => r.Disbursed is not null) ? Won.Sum(own.Select(r => r.Disbursed ?? Won.Zero)) : null;
            var interest = Won.Sum(own.Select(r => r.Interest ?? Won.Zero));
            var exempt = own.Select(r => r.InterestExempt).FirstOrDefault(e => e is not null) ?? false;
            return (s, disbursed, interest, exempt);
        }).ToList();
    }

    private static List<SettlementInput> Match(List<(SiteBudget Site, Won? Disbursed, Won Interest, bool Exempt)> plans,
        List<(SiteBudget Site, Won? Disbursed, Won Interest, bool Exempt)> actuals, string planPath, string actualsPath)
    {
        var actualById = actuals.ToDictionary(a => a.Site.SiteId, StringComparer.Ordinal);
        var planIds = plans.Select(p => p.Site.SiteId).ToHashSet(StringComparer.Ordinal);
        var problems = plans.Where(p => !actualById.ContainsKey(p.Site.SiteId))
            .Select(p => new InputProblem(planPath, p.Site.Origin?.Line, null, "site_id", p.Site.SiteId, new LocalizedText(
                $"계획에 있는 사업장 {p.Site.SiteId}의 실적이 {actualsPath}에 없습니다", $"site {p.Site.SiteId} is in the plan but has no actuals in {actualsPath}")))
            .Concat(actuals.Where(a => !planIds.Contains(a.Site.SiteId))
                .Select(a => new InputProblem(actualsPath, a.Site.Origin?.Line, null, "site_id", a.Site.SiteId, new LocalizedText(
                    $"실적에 있는 사업장 {a.Site.SiteId}의 계획이 {planPath}에 없습니다", $"site {a.Site.SiteId} has actuals but is not in the plan {planPath}"))))
            .ToList();
        if (problems.Count > 0)
        {
            throw new InputException(problems);
        }
        return plans.Select(p =>
        {
            var a = actualById[p.Site.SiteId];
            return new SettlementInput(p.Site, a.Site) { Disbursed = a.Disbursed, Interest = a.Interest, InterestExempt = a.Exempt };
        }).ToList();
    }
}

/// <summary>Renders a settlement in every format.</summary>
internal static class SettleRenderer
{
    public static void Render(SettlementReport report, RenderContext ctx, bool strict, bool explain)
    {
        var w = ctx.Writer;
        var markdown = ctx.Format == OutputFormat.Markdown;
        switch (ctx.Format)
        {
            case OutputFormat.Json:
                Json.WriteTo(ctx, j =>
                {
                    j.WriteStartObject();
                    j.Program(report.Rules, ctx);
                    j.WriteStartArray("sites");
                    foreach (var s in report.Sites)
                    {
                        j.WriteStartObject();
                        j.WriteString("siteId", s.SiteId);
                        WriteFigures(j, s.PlannedTotal, s.ActualTotal, s.PlannedNationalShare, s.Disbursed, s.ConfirmedNational, s.NationalReturn, s.InterestReturn, s.TotalReturn);
                        j.WriteString("confirmedBy", s.ConfirmedBy);
                        j.WriteBoolean("interestExempt", s.InterestExempt);
                        j.WriteStartArray("sources");
                        foreach (var src in s.Sources)
                        {
                            j.WriteStartObject();
                            j.WriteString("source", FundingSources.Name(src.Source));
                            j.WriteString("kind", FundingSources.Name(src.Kind));
                            j.Won("planned", src.Planned);
                            j.Won("spent", src.Spent);
                            j.Won("confirmed", src.Confirmed);
                            j.Won("unspent", src.Unspent);
                            j.WriteEndObject();
                        }
                        j.WriteEndArray();
                        j.WriteStartArray("findings");
                        foreach (var f in s.Findings)
                        {
                            j.Finding(f, ctx);
                        }
                        j.WriteEndArray();
                        if (explain)
                        {
                            j.WriteStartArray("derivations");
                            foreach (var d in s.Derivations)
                            {
                                j.Derivation(d, ctx);
                            }
                            j.WriteEndArray();
                        }
                        j.WriteEndObject();
                    }
                    j.WriteEndArray();
                    var t = report.Totals;
                    j.WriteStartObject("totals");
                    j.WriteNumber("sites", t.Sites);
                    WriteFigures(j, t.PlannedTotal, t.ActualTotal, t.PlannedNationalShare, t.Disbursed, t.ConfirmedNational, t.NationalReturn, t.InterestReturn, t.TotalReturn);
                    j.WriteEndObject();
                    j.WriteStartArray("programFindings");
                    foreach (var f in report.ProgramFindings)
                    {
                        j.Finding(f, ctx);
                    }
                    j.WriteEndArray();
                    var summary = report.Summary;
                    j.WriteStartObject("summary");
                    j.WriteNumber("sites", summary.Sites);
                    j.WriteNumber("errors", summary.Errors);
                    j.WriteNumber("warnings", summary.Warnings);
                    j.WriteString("result", summary.PlanPasses(strict) ? "pass" : "fail");
                    j.WriteEndObject();
                    j.WriteEndObject();
                });
                return;
            case OutputFormat.Html:
                HtmlSettleReport.Render(report, ctx, strict);
                return;
            case OutputFormat.Csv:
                w.Line("site_id,planned_total,actual_total,planned_national_share_percent,disbursed,confirmed_national,national_return,interest_return,total_return,source,kind,planned,spent,confirmed,unspent");
                foreach (var s in report.Sites)
                {
                    foreach (var src in s.Sources)
                    {
                        w.Line(string.Join(",", Cells.Csv(s.SiteId), R(s.PlannedTotal), R(s.ActualTotal), s.PlannedNationalShare?.ToPercent(2).ToString(CultureInfo.InvariantCulture) ?? "",
                            R(s.Disbursed), R(s.ConfirmedNational), R(s.NationalReturn), R(s.InterestReturn), R(s.TotalReturn),
                            FundingSources.Name(src.Source), FundingSources.Name(src.Kind), R(src.Planned), R(src.Spent), R(src.Confirmed), R(src.Unspent)));
                    }
                }
                return;
        }
        w.Line($"{(markdown ? "### " : "")}{ctx.T("정산", "Settlement")}: {report.Rules.ProgramId} ({ctx.T("버전", "version")} {report.Rules.Version}) — {report.Rules.Title.In(ctx.Language)}");
        w.Line();
        TextTable.Write(w, markdown,
        [
            (ctx.T("코드", "Site"), false), (ctx.T("계획 총사업비", "Planned total"), true), (ctx.T("실제 총사업비", "Actual total"), true),
            (ctx.T("계획 국비비율", "Planned share"), true), (ctx.T("교부액", "Disbursed"), true), (ctx.T("국비 확정액", "Confirmed national"), true),
            (ctx.T("국비 반환", "National return"), true), (ctx.T("이자 반환", "Interest return"), true), (ctx.T("반환 총액", "Total return"), true),
            (ctx.T("결정 요인", "Set by"), false),
        ], report.Sites.Select(s => new[]
        {
            s.SiteId, s.PlannedTotal.ToString(), s.ActualTotal.ToString(), s.PlannedNationalShare?.ToPercentString() ?? "-", s.Disbursed.ToString(),
            s.ConfirmedNational.ToString(), s.NationalReturn.ToString(), s.InterestReturn.ToString(), s.TotalReturn.ToString(), s.ConfirmedBy,
        }));
        var t = report.Totals;
        w.Line();
        if (!explain)
        {
            w.Line(ctx.T(
            $"합계: 계획 {t.PlannedTotal}, 실제 {t.ActualTotal}, 교부 {t.Disbursed}, 국비 확정 {t.ConfirmedNational}, 국비 반환 {t.NationalReturn}, 이자 반환 {t.InterestReturn}, 반환 총액 {t.TotalReturn}",
            $"Totals: planned {t.PlannedTotal}, actual {t.ActualTotal}, disbursed {t.Disbursed}, confirmed national {t.ConfirmedNational}, national return {t.NationalReturn}, interest return {t.InterestReturn}, total return {t.TotalReturn}"));
        }
        foreach (var s in report.Sites)
        {
            w.Line();
            w.Line($"{(markdown ? "#### " : "")}{s.SiteId}{(s.Plan.Origin is { } o ? $" ({o})" : "")}");
            if (!markdown)
            {
                w.Line();
            }
            TextTable.Write(w, markdown,
            [
                (ctx.T("재원", "Source"), false), (ctx.T("계획", "Planned"), true), (ctx.T("집행", "Spent"), true), (ctx.T("확정", "Confirmed"), true),
                (ctx.T("미집행(계획-확정)", "Unspent (planned - confirmed)"), true),
            ], s.Sources.Select(src => new[]
            {
                ctx.Korean ? $"{FundingSources.KoreanName(src.Source)}{(src.Kind == FundingKind.InKind ? "(현물)" : "")}" : $"{FundingSources.Name(src.Source)}{(src.Kind == FundingKind.InKind ? " (in kind)" : "")}",
                src.Planned.ToString(), src.Spent.ToString(), src.Confirmed.ToString(), src.Unspent.ToString(),
            }));
            if (s.Sources.Any(src => src.Unspent.IsNegative))
            {
                w.Line(ctx.T("미집행액이 음수인 재원은 계획보다 더 부담합니다.", "A negative unspent amount: that source pays more than it planned."));
            }
            foreach (var f in s.Findings)
            {
                w.Line($"{(markdown ? "- " : "  ")}{CheckRenderer.Severity(f, ctx)} {f.Code}: {f.Message.In(ctx.Language)}");
            }
            if (explain)
            {
                w.Line();
                foreach (var d in s.Derivations)
                {
                    w.Write(d.ToText(ctx.Language));
                }
            }
        }
        foreach (var f in report.ProgramFindings)
        {
            w.Line($"{CheckRenderer.Severity(f, ctx)} {f.Code}: {f.Message.In(ctx.Language)}");
        }
        w.Line();
        w.Line(CheckRenderer.SummaryLine(report.Summary, ctx, strict));
    }

    private static void WriteFigures(System.Text.Json.Utf8JsonWriter j, Won plannedTotal, Won actualTotal, Share? share, Won disbursed, Won confirmed, Won nationalReturn, Won interestReturn, Won totalReturn)
    {
        j.Won("plannedTotal", plannedTotal);
        j.Won("actualTotal", actualTotal);
        if (share is { } r)
        {
            j.WriteString("plannedNationalShare", r.ToPercentString(6));
        }
        else
        {
            j.WriteNull("plannedNationalShare");
        }
        j.Won("disbursed", disbursed);
        j.Won("confirmedNational", confirmed);
        j.Won("nationalReturn", nationalReturn);
        j.Won("interestReturn", interestReturn);
        j.Won("totalReturn", totalReturn);
    }

    private static string R(Won amount) => amount.ToString("R", null);
}
