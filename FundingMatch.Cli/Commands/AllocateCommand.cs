using System.CommandLine;
using System.Globalization;
using FundingMatch.Allocation;
using FundingMatch.Cli.Input;
using FundingMatch.Cli.Output;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Text;

namespace FundingMatch.Cli.Commands;

/// <summary><c>fundingmatch allocate &lt;applicants.csv&gt; --envelope &lt;amount&gt;</c>: split an envelope among applicants.</summary>
internal static class AllocateCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("allocate",
            "Split a national envelope among applicant sites, exactly to the won: every award a multiple of the award unit, " +
            "never above what the rules allow a site, adding up to what is handed out.\n" +
            "Applicant CSV: the budget columns of check, plus optional requested (신청액, 요청액) and score (점수, 평가점수).\n" +
            "Exit codes: 0 allocated; 2 the input or the command line is wrong.");
        var file = new Argument<string>("applicants.csv") { Description = "The applicants: a budget CSV with optional requested and score columns" };
        command.Add(file);
        var envelope = new Option<string?>("--envelope") { Description = "The envelope to split, in any amount form (75억, 7,500,000,000); default: the program's envelope", HelpName = "amount" };
        var method = new Option<string>("--method") { Description = "equal (max-min fair), proportional (to entitlements) or ranked (by score)", DefaultValueFactory = _ => "equal" };
        method.AcceptOnlyFromAmong("equal", "proportional", "ranked");
        var partial = new Option<string>("--partial") { Description = "ranked: award the first site that does not fit what is left, or skip it and fund the next that fits", DefaultValueFactory = _ => "award" };
        partial.AcceptOnlyFromAmong("award", "skip");
        var awardUnit = new Option<string?>("--award-unit") { Description = "Awards are multiples of this amount; default: the program's rounding unit", HelpName = "amount" };
        command.Add(envelope);
        command.Add(method);
        command.Add(partial);
        command.Add(awardUnit);
        var options = new BudgetCommandOptions(common, command, ["table", "json", "csv", "markdown", "html"], strict: false);
        command.SetAction(parse => CommandSupport.Execute(parse, options, run =>
        {
            var rules = run.ResolveRules();
            var allRows = run.ReadBudgets([parse.GetValue(file)!], parse.InvocationConfiguration.Error, applicantColumns: true);
            // A totals row (합계) is never an applicant: it is checked against the rows above it.
            run.WarnStatedTotals(CommandRun.StatedTotalsOf(allRows), parse.InvocationConfiguration.Error);
            var rows = allRows.Where(r => r.Kind == RowKind.Site).ToList();
            var chosen = AllocationNames.TryParseMethod(parse.GetValue(method) ?? "equal", out var m) ? m : AllocationMethod.Equal;
            var allocationOptions = new AllocationOptions
            {
                Method = chosen,
                Envelope = Amount(parse.GetValue(envelope), "--envelope") ?? rules.NationalEnvelope?.Amount
                    ?? throw new InputException(new InputProblem("--envelope", null, null, null, null, new LocalizedText(
                        $"사업 {rules.ProgramId}에 국비 총액이 없으니 --envelope를 주십시오", $"program {rules.ProgramId} sets no envelope: give --envelope"))),
                AwardUnit = Amount(parse.GetValue(awardUnit), "--award-unit"),
                Partial = parse.GetValue(partial) == "skip" ? PartialAward.Skip : PartialAward.Award,
            };
            if (allocationOptions.AwardUnit is { Value: < 1 })
            {
                throw new InputException(new InputProblem("--award-unit", null, null, null, allocationOptions.AwardUnit.ToString(),
                    new LocalizedText("배분 단위는 1원 이상이어야 합니다", "the award unit is at least 1 won")));
            }
            var applicants = rows.Select(r => new Applicant(r.Site, r.Requested, r.Score)).ToList();
            if (Allocator.Problems(applicants) is { Count: > 0 } problems)
            {
                throw new InputException(problems.Select(p => new InputProblem(
                    applicants[p.Index].Site.Origin?.Source ?? "", applicants[p.Index].Site.Origin?.Line, null, "site_id", p.SiteId, p.Message)).ToList());
            }
            var result = Allocator.Allocate(rules, applicants, allocationOptions);
            foreach (var warning in result.Warnings)
            {
                parse.InvocationConfiguration.Error.Write(run.Render.T($"경고: {warning.Korean}\n", $"warning: {warning.English}\n"));
            }
            Render(result, rules, run.Render);
            return ExitCodes.Pass;
        }));
        return command;
    }

    private static Won? Amount(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }
        if (!Won.TryParse(text.AsSpan(), AmountUnit.Won, out var amount, out var error))
        {
            throw new InputException(new InputProblem(option, null, null, null, text,
                new LocalizedText(AmountParseErrors.DescribeKorean(error, text), AmountParseErrors.Describe(error, text))));
        }
        if (amount.IsNegative)
        {
            throw new InputException(new InputProblem(option, null, null, null, text, new LocalizedText("음수일 수 없습니다", "must not be negative")));
        }
        return amount;
    }

    private static void Render(AllocationResult result, ProgramRules rules, RenderContext ctx)
    {
        var w = ctx.Writer;
        var method = AllocationNames.Name(result.Method) + (result.Method == AllocationMethod.Ranked ? $" (partial: {AllocationNames.Name(result.Partial)})" : "");
        switch (ctx.Format)
        {
            case OutputFormat.Json:
                Json.WriteTo(ctx, j =>
                {
                    j.WriteStartObject();
                    j.Program(rules, ctx);
                    j.WriteString("method", AllocationNames.Name(result.Method));
                    if (result.Method == AllocationMethod.Ranked)
                    {
                        j.WriteString("partial", AllocationNames.Name(result.Partial));
                    }
                    j.Won("envelope", result.Envelope);
                    j.Won("awardUnit", result.AwardUnit);
                    j.Won("allocated", result.Allocated);
                    j.Won("leftOver", result.LeftOver);
                    j.WriteNumber("fundedInFull", result.FundedInFull);
                    j.WriteNumber("fundedInPart", result.FundedInPart);
                    j.WriteNumber("notFunded", result.NotFunded);
                    j.WriteStartArray("allocations");
                    foreach (var a in result.Allocations)
                    {
                        j.WriteStartObject();
                        if (a.Applicant.Site.Origin is { } o)
                        {
                            j.WriteNumber("line", o.Line);
                        }
                        j.WriteString("siteId", a.SiteId);
                        j.Won("entitlement", a.Entitlement);
                        j.Won("award", a.Award);
                        j.WriteString("bindingConstraint", a.BindingConstraint);
                        j.Won("shortfall", a.Shortfall);
                        j.WonOrNull("rulesLimit", a.RulesLimit);
                        if (a.Rank is { } rank)
                        {
                            j.WriteNumber("rank", rank);
                        }
                        j.WriteString("explanation", result.Explain(a, rules).ToText(ctx.Language).TrimEnd('\n'));
                        j.WriteEndObject();
                    }
                    j.WriteEndArray();
                    j.WriteEndObject();
                });
                return;
            case OutputFormat.Html:
                HtmlAllocateReport.Render(result, rules, ctx);
                return;
            case OutputFormat.Csv:
                w.Line("site_id,site_name,region,score,requested,entitlement,award,binding_constraint,shortfall,rules_limit,rank");
                foreach (var a in result.Allocations)
                {
                    var s = a.Applicant;
                    w.Line(string.Join(",", Cells.Csv(a.SiteId), Cells.Csv(s.Site.Name), Cells.Csv(s.Site.Region),
                        s.Score?.ToString(CultureInfo.InvariantCulture) ?? "", s.Requested?.ToString("R", null) ?? "",
                        a.Entitlement.ToString("R", null), a.Award.ToString("R", null), a.BindingConstraint,
                        a.Shortfall.ToString("R", null), a.RulesLimit?.ToString("R", null) ?? "", a.Rank?.ToString(CultureInfo.InvariantCulture) ?? ""));
                }
                return;
        }
        var markdown = ctx.Format == OutputFormat.Markdown;
        w.Line(ctx.T(
            $"{(markdown ? "### " : "")}사업: {rules.ProgramId} ({rules.Version}) — 배분 방식 {method}, 국비 총액 {result.Envelope} ({result.Envelope.ToString("K", null)}), 배분 단위 {result.AwardUnit}원",
            $"{(markdown ? "### " : "")}Program: {rules.ProgramId} ({rules.Version}) — method {method}, envelope {result.Envelope} ({result.Envelope.ToString("K", null)}), award unit {result.AwardUnit} won"));
        w.Line();
        var headers = new (string, bool)[]
        {
            (ctx.T("순위", "Rank"), true), (ctx.T("코드", "Site"), false), (ctx.T("지역", "Region"), false), (ctx.T("점수", "Score"), true),
            (ctx.T("신청액", "Requested"), true), (ctx.T("배분한도", "Entitlement"), true), (ctx.T("배분액", "Award"), true),
            (ctx.T("제약", "Binds"), false), (ctx.T("부족액", "Shortfall"), true), (ctx.T("국비 한도", "Rules limit"), true),
        };
        string[] Cells1(SiteAllocation a) =>
        [
            a.Rank?.ToString(CultureInfo.InvariantCulture) ?? "", a.SiteId, a.Applicant.Site.Region,
            a.Applicant.Score?.ToString(CultureInfo.InvariantCulture) ?? "", a.Applicant.Requested?.ToString() ?? "-",
            a.Entitlement.ToString(), a.Award.ToString(), a.BindingConstraint, a.Shortfall.ToString(), a.RulesLimit?.ToString() ?? "-",
        ];
        var ordered = result.Method == AllocationMethod.Ranked ? result.Allocations.OrderBy(a => a.Rank) : result.Allocations.AsEnumerable();
        TextTable.Write(w, markdown, headers, ordered.Select(Cells1));
        w.Line();
        w.Line(ctx.T(
            $"배분 {result.Allocated} / 배분한도 합계 {result.TotalEntitlement}; 잔액 {result.LeftOver}; 전액 {result.FundedInFull}곳, 일부 {result.FundedInPart}곳, 미배분 {result.NotFunded}곳",
            $"Allocated {result.Allocated} of entitlements {result.TotalEntitlement}; left over {result.LeftOver}; funded in full {result.FundedInFull}, in part {result.FundedInPart}, not at all {result.NotFunded}"));
        if (result.Method == AllocationMethod.Proportional)
        {
            w.Line(ctx.T("참고: 비례 배분(최대 잉여 방식)은 국비 총액이 늘 때 한 사업장의 배분액이 배분 단위 하나만큼 줄 수 있습니다 (앨라배마 역설).",
                "Note: proportional awards (largest remainder) can drop by one award unit when the envelope rises (the Alabama paradox)."));
        }
    }
}
