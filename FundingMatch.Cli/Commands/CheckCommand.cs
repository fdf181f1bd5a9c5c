using System.Collections.Concurrent;
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
            using var input = run.ValidateInput(paths, parse.InvocationConfiguration.Error);
            var duplicates = input.Duplicates;
            var writer = CheckRenderer.CreateWriter(run.Render, run.AsOf, run.Strict);
            if (input.FiscalYears)
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
            var json = writer as JsonCheckWriter;
            var spare = new ConcurrentBag<JudgedPart>();
            for (var index = 0; index < paths.Length; index++)
            {
                // The first pass found every row good, so reading cannot fail half-way for the input. A file it read in
                // parts is still open, its encoding, header and parts known.
                using var budget = input.Take(index) ?? run.OpenBudget(paths[index], log, run.PartBytes(BudgetCsvReader.DefaultPartBytes));
                if (budget is null)
                {
                    continue;
                }
                // A large plain file is read in parts on every core: each part's sites read, judged and, when they
                // pass, written as JSON there; this thread counts them in the program and writes them, in file order.
                // Any other file is read and judged on a thread of its own while this one counts and writes.
                var rows = budget.Parts is { } parts
                    ? InOrder.Map(parts, part => JudgedPart.Of(spare, budget, part, check, duplicates, json))
                    : ReadAhead.Of(JudgedPart.Batches(budget.Rows(log), check), batchSize: 1);
                foreach (var part in rows)
                {
                    // Sites whose JSON is ready, one after another in the part: written at once.
                    int runStart = -1, runEnd = -1, firstLength = 0;
                    foreach (var row in part.Rows)
                    {
                        if (row.Assessment is not { } judged)
                        {
                            check.AddStatedTotals(row.Totals!.Site, row.Totals.Kind == RowKind.Subtotal);
                            continue;
                        }
                        var assessment = check.Add(judged);
                        if (row.MayRepeat && duplicates.OtherPlaces(judged.Site.SiteId, judged.Site.Origin) is { } others)
                        {
                            assessment = BudgetCheck.WithFinding(assessment, BudgetCheck.DuplicateFinding(judged.Site, others.Select(o => o?.ToString() ?? "?").ToList()));
                        }
                        tally.Add(assessment);
                        if (row.JsonLength > 0 && ReferenceEquals(assessment, judged))
                        {
                            if (runStart < 0)
                            {
                                runStart = row.JsonStart;
                                firstLength = row.JsonLength;
                            }
                            runEnd = row.JsonStart + row.JsonLength;
                            continue;
                        }
                        if (runStart >= 0)
                        {
                            json!.Prepared(part.Json(runStart, runEnd), firstLength);
                            runStart = -1;
                        }
                        writer.Site(assessment);
                    }
                    if (runStart >= 0)
                    {
                        json!.Prepared(part.Json(runStart, runEnd), firstLength);
                    }
                    part.Dispose();
                }
            }
            var completion = check.Complete();
            tally.AddProgramFindings(completion.ProgramFindings);
            var summary = tally.Summary;
            writer.End(completion.ProgramFindings, completion.Totals, summary, completion.StatedTotals);
            return summary.PlanPasses(run.Strict) ? ExitCodes.Pass : ExitCodes.RuleBroken;
        }));
        return command;
    }

    /// <summary>A row of a part as the reading thread left it: a totals row, or a site judged (and its JSON, when ready).</summary>
    /// <param name="MayRepeat">Whether the site's id may be used elsewhere: only then is its JSON left to be written in order.</param>
    private readonly record struct JudgedRow(BudgetRow? Totals, SiteAssessment? Assessment, int JsonStart, int JsonLength, bool MayRepeat = false);

    /// <summary>The rows of a part of a file, judged on the thread that read them, with the JSON of the sites that pass.</summary>
    private sealed class JudgedPart : IDisposable
    {
        // Parts done with, for the next parts to fill again: their lists and buffers keep their size, so that reading
        // part after part makes no large arrays (which would have the runtime collect over and over).
        private readonly ConcurrentBag<JudgedPart>? _spare;
        private JsonCheckWriter.SitePreparer? _json;

        private JudgedPart(ConcurrentBag<JudgedPart>? spare) => _spare = spare;

        public List<JudgedRow> Rows { get; } = [];

        public ReadOnlySpan<byte> Json(int start, int end) => _json!.Written[start..end];

        /// <summary>Reads, judges and (for compact JSON) writes the sites of <paramref name="part"/>; safe on any thread.</summary>
        public static JudgedPart Of(ConcurrentBag<JudgedPart> spare, BudgetCsvReader.BudgetFile file, BudgetPart part, BudgetCheck check, DuplicateIds duplicates, JsonCheckWriter? writer)
        {
            if (!spare.TryTake(out var judged))
            {
                judged = new JudgedPart(spare);
            }
            if (writer is not null)
            {
                judged._json ??= writer.NewPreparer();
                judged._json?.Clear();
            }
            var preparer = judged._json;
            // The first pass found every row of the file good: a problem now means the file changed under us.
            var log = new ProblemLog();
            foreach (var row in file.Rows(part, log, () => { }))
            {
                if (row.Kind != RowKind.Site)
                {
                    judged.Rows.Add(new JudgedRow(row, null, 0, 0));
                    continue;
                }
                var assessment = check.Assess(row.Site);
                // A site whose id repeats gets a finding in file order: its JSON is written then, not here.
                if (duplicates.MayRepeat(row.Site.SiteId))
                {
                    judged.Rows.Add(new JudgedRow(null, assessment, 0, 0, MayRepeat: true));
                }
                else if (preparer is not null)
                {
                    // Each site after a comma: the sites of a part go out one after another as they are.
                    var start = preparer.Append(assessment);
                    judged.Rows.Add(new JudgedRow(null, assessment, start, preparer.Written.Length - start));
                }
                else
                {
                    judged.Rows.Add(new JudgedRow(null, assessment, 0, 0));
                }
            }
            if (log.HasErrors)
            {
                throw new InputException(log.Problems) { Omitted = log.Omitted };
            }
            return judged;
        }

        /// <summary>The rows of a file read as one, judged, a thousand at a time; their JSON is left to the writer.</summary>
        public static IEnumerable<JudgedPart> Batches(IEnumerable<BudgetRow> rows, BudgetCheck check)
        {
            var judged = new JudgedPart(null);
            foreach (var row in rows)
            {
                judged.Rows.Add(row.Kind == RowKind.Site ? new JudgedRow(null, check.Assess(row.Site), 0, 0, MayRepeat: true) : new JudgedRow(row, null, 0, 0));
                if (judged.Rows.Count == 1024)
                {
                    yield return judged;
                    judged = new JudgedPart(null);
                }
            }
            if (judged.Rows.Count > 0)
            {
                yield return judged;
            }
        }

        /// <summary>Gives the part back for another to be read into, once its rows are written.</summary>
        public void Dispose()
        {
            Rows.Clear();
            _spare?.Add(this);
        }
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
