using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FundingMatch.Allocation;
using FundingMatch.Cli.Input;
using FundingMatch.Cli.Output;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Scenarios;
using FundingMatch.Text;

namespace FundingMatch.Cli.Commands;

/// <summary><c>fundingmatch scenarios &lt;budgets.csv&gt; --vary NAME=FROM..TO:STEP</c>: what-if sweeps.</summary>
internal static class ScenariosCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("scenarios",
            "What if the cap, the match or the envelope were different? Evaluate named scenarios or a grid of them over the budgets " +
            "(parsed once, on all cores): each site's status and award, and the difference from the program's own rules.\n" +
            "Parameters: any constraint of the program by its key (fundingmatch rules show lists them), method and award-unit.\n" +
            "Exit codes: 0 evaluated; 2 the input or the command line is wrong; 130 cancelled.");
        var files = CheckCommand.Files();
        command.Add(files);
        var vary = new Option<string[]>("--vary")
        {
            Description = "A parameter's range, NAME=FROM..TO:STEP (per-site-cap=20억..30억:5억, national-share-max=40%..60%:10%) or NAME=VALUE; repeat for a grid",
            HelpName = "NAME=FROM..TO:STEP",
            AllowMultipleArgumentsPerToken = false,
        };
        var file = new Option<FileInfo?>("--scenarios") { Description = "Named scenarios from a JSON file", HelpName = "file.json" };
        var method = new Option<string>("--method") { Description = "Allocation method of a scenario that sets none: equal, proportional, ranked", DefaultValueFactory = _ => "equal" };
        method.AcceptOnlyFromAmong("equal", "proportional", "ranked");
        command.Add(vary);
        command.Add(file);
        command.Add(method);
        var options = new BudgetCommandOptions(common, command, ["table", "json", "csv", "markdown", "html"], strict: false);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandSupport.Execute(parse, options, run =>
        {
            var rules = run.ResolveRules();
            var scenarios = new List<Scenario>();
            if (parse.GetValue(file) is { } scenarioFile)
            {
                if (!scenarioFile.Exists)
                {
                    throw new InputException(new InputProblem(scenarioFile.ToString(), null, null, null, null, new LocalizedText("시나리오 파일이 없습니다", "scenario file not found")));
                }
                scenarios.AddRange(ScenarioFile.Parse(File.ReadAllBytes(scenarioFile.FullName), scenarioFile.ToString(), rules));
            }
            var ranges = new List<ParameterRange>();
            foreach (var spec in parse.GetValue(vary) ?? [])
            {
                try
                {
                    ranges.Add(ScenarioGrid.ParseRange(spec, rules));
                }
                catch (FormatException e)
                {
                    throw new InputException(new InputProblem("--vary", null, null, null, spec, new LocalizedText(e.Message, e.Message)));
                }
            }
            if (ranges.Count > 0)
            {
                try
                {
                    scenarios.AddRange(ScenarioGrid.Expand(ranges, rules));
                }
                catch (ArgumentException e)
                {
                    throw new InputException(new InputProblem("--vary", null, null, null, null, new LocalizedText(e.Message, e.Message)));
                }
            }
            if (scenarios.Count == 0)
            {
                throw new InputException(new InputProblem("scenarios", null, null, null, null, new LocalizedText(
                    "시나리오가 없습니다: --vary NAME=FROM..TO:STEP 또는 --scenarios file.json을 주십시오",
                    "no scenarios: give --vary NAME=FROM..TO:STEP or --scenarios file.json")));
            }
            var sites = run.ReadSites(parse.GetValue(files)!, parse.InvocationConfiguration.Error, out var stated);
            run.WarnStatedTotals(stated, parse.InvocationConfiguration.Error);
            var chosen = AllocationNames.TryParseMethod(parse.GetValue(method) ?? "equal", out var m) ? m : AllocationMethod.Equal;
            using var progress = new ProgressLine(parse.InvocationConfiguration.Error, scenarios.Count, common.Environment);
            var sweep = ScenarioRunner.Run(rules, sites, scenarios, chosen, progress: progress, cancellationToken: cancellationToken);
            progress.Dispose();
            Render(sweep, run.Render);
            return ExitCodes.Pass;
        })));
        return command;
    }

    private static string Status(bool passed, RenderContext ctx) => passed ? ctx.T("통과", "pass") : ctx.T("위반", "FAIL");

    private static string Signed(Won amount) => amount.Value > 0 ? "+" + amount : amount.ToString();

    private static void Render(SweepResult sweep, RenderContext ctx)
    {
        var w = ctx.Writer;
        var b = sweep.Base;
        switch (ctx.Format)
        {
            case OutputFormat.Json:
                Json.WriteTo(ctx, j =>
                {
                    j.WriteStartObject();
                    j.Program(b.Rules, ctx);
                    j.WriteStartObject("base");
                    WriteResult(j, b, null);
                    j.WriteEndObject();
                    j.WriteStartArray("scenarios");
                    foreach (var s in sweep.Scenarios)
                    {
                        j.WriteStartObject();
                        WriteResult(j, s, b);
                        j.WriteEndObject();
                    }
                    j.WriteEndArray();
                    j.WriteEndObject();
                });
                return;
            case OutputFormat.Html:
                HtmlScenariosReport.Render(sweep, ctx);
                return;
            case OutputFormat.Csv:
                w.Line("scenario,method,site_id,passed,codes,max_national,award,base_passed,base_award,award_delta");
                foreach (var s in sweep.Scenarios)
                {
                    for (var i = 0; i < s.SiteCount; i++)
                    {
                        var o = s.Site(i);
                        var change = s.ChangeAt(i, b);
                        w.Line(string.Join(",", Cells.Csv(s.Scenario.Name), AllocationNames.Name(s.Method), Cells.Csv(o.SiteId), o.Passed ? "true" : "false",
                            Cells.Csv(string.Join(";", o.Codes)), o.MaxNational?.ToString("R", null) ?? "", o.Award.ToString("R", null),
                            change.PassedBefore ? "true" : "false", change.AwardBefore.ToString("R", null), change.AwardDelta.ToString("R", null)));
                    }
                }
                return;
        }
        var markdown = ctx.Format == OutputFormat.Markdown;
        w.Line(ctx.T(
            $"{(markdown ? "### " : "")}사업: {b.Rules.ProgramId} ({b.Rules.Version}) — 시나리오 {sweep.Scenarios.Count}개, 사업장 {b.SiteCount}곳",
            $"{(markdown ? "### " : "")}Program: {b.Rules.ProgramId} ({b.Rules.Version}) — {sweep.Scenarios.Count} scenarios over {b.SiteCount} sites"));
        w.Line(ctx.T(
            $"기준(규칙 그대로): 통과 {b.Passing}, 위반 {b.Failing}; 국비 신청 {b.NationalRequested}, 허용 {b.NationalAllowed}; 배분 {b.Allocated} / {b.Envelope} ({AllocationNames.Name(b.Method)})",
            $"Base (the program's rules): passing {b.Passing}, failing {b.Failing}; national requested {b.NationalRequested}, allowed {b.NationalAllowed}; allocated {b.Allocated} of {b.Envelope} ({AllocationNames.Name(b.Method)})"));
        w.Line();
        var headers = new (string, bool)[]
        {
            ("#", true), (ctx.T("시나리오", "Scenario"), false), (ctx.T("통과", "Passing"), true), (ctx.T("위반", "Failing"), true),
            (ctx.T("국비 허용", "Allowed"), true), (ctx.T("국비 총액", "Envelope"), true), (ctx.T("배분", "Allocated"), true), (ctx.T("바뀐 사업장", "Changed sites"), true),
        };
        var summary = sweep.Scenarios.Select((s, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture), s.Scenario.Name, s.Passing.ToString(CultureInfo.InvariantCulture), s.Failing.ToString(CultureInfo.InvariantCulture),
            s.NationalAllowed.ToString(), s.Envelope.ToString(), s.Allocated.ToString(), s.ChangesFrom(b).Count.ToString(CultureInfo.InvariantCulture),
        }).ToList();
        TextTable.Write(w, markdown, headers, summary);
        for (var k = 0; k < sweep.Scenarios.Count; k++)
        {
            var s = sweep.Scenarios[k];
            w.Line();
            var programCodes = s.ProgramCodes.Count == 0 ? "" : ctx.T($"; 사업 전체: {string.Join(", ", s.ProgramCodes)}", $"; program: {string.Join(", ", s.ProgramCodes)}");
            w.Line(ctx.T(
                $"{(markdown ? "#### " : "")}시나리오 {k + 1}: {s.Scenario.Name} — 통과 {s.Passing}, 위반 {s.Failing}{programCodes}; 배분 {s.Allocated} ({AllocationNames.Name(s.Method)})",
                $"{(markdown ? "#### " : "")}Scenario {k + 1}: {s.Scenario.Name} — passing {s.Passing}, failing {s.Failing}{programCodes}; allocated {s.Allocated} ({AllocationNames.Name(s.Method)})"));
            if (!markdown)
            {
                w.Line();
            }
            var siteHeaders = new (string, bool)[]
            {
                (ctx.T("코드", "Site"), false), (ctx.T("결과", "Status"), false), (ctx.T("기준 대비", "vs base"), false), (ctx.T("국비한도", "Max national"), true),
                (ctx.T("배분액", "Award"), true), (ctx.T("배분 변동", "Award change"), true), (ctx.T("지적 사항", "Findings"), false),
            };
            var rows = new List<string[]>();
            for (var i = 0; i < s.SiteCount; i++)
            {
                var o = s.Site(i);
                var change = s.ChangeAt(i, b);
                rows.Add(
                [
                    o.SiteId, Status(o.Passed, ctx),
                    change.StatusChanged ? $"{Status(change.PassedBefore, ctx)} → {Status(change.PassedAfter, ctx)}" : "=",
                    o.MaxNational?.ToString() ?? "-", o.Award.ToString(), Signed(change.AwardDelta), string.Join(", ", o.Codes),
                ]);
            }
            TextTable.Write(w, markdown, siteHeaders, rows);
        }
    }

    private static void WriteResult(System.Text.Json.Utf8JsonWriter j, ScenarioResult s, ScenarioResult? baseline)
    {
        j.WriteString("name", s.Scenario.Name);
        if (baseline is not null)
        {
            j.WriteStartObject("parameters");
            foreach (var change in s.Scenario.Changes)
            {
                // The value as the changed constraint writes it, so 30억 and 3,000,000,000 read the same; amounts are integer won.
                var constraint = s.Rules.Find(change.Key)!;
                if (constraint.ValueKind == Rules.Constraints.ConstraintValueKind.Amount)
                {
                    j.Won(change.Key, Won.Parse(constraint.ValueText));
                }
                else
                {
                    j.WriteString(change.Key, constraint.ValueText);
                }
            }
            if (s.Scenario.Method is { } m) { j.WriteString("method", AllocationNames.Name(m)); }
            if (s.Scenario.AwardUnit is { } unit) { j.Won("award-unit", unit); }
            j.WriteEndObject();
        }
        j.WriteString("method", AllocationNames.Name(s.Method));
        j.WriteNumber("passing", s.Passing);
        j.WriteNumber("failing", s.Failing);
        j.WriteStartArray("programFindings");
        foreach (var code in s.ProgramCodes)
        {
            j.WriteStringValue(code);
        }
        j.WriteEndArray();
        j.Won("nationalRequested", s.NationalRequested);
        j.Won("nationalAllowed", s.NationalAllowed);
        j.Won("envelope", s.Envelope);
        j.Won("allocated", s.Allocated);
        j.WriteStartArray("sites");
        for (var i = 0; i < s.SiteCount; i++)
        {
            var o = s.Site(i);
            j.WriteStartObject();
            j.WriteString("siteId", o.SiteId);
            j.WriteBoolean("passed", o.Passed);
            j.WriteStartArray("codes");
            foreach (var code in o.Codes)
            {
                j.WriteStringValue(code);
            }
            j.WriteEndArray();
            j.WonOrNull("maxNational", o.MaxNational);
            j.Won("award", o.Award);
            if (baseline is not null)
            {
                var change = s.ChangeAt(i, baseline);
                j.WriteBoolean("statusChanged", change.StatusChanged);
                j.Won("awardDelta", change.AwardDelta);
            }
            j.WriteEndObject();
        }
        j.WriteEndArray();
    }
}

/// <summary>
/// A progress line on standard error, shown only when it is a terminal, CI is not set, and the run has taken more than
/// a second: redirected output and CI logs stay clean.
/// </summary>
internal sealed class ProgressLine(TextWriter error, int total, CliEnvironment env) : IProgress<int>, IDisposable
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _enabled = env.ErrorIsTerminal && !env.IsCi;
    private readonly Lock _gate = new();
    private bool _shown;
    private long _lastDrawn;

    public void Report(int done)
    {
        if (!_enabled || _clock.ElapsedMilliseconds < 1000)
        {
            return;
        }
        lock (_gate)
        {
            if (_clock.ElapsedMilliseconds - _lastDrawn < 100 && done < total)
            {
                return;
            }
            _lastDrawn = _clock.ElapsedMilliseconds;
            var width = 30;
            var filled = (int)((long)done * width / Math.Max(1, total));
            error.Write($"\rscenarios [{new string('#', filled)}{new string('.', width - filled)}] {done}/{total}");
            _shown = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_shown)
            {
                error.Write("\r" + new string(' ', 60) + "\r");
                _shown = false;
            }
        }
    }
}
