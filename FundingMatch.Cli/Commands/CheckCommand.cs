using System.CommandLine;
using FundingMatch.Cli.Input;
using FundingMatch.Cli.Output;
using FundingMatch.Validation;

namespace FundingMatch.Cli.Commands;

/// <summary><c>fundingmatch check &lt;budgets.csv&gt;...</c>: validate each site and the program.</summary>
internal static class CheckCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("check",
            "Validate each site and the program against the rules: per-site figures and findings, program totals and a summary line.\n" + ExitCodes.Help);
        var files = Files();
        command.Add(files);
        var options = new BudgetCommandOptions(common, command);
        command.SetAction(parse => CommandSupport.Execute(parse, options, run =>
        {
            var rules = run.ResolveRules();
            var paths = parse.GetValue(files)!;
            // Two passes, so that a file of any size runs in bounded memory: the first checks the input and notes
            // the ids (nothing is judged if a row is bad), the second judges each site and writes it out.
            var duplicates = run.ValidateInput(paths, parse.InvocationConfiguration.Error, out var fiscalYears);
            var writer = CheckRenderer.CreateWriter(run.Render, run.AsOf, run.Strict);
            if (fiscalYears)
            {
                // One row a site a year: a site's rows are combined before it is judged, so they are held in memory.
                var sites = run.ReadSites(paths, parse.InvocationConfiguration.Error, out var stated);
                var report = BudgetCheck.Run(rules, sites, stated);
                CheckRenderer.Render(report, writer);
                return report.Summary.PlanPasses(run.Strict) ? ExitCodes.Pass : ExitCodes.RuleBroken;
            }
            var check = new BudgetCheck(rules, trackDuplicates: false);
            writer.Begin(rules);
            var tally = new CheckTally();
            var log = new ProblemLog();
            // Each site is read, judged and counted in the program, in file order, on a thread of its own, while this
            // one writes the sites before it (the first pass found every row good, so reading cannot fail half-way for
            // the input). The program is completed here only after that thread has ended.
            var judged = run.Rows(paths, log).Select(row =>
            {
                if (row.Kind != RowKind.Site)
                {
                    check.AddStatedTotals(row.Site, row.Kind == RowKind.Subtotal);
                    return null;
                }
                var assessment = check.Add(check.Assess(row.Site));
                if (duplicates.OtherPlaces(row.Site.SiteId, row.Site.Origin) is { } others)
                {
                    assessment = BudgetCheck.WithFinding(assessment, BudgetCheck.DuplicateFinding(row.Site, others.Select(o => o?.ToString() ?? "?").ToList()));
                }
                return assessment;
            }).OfType<SiteAssessment>();
            foreach (var assessment in ReadAhead.Of(judged))
            {
                tally.Add(assessment);
                writer.Site(assessment);
            }
            var completion = check.Complete();
            tally.AddProgramFindings(completion.ProgramFindings);
            var summary = tally.Summary;
            writer.End(completion.ProgramFindings, completion.Totals, summary, completion.StatedTotals);
            return summary.PlanPasses(run.Strict) ? ExitCodes.Pass : ExitCodes.RuleBroken;
        }));
        return command;
    }

    public static Argument<string[]> Files()
    {
        var files = new Argument<string[]>("budgets.csv")
        {
            Description = "Budget CSV files (English or Korean headers, UTF-8 or CP949); their sites form one program",
            Arity = ArgumentArity.OneOrMore,
        };
        // An unknown --option would otherwise be taken for a file name.
        files.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        return files;
    }
}
