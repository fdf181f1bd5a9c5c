using System.CommandLine;
using FundingMatch.Cli.Input;
using FundingMatch.Cli.Output;
using FundingMatch.Figures;
using FundingMatch.Text;
using FundingMatch.Validation;

namespace FundingMatch.Cli.Commands;

/// <summary><c>fundingmatch explain &lt;budgets.csv&gt; [--site ID]</c>: the derivation of every figure.</summary>
internal static class ExplainCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("explain",
            "The derivation of every figure (formula, inputs, rule, citation, rounding) for one site or all, and of the program totals.\n" +
            "Exit codes: 0 explained; 2 the input or the command line is wrong (or no such site).");
        var files = CheckCommand.Files();
        command.Add(files);
        var site = new Option<string?>("--site") { Description = "Explain only this site id", HelpName = "ID" };
        command.Add(site);
        var options = new BudgetCommandOptions(common, command, ["table", "json", "markdown"], strict: false);
        command.SetAction(parse => CommandSupport.Execute(parse, options, run =>
        {
            var rules = run.ResolveRules();
            var report = BudgetCheck.Run(rules, run.ReadSites(parse.GetValue(files)!, parse.InvocationConfiguration.Error, out var stated));
            run.WarnStatedTotals(stated, parse.InvocationConfiguration.Error);
            var only = parse.GetValue(site);
            var sites = report.Sites.Where(s => only is null || s.Site.SiteId == only).ToList();
            if (only is not null && sites.Count == 0)
            {
                throw new InputException(new InputProblem("--site", null, null, null, only, new LocalizedText(
                    $"사업장 '{only}'이(가) 없습니다. 있는 사업장: {string.Join(", ", report.Sites.Select(s => s.Site.SiteId))}",
                    $"there is no site '{only}'; the sites are {string.Join(", ", report.Sites.Select(s => s.Site.SiteId))}")));
            }
            var ctx = run.Render;
            var w = ctx.Writer;
            if (ctx.Format == OutputFormat.Json)
            {
                Json.WriteTo(ctx, j =>
                {
                    j.WriteStartObject();
                    j.Program(rules, ctx);
                    j.WriteStartArray("sites");
                    foreach (var s in sites)
                    {
                        j.WriteStartObject();
                        j.WriteString("siteId", s.Site.SiteId);
                        j.WriteStartArray("figures");
                        foreach (var d in SiteFigures.Explain(rules, s.Site))
                        {
                            j.Derivation(d, ctx);
                        }
                        j.WriteEndArray();
                        j.WriteEndObject();
                    }
                    j.WriteEndArray();
                    if (only is null)
                    {
                        // Not "program": that key is the program's name and version, written first.
                        j.WriteStartArray("programFigures");
                        foreach (var d in report.Totals.Explain(rules))
                        {
                            j.Derivation(d, ctx);
                        }
                        j.WriteEndArray();
                    }
                    j.WriteEndObject();
                });
                return ExitCodes.Pass;
            }
            var markdown = ctx.Format == OutputFormat.Markdown;
            foreach (var s in sites)
            {
                var title = $"{s.Site.SiteId}{(s.Site.Name.Length > 0 ? $" — {s.Site.Name}" : "")}{(s.Site.Origin is { } o ? $" ({o})" : "")}";
                w.Line(markdown ? $"#### {Cells.Markdown(title)}" : title);
                if (markdown)
                {
                    w.Line("```");
                }
                foreach (var d in SiteFigures.Explain(rules, s.Site))
                {
                    w.Write(Indent(d.ToText(ctx.Language)));
                }
                if (markdown)
                {
                    w.Line("```");
                }
                w.Line();
            }
            if (only is null)
            {
                w.Line(markdown ? $"#### {ctx.T("사업 전체", "Program")}" : ctx.T("사업 전체", "Program"));
                if (markdown)
                {
                    w.Line("```");
                }
                foreach (var d in report.Totals.Explain(rules))
                {
                    w.Write(Indent(d.ToText(ctx.Language)));
                }
                if (markdown)
                {
                    w.Line("```");
                }
            }
            return ExitCodes.Pass;
        }));
        return command;
    }

    private static string Indent(string text) =>
        string.Concat(text.Split('\n').Where(l => l.Length > 0).Select(l => "  " + l + "\n"));
}
