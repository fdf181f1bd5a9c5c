using System.CommandLine;
using FundingMatch.Cli.Output;
using FundingMatch.Rules;
using FundingMatch.Text;
using NodaTime.Text;

namespace FundingMatch.Cli.Commands;

/// <summary><c>fundingmatch rules list</c> and <c>fundingmatch rules show &lt;id-or-file&gt;</c>.</summary>
internal static class RulesCommand
{
    public static Command Create(CommonOptions common)
    {
        var rules = new Command("rules", "The programs FundingMatch knows, and every constraint and parameter of one with its value, effective date and citation.");
        rules.Add(List(common));
        rules.Add(Show(common));
        return rules;
    }

    private static Command List(CommonOptions common)
    {
        var command = new Command("list", "List the embedded programs.");
        var options = new BudgetCommandOptions(common, command, ["table", "json", "markdown"], strict: false, budgets: false);
        command.SetAction(parse => CommandSupport.Execute(parse, options, run =>
        {
            var ctx = run.Render;
            var programs = ProgramCatalog.Embedded.Programs;
            if (ctx.Format == OutputFormat.Json)
            {
                Json.WriteTo(ctx, j =>
                {
                    j.WriteStartArray();
                    foreach (var p in programs)
                    {
                        j.WriteStartObject();
                        j.WriteString("id", p.Id);
                        j.WriteString("title", p.Title.In(ctx.Language));
                        j.WriteStartArray("versions");
                        foreach (var v in p.Versions)
                        {
                            j.WriteStringValue(v.Version);
                        }
                        j.WriteEndArray();
                        j.WriteString("effective", LocalDatePattern.Iso.Format(p.Latest.Effective));
                        j.WriteEndObject();
                    }
                    j.WriteEndArray();
                });
                return ExitCodes.Pass;
            }
            if (ctx.Format == OutputFormat.Markdown)
            {
                ctx.Writer.Line(ctx.T("| 사업 | 버전 | 시행일 | 이름 |", "| Program | Versions | Effective | Title |"));
                ctx.Writer.Line("|---|---|---|---|");
                foreach (var p in programs)
                {
                    ctx.Writer.Line($"| `{p.Id}` | {string.Join(", ", p.Versions.Select(v => v.Version))} | {LocalDatePattern.Iso.Format(p.Latest.Effective)} | {Cells.Markdown(p.Title.In(ctx.Language))} |");
                }
                return ExitCodes.Pass;
            }
            var table = new TextTable((ctx.T("사업", "Program"), false), (ctx.T("버전", "Versions"), false), (ctx.T("시행일", "Effective"), false), (ctx.T("이름", "Title"), false));
            foreach (var p in programs)
            {
                table.Add(p.Id, string.Join(", ", p.Versions.Select(v => v.Version)), LocalDatePattern.Iso.Format(p.Latest.Effective), p.Title.In(ctx.Language));
            }
            table.WriteTo(ctx.Writer);
            return ExitCodes.Pass;
        }));
        return command;
    }

    private static Command Show(CommonOptions common)
    {
        var command = new Command("show", "Show every constraint of a program version (key, rule, finding code, severity, value, effective date, citation and reading) and its program-wide parameters.\nExit codes: 0 shown; 2 no such program, a bad rules file, or a bad command line.");
        var id = new Argument<string>("id-or-file") { Description = "An embedded program id, or a rules file (.json)" };
        command.Add(id);
        var options = new BudgetCommandOptions(common, command, ["table", "json", "markdown"], strict: false, budgets: false);
        command.SetAction(parse => CommandSupport.Execute(parse, options, run =>
        {
            var ctx = run.Render;
            var program = CommandRun.LoadProgram(parse.GetValue(id)!);
            var version = run.VersionOf(program);
            var w = ctx.Writer;
            if (ctx.Format == OutputFormat.Json)
            {
                Json.WriteTo(ctx, j =>
                {
                    j.WriteStartObject();
                    j.Program(version, ctx);
                    j.WriteStartArray("versions");
                    foreach (var v in program.Versions)
                    {
                        j.WriteStringValue(v.Version);
                    }
                    j.WriteEndArray();
                    j.WriteStartArray("parameters");
                    foreach (var p in version.Parameters)
                    {
                        j.WriteStartObject();
                        j.WriteString("key", p.Key);
                        j.WriteString("name", p.Name.In(ctx.Language));
                        j.WriteString("value", p.Value);
                        j.WriteString("effective", LocalDatePattern.Iso.Format(p.Effective));
                        j.WriteString("document", p.Citation.Document);
                        j.WriteString("section", p.Citation.Section);
                        j.WriteEndObject();
                    }
                    j.WriteEndArray();
                    j.WriteStartArray("constraints");
                    foreach (var c in version.Constraints)
                    {
                        j.WriteStartObject();
                        j.WriteString("key", c.Key);
                        j.WriteString("kind", c.Kind);
                        j.WriteString("scope", c.Scope == Rules.Constraints.ConstraintScope.Site ? "site" : "program");
                        j.WriteString("rule", c.Describe().In(ctx.Language));
                        j.WriteString("code", c.Code);
                        j.WriteString("severity", c.Severity == Validation.Severity.Error ? "error" : "warning");
                        j.WriteString("value", c.ValueText);
                        j.WriteString("effective", LocalDatePattern.Iso.Format(c.Effective));
                        j.WriteString("document", c.Citation.Document);
                        j.WriteString("section", c.Citation.Section);
                        if (c.Header.Reading is { } reading)
                        {
                            j.WriteString("reading", reading);
                        }
                        j.WriteEndObject();
                    }
                    j.WriteEndArray();
                    j.WriteEndObject();
                });
                return ExitCodes.Pass;
            }
            w.Line($"{version.ProgramId} — {version.Title.In(ctx.Language)}");
            w.Line(ctx.T($"버전 {version.Version}, 시행일 {LocalDatePattern.Iso.Format(version.Effective)} (전체 버전: {string.Join(", ", program.Versions.Select(v => v.Version))})",
                $"Version {version.Version}, in force from {LocalDatePattern.Iso.Format(version.Effective)} (all versions: {string.Join(", ", program.Versions.Select(v => v.Version))})"));
            w.Line();
            if (ctx.Format == OutputFormat.Markdown)
            {
                w.Line(ctx.T("| 키 | 규칙 | 지적 코드 | 등급 | 시행일 | 근거 |", "| Key | Rule | Finding code | Severity | Effective | Citation |"));
                w.Line("|---|---|---|---|---|---|");
                foreach (var c in version.Constraints)
                {
                    var reading = c.Header.Reading is { } r ? $" — {ctx.T("해석", "reading")}: {r}" : "";
                    w.Line($"| `{c.Key}` | {Cells.Markdown(c.Describe().In(ctx.Language))} | `{c.Code}` | {Severity(c, ctx)} | {LocalDatePattern.Iso.Format(c.Effective)} | {Cells.Markdown(c.Citation.Section + reading)} |");
                }
                w.Line();
                w.Line(ctx.T("| 항목 | 키 | 값 | 시행일 | 근거 |", "| Parameter | Key | Value | Effective | Citation |"));
                w.Line("|---|---|---|---|---|");
                foreach (var p in version.Parameters)
                {
                    w.Line($"| {Cells.Markdown(p.Name.In(ctx.Language))} | `{p.Key}` | {Cells.Markdown(p.Value)} | {LocalDatePattern.Iso.Format(p.Effective)} | {Cells.Markdown(p.Citation.Section)} |");
                }
                return ExitCodes.Pass;
            }
            w.Line(ctx.T("제약 (순서대로):", "Constraints, in order:"));
            foreach (var c in version.Constraints)
            {
                w.Line($"  [{c.Key}] {c.Describe().In(ctx.Language)}  → {c.Code} ({Severity(c, ctx)}, {c.Kind})");
                w.Line($"      {ctx.T("시행일", "effective")} {LocalDatePattern.Iso.Format(c.Effective)}; {ctx.T("근거", "source")}: {c.Citation.Section}");
                w.Line($"      {c.Citation.Document}");
                if (c.Header.Reading is { } reading)
                {
                    w.Line($"      {ctx.T("해석", "reading")}: {reading}");
                }
            }
            w.Line();
            w.Line(ctx.T("사업 전체 항목:", "Program-wide parameters:"));
            foreach (var p in version.Parameters)
            {
                w.Line($"{p.Name.In(ctx.Language)} [{p.Key}] = {p.Value}");
                w.Line($"    {ctx.T("시행일", "effective")} {LocalDatePattern.Iso.Format(p.Effective)}; {ctx.T("근거", "source")}: {p.Citation.Section}");
                w.Line($"    {p.Citation.Document}");
            }
            return ExitCodes.Pass;
        }));
        return command;
    }

    private static string Severity(Rules.Constraints.Constraint c, RenderContext ctx) =>
        c.Severity == Validation.Severity.Error ? ctx.T("오류", "error") : ctx.T("경고", "warning");
}
