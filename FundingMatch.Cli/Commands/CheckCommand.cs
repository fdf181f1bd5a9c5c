using System.Collections.Concurrent;
using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FundingMatch.Budgets;
using FundingMatch.Cli.Input;
using FundingMatch.Cli.Output;
using FundingMatch.Rules;
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
            var stderr = parse.InvocationConfiguration.Error;
            // Judged while read, where nothing written is lost if a row turns out bad: a report file (-o) still under
            // its temporary name, the null device, or a format that writes nothing before the end. The rare input that
            // needs the whole of it first (a bad row, an id seen twice, a row with a fiscal year) is then read again.
            var writer = CheckRenderer.CreateWriter(run.Render, run.AsOf, run.Strict);
            if (writer.HoldsUntilEnd || run.CanTakeBackOutput)
            {
                if (OnePass(run, rules, paths, stderr, writer) is { } code)
                {
                    return code;
                }
                if (!writer.HoldsUntilEnd)
                {
                    run.TakeBackOutput();
                }
            }
            return TwoPasses(run, rules, paths, stderr);
        }));
        return command;
    }

    /// <summary>
    /// Reads, judges and writes every site in one read of the files: the exit code, or null, with what was written
    /// to be taken back, when the input is not to be judged so (a bad row, whose problems the first of two passes
    /// reports; an id seen twice, which is marked on every site that has it; a row with a fiscal year, whose site is
    /// made of rows all over the file).
    /// </summary>
    private static int? OnePass(CommandRun run, ProgramRules rules, string[] paths, TextWriter stderr, ICheckWriter writer)
    {
        var log = new ProblemLog();
        // Each site's id by its hash, made where its part was read; whether any two are equal is asked at the end.
        var hashes = new List<ulong>(CommandRun.ExpectedSites(paths));
        var check = new BudgetCheck(rules, trackDuplicates: false);
        var tally = new CheckTally();
        var json = writer as JsonCheckWriter;
        var spare = new ConcurrentBag<JudgedPart>();
        var everything = 0L;
        var amounts = new long[6];
        writer.Begin(rules);
        foreach (var path in paths)
        {
            using var budget = run.OpenBudget(path, log, run.PartBytes(BudgetCsvReader.DefaultPartBytes));
            if (budget is null)
            {
                return null;
            }
            // Each part judged (and written as JSON) on a core of its own, as in the second of two passes, its ids
            // kept for the table here; or the file's rows judged on a thread of their own.
            var inParts = budget.Parts is not null;
            var rows = budget.Parts is { } parts
                ? InOrder.Map(parts, part => JudgedPart.Of(spare, budget, part, check, duplicates: null, json))
                : ReadAhead.Of(JudgedPart.Batches(budget.Rows(log), check), batchSize: 1);
            var sites = 0;
            foreach (var part in rows)
            {
                var next = 0;
                log.AddFrom(part.Log, ref next, null);
                if (log.HasErrors || part.AnyFiscalYear)
                {
                    return null;
                }
                foreach (ref readonly var row in CollectionsMarshal.AsSpan(part.Rows))
                {
                    if (row.Row is { Kind: not RowKind.Site })
                    {
                        continue;
                    }
                    if (!CommandRun.TryAddAll(ref everything, row.Amounts(amounts)))
                    {
                        return null;
                    }
                    if (!inParts)
                    {
                        hashes.Add(DuplicateIds.Hash(row.Row!.Site.SiteId));
                    }
                    sites++;
                }
                hashes.AddRange(part.Hashes);
                Write(part, check, duplicates: null, tally, writer, json);
            }
            if (inParts)
            {
                // A file read as one says so itself when it has no site rows.
                budget.Finish(log, sites, 0);
            }
            if (log.HasErrors)
            {
                return null;
            }
        }
        if (DuplicateIds.AnyTwice(CollectionsMarshal.AsSpan(hashes)))
        {
            return null;
        }
        run.ThrowOrWarn(log, stderr);
        return End(run, check, tally, writer);
    }

    /// <summary>
    /// Two passes, so that a file of any size runs in bounded memory and nothing reaches a pipe or a terminal before
    /// every row is known good: the first checks the input and notes the ids (nothing is judged if a row is bad), the
    /// second judges each site and writes it out.
    /// </summary>
    private static int TwoPasses(CommandRun run, ProgramRules rules, string[] paths, TextWriter stderr)
    {
        using var input = run.ValidateInput(paths, stderr);
        var duplicates = input.Duplicates;
        var writer = CheckRenderer.CreateWriter(run.Render, run.AsOf, run.Strict);
        if (input.FiscalYears)
        {
            // One row a site a year: a site's rows are combined before it is judged, so they are held in memory.
            var sites = run.ReadSites(paths, stderr, out var stated);
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
                Write(part, check, duplicates, tally, writer, json);
            }
        }
        return End(run, check, tally, writer);
    }

    // Counts the sites of a part in the program, in order, and writes them: a run of sites whose JSON is ready at once.
    private static void Write(JudgedPart part, BudgetCheck check, DuplicateIds? duplicates, CheckTally tally, ICheckWriter writer, JsonCheckWriter? json)
    {
        int runStart = -1, runEnd = -1, firstLength = 0;
        // By reference: a row of a site judged by its facts carries them (some 170 bytes).
        foreach (ref readonly var row in CollectionsMarshal.AsSpan(part.Rows))
        {
            SiteAssessment? assessment = null;
            if (row.Assessment is { } judged)
            {
                assessment = check.Add(judged);
                if (row.MayRepeat && duplicates?.OtherPlaces(judged.Site.SiteId, judged.Site.Origin) is { } others)
                {
                    assessment = BudgetCheck.WithFinding(assessment, BudgetCheck.DuplicateFinding(judged.Site, others.Select(o => o?.ToString() ?? "?").ToList()));
                }
                tally.Add(assessment);
            }
            else if (row.Row is { } totals)
            {
                check.AddStatedTotals(totals.Site, totals.Kind == RowKind.Subtotal);
                continue;
            }
            else
            {
                // A site that passed, judged by its facts: its JSON is ready.
                check.AddPassed(row.Facts, row.Region!, part.Source);
                tally.AddPassed();
            }
            if (row.JsonLength > 0 && (assessment is null || ReferenceEquals(assessment, row.Assessment)))
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
            writer.Site(assessment!);
        }
        if (runStart >= 0)
        {
            json!.Prepared(part.Json(runStart, runEnd), firstLength);
        }
        part.Dispose();
    }

    private static int End(CommandRun run, BudgetCheck check, CheckTally tally, ICheckWriter writer)
    {
        var completion = check.Complete();
        tally.AddProgramFindings(completion.ProgramFindings);
        var summary = tally.Summary;
        writer.End(completion.ProgramFindings, completion.Totals, summary, completion.StatedTotals);
        return summary.PlanPasses(run.Strict) ? ExitCodes.Pass : ExitCodes.RuleBroken;
    }

    /// <summary>
    /// A row of a part as the reading thread left it: a totals row (<see cref="Row"/> only), a site judged as a budget
    /// (and its JSON, when ready), or a site that passed, judged by its <see cref="Facts"/> (no row, no assessment: its
    /// JSON ready).
    /// </summary>
    /// <param name="MayRepeat">Whether the site's id may be used elsewhere: only then is its JSON left to be written in order.</param>
    private readonly record struct JudgedRow(BudgetRow? Row, SiteAssessment? Assessment, int JsonStart, int JsonLength, bool MayRepeat = false)
    {
        public SiteFacts Facts { get; init; }

        public string? Region { get; init; }

        /// <summary>The site's amounts a command may add up (<see cref="CommandRun.AmountsOf(BudgetRow, Span{long})"/>).</summary>
        public ReadOnlySpan<long> Amounts(Span<long> amounts) =>
            Row is { } row ? CommandRun.AmountsOf(row, amounts) : CommandRun.AmountsOf(Facts, amounts);
    }

    /// <summary>The rows of a part of a file, judged on the thread that read them, with the JSON of the sites that pass.</summary>
    private sealed class JudgedPart : IDisposable
    {
        // Parts done with, for the next parts to fill again: their lists and buffers keep their size, so that reading
        // part after part makes no large arrays (which would have the runtime collect over and over).
        private readonly ConcurrentBag<JudgedPart>? _spare;
        private JsonCheckWriter.SitePreparer? _json;
        // The hash of each site's id, for a file read once.
        private readonly List<ulong> _hashes = [];

        private JudgedPart(ConcurrentBag<JudgedPart>? spare) => _spare = spare;

        public List<JudgedRow> Rows { get; } = [];

        /// <summary>The file the part is of, as problems and totals rows name it.</summary>
        public string? Source { get; private set; }

        /// <summary>The part's problems (none when the file was read before, in a first pass).</summary>
        public ProblemLog Log { get; private set; } = new();

        /// <summary>Whether a site of the part has a fiscal year.</summary>
        public bool AnyFiscalYear { get; private set; }

        /// <summary>The hash of each site's id (<see cref="DuplicateIds.Hash"/>), in order, when the file is read once; empty otherwise.</summary>
        public ReadOnlySpan<ulong> Hashes => CollectionsMarshal.AsSpan(_hashes);

        public ReadOnlySpan<byte> Json(int start, int end) => _json!.Written[start..end];

        /// <summary>
        /// Reads, judges and (for compact JSON) writes the sites of <paramref name="part"/>; safe on any thread. With
        /// <paramref name="duplicates"/> from a first pass, a site whose id repeats is left for the writer to mark, and
        /// a problem throws (the file changed since); without, the file is read once: every site is written, its id
        /// kept, and the problems left in <see cref="Log"/>.
        /// </summary>
        // Optimized from its first call, as are the methods it and the writing thread call for every site that passes:
        // compiled in tiers, they ran unoptimized for the first half of a million-row check, while the tiered compiler
        // worked through the start-up's methods (1M rows: 1.52 -> 1.35 s; a small file, which never reads in parts,
        // compiles none of them; BENCHMARKS.md).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static JudgedPart Of(ConcurrentBag<JudgedPart> spare, BudgetCsvReader.BudgetFile file, BudgetPart part, BudgetCheck check, DuplicateIds? duplicates, JsonCheckWriter? writer)
        {
            if (!spare.TryTake(out var judged))
            {
                judged = new JudgedPart(spare);
            }
            judged.Log = new ProblemLog();
            judged.Source = file.DisplayName;
            judged.AnyFiscalYear = false;
            judged._hashes.Clear();
            if (writer is not null)
            {
                judged._json ??= writer.NewPreparer();
                judged._json?.Clear();
            }
            var preparer = judged._json;
            foreach (var cells in file.Records(part, judged.Log, () => { }))
            {
                // A site that passes with no finding, as nearly every site of a good plan does, is judged by its facts and
                // written from its row's cells: nothing is made for it.
                if (preparer is not null && cells.TryFacts(out var facts) && check.TryPass(facts, out var figures)
                    && duplicates?.MayRepeat(cells.SiteIdChars()) != true)
                {
                    var region = cells.Region();
                    var at = preparer.AppendPassing(cells.Line, cells.Bytes(cells.SiteIdIndex), cells.Bytes(cells.NameIndex), region, cells.FactLines, facts, figures);
                    if (at >= 0)
                    {
                        if (duplicates is null)
                        {
                            judged._hashes.Add(DuplicateIds.Hash(cells.SiteIdChars()));
                        }
                        judged.Rows.Add(new JudgedRow(null, null, at, preparer.Written.Length - at) { Facts = facts, Region = region });
                        continue;
                    }
                }
                if (cells.ToRow(judged.Log) is not { } row)
                {
                    continue;
                }
                if (row.Kind != RowKind.Site)
                {
                    judged.Rows.Add(new JudgedRow(row, null, 0, 0));
                    continue;
                }
                var assessment = check.Assess(row.Site);
                if (duplicates is null)
                {
                    judged._hashes.Add(DuplicateIds.Hash(row.Site.SiteId));
                    judged.AnyFiscalYear |= row.Site.FiscalYears.Count > 0;
                }
                // A site whose id repeats gets a finding in file order: its JSON is written then, not here.
                if (duplicates?.MayRepeat(row.Site.SiteId) == true)
                {
                    judged.Rows.Add(new JudgedRow(row, assessment, 0, 0, MayRepeat: true));
                }
                else if (preparer is not null)
                {
                    // Each site after a comma: the sites of a part go out one after another as they are.
                    var start = preparer.Append(assessment);
                    judged.Rows.Add(new JudgedRow(row, assessment, start, preparer.Written.Length - start));
                }
                else
                {
                    judged.Rows.Add(new JudgedRow(row, assessment, 0, 0));
                }
            }
            if (duplicates is not null && judged.Log.HasErrors)
            {
                // The first pass found every row of the file good: a problem now means the file changed under us.
                throw new InputException(judged.Log.Problems) { Omitted = judged.Log.Omitted };
            }
            return judged;
        }

        /// <summary>The rows of a file read as one, judged, a thousand at a time; their JSON is left to the writer.</summary>
        public static IEnumerable<JudgedPart> Batches(IEnumerable<BudgetRow> rows, BudgetCheck check)
        {
            var judged = new JudgedPart(null);
            foreach (var row in rows)
            {
                judged.AnyFiscalYear |= row.Kind == RowKind.Site && row.Site.FiscalYears.Count > 0;
                judged.Rows.Add(new JudgedRow(row, row.Kind == RowKind.Site ? check.Assess(row.Site) : null, 0, 0, MayRepeat: true));
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
