using System.CommandLine;
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
            var rows = run.ReadBudgets(parse.GetValue(files)!, parse.InvocationConfiguration.Error);
            var report = BudgetCheck.Run(rules, rows.Select(r => r.Site));
            CheckRenderer.Render(report, run.Render, run.AsOf, run.Strict);
            return report.Summary.PlanPasses(run.Strict) ? ExitCodes.Pass : ExitCodes.RuleBroken;
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
