using System.Collections.Concurrent;
using System.CommandLine;
using System.Text;
using FundingMatch.Cli.Input;
using FundingMatch.Cli.Output;
using FundingMatch.Budgets;
using FundingMatch.Rules;
using FundingMatch.Text;
using FundingMatch.Validation;
using NodaTime;
using NodaTime.Text;

namespace FundingMatch.Cli.Commands;

/// <summary>The options a command that reads budgets takes, built once per command.</summary>
internal sealed class BudgetCommandOptions
{
    public BudgetCommandOptions(CommonOptions common, Command command, string[]? formats = null, bool strict = true, bool budgets = true)
    {
        Common = common;
        Rules = common.Rules();
        AsOf = common.AsOf();
        Format = common.Format(formats ?? []);
        Output = common.Output();
        Lang = common.Lang();
        AmountUnit = common.AmountUnit();
        Encoding = common.Encoding();
        Sheet = common.Sheet();
        Strict = strict ? common.Strict() : null;
        Compact = common.Compact();
        var options = budgets ? new Option?[] { Rules, AsOf, Format, Output, Lang, AmountUnit, Encoding, Sheet, Strict, Compact } : [AsOf, Format, Output, Lang, Compact];
        foreach (var option in options)
        {
            if (option is not null)
            {
                command.Add(option);
            }
        }
    }

    public CommonOptions Common { get; }

    public Option<string> Rules { get; }

    public Option<string?> AsOf { get; }

    public Option<string> Format { get; }

    public Option<FileInfo?> Output { get; }

    public Option<string?> Lang { get; }

    public Option<string> AmountUnit { get; }

    public Option<string> Encoding { get; }

    public Option<string?> Sheet { get; }

    public Option<bool>? Strict { get; }

    public Option<bool> Compact { get; }
}

/// <summary>What a command body gets: the chosen rules, how to read budgets, and where to write.</summary>
internal sealed class CommandRun
{
    private readonly BudgetCommandOptions _options;
    private readonly ParseResult _parse;
    private readonly Action? _takeBack;

    public CommandRun(ParseResult parse, BudgetCommandOptions options, TextWriter output, bool toTerminal = true, Action? takeBack = null)
    {
        _parse = parse;
        _options = options;
        _takeBack = takeBack;
        Language = options.Common.LanguageFrom(parse.GetValue(options.Lang));
        Format = Enum.Parse<OutputFormat>(parse.GetValue(options.Format) ?? "table", ignoreCase: true);
        // JSON is indented for a person at a terminal and compact for a program: a file, a pipe (the same document).
        Render = new RenderContext(output, Language, Format)
        {
            CompactJson = parse.GetValue(options.Compact) || !toTerminal,
            Inputs = [.. Arguments(parse).Select(a => a == "-" ? StandardInputName : a)],
        };
        Strict = options.Strict is not null && parse.GetValue(options.Strict);
    }

    public Language Language { get; }

    public OutputFormat Format { get; }

    public RenderContext Render { get; }

    public bool Strict { get; }

    public LocalDate? AsOf { get; private set; }

    /// <summary>
    /// Whether what the command writes can be taken back (<see cref="TakeBackOutput"/>): a report file (<c>-o</c>),
    /// still a temporary one, or standard output or <c>-o</c> as the null device. Then <c>check</c> may judge while it
    /// reads, and start again if a row turns out bad; to a pipe or a terminal it first reads the input through.
    /// </summary>
    public bool CanTakeBackOutput => _takeBack is not null;

    /// <summary>Takes back everything written so far: the output starts again from nothing.</summary>
    public void TakeBackOutput() => (_takeBack ?? throw new InvalidOperationException("The output cannot be taken back."))();

    /// <summary>The program version the options name.</summary>
    public ProgramRules ResolveRules() => VersionOf(LoadProgram(_parse.GetValue(_options.Rules) ?? ProgramCatalog.DefaultProgramId));

    /// <summary>The version of <paramref name="program"/> in force on --as-of, or its newest.</summary>
    public ProgramRules VersionOf(FundingProgram program)
    {
        var asOfText = _parse.GetValue(_options.AsOf);
        if (asOfText is not null)
        {
            var parsed = LocalDatePattern.Iso.Parse(asOfText);
            if (!parsed.Success)
            {
                throw new InputException(new InputProblem("--as-of", null, null, null, asOfText,
                    new LocalizedText($"'{asOfText}'은(는) 날짜가 아닙니다: yyyy-MM-dd 형식이어야 합니다", $"'{asOfText}' is not a date: expected yyyy-MM-dd, such as 2020-06-09")));
            }
            AsOf = parsed.Value;
        }
        return program.VersionAsOf(AsOf);
    }

    /// <summary>An embedded program by id, or a program from a rules file.</summary>
    public static FundingProgram LoadProgram(string idOrFile)
    {
        if (Directory.Exists(idOrFile))
        {
            throw new InputException(new InputProblem(idOrFile, null, null, null, null, new LocalizedText(
                "규칙 파일이 아니라 폴더입니다: 규칙 JSON 파일이나 프로그램 ID를 주십시오", "is a folder, not a rules file: give a rules JSON file or a program id")));
        }
        if (idOrFile.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(idOrFile))
        {
            if (!File.Exists(idOrFile))
            {
                throw new InputException(new InputProblem(idOrFile, null, null, null, null, new LocalizedText("규칙 파일이 없습니다", "rules file not found")));
            }
            return RulesFile.Parse(File.ReadAllBytes(idOrFile), idOrFile);
        }
        return ProgramCatalog.Embedded.Get(idOrFile);
    }

    /// <summary>The size of the parts a large plain file is cut into: <paramref name="standard"/> unless the environment sets one.</summary>
    public int PartBytes(int standard) => _options.Common.Environment.PartBytes ?? standard;

    /// <summary>
    /// A budget file opened for reading as <see cref="Rows"/> reads it (cut into parts when it is large and plain), or
    /// null with its problems in <paramref name="log"/>.
    /// </summary>
    public BudgetCsvReader.BudgetFile? OpenBudget(string file, ProblemLog log, int partBytes) =>
        Open(file, ReadOptions(applicantColumns: false, settlementColumns: false), log, partBytes);

    // Inputs that can be read only once (standard input as "-", /dev/stdin, a FIFO, a shell's <(...)), held as read the
    // first time they are opened: check's second pass, and a command that reads its input again, read the same bytes.
    private readonly Dictionary<string, byte[]> _readOnce = new(StringComparer.Ordinal);

    private BudgetCsvReader.BudgetFile? Open(string file, BudgetReadOptions options, ProblemLog log, int partBytes)
    {
        if (ReadOnce(file) is not { } bytes)
        {
            return BudgetCsvReader.BudgetFile.Open(file, file, options, log, partBytes);
        }
        var isWorkbook = Workbooks.IsWorkbook(file) || Workbooks.StartsAsWorkbook(bytes);
        return BudgetCsvReader.BudgetFile.Open(new MemoryStream(bytes, writable: false), isWorkbook, file == "-" ? StandardInputName : file, options, log, partBytes: 0);
    }

    /// <summary>The command's arguments as given (files, and the values of options such as --rules and -o).</summary>
    public static IEnumerable<string> Arguments(ParseResult parse) =>
        parse.Tokens.Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument).Select(t => t.Value);

    /// <summary>How problems name standard input, read as the budget file <c>-</c>.</summary>
    public const string StandardInputName = "stdin";

    // The bytes of an input that cannot be read twice, read now if not before; null for a file that can be (a regular
    // file, read where it lies) and for a path that is not there (the reader reports it).
    private byte[]? ReadOnce(string file)
    {
        if (_readOnce.TryGetValue(file, out var bytes))
        {
            return bytes;
        }
        Stream input;
        if (file == "-")
        {
            input = _options.Common.Environment.StandardInput();
        }
        else if (File.Exists(file))
        {
            var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.CanSeek)
            {
                stream.Dispose();
                return null;
            }
            input = stream;
        }
        else
        {
            return null;
        }
        using (input)
        {
            var copy = new MemoryStream();
            input.CopyTo(copy);
            bytes = copy.ToArray();
        }
        _readOnce.Add(file, bytes);
        return bytes;
    }

    /// <summary>The rows of every file, streamed; problems go to <paramref name="log"/>.</summary>
    public IEnumerable<BudgetRow> Rows(IEnumerable<string> files, ProblemLog log, bool applicantColumns = false, bool settlementColumns = false)
    {
        var options = ReadOptions(applicantColumns, settlementColumns);
        // Every sum a command takes (a source's total, the program's, an envelope's use) is at most the sum of every
        // amount on every site row: while that fits in a long, no later sum overflows, and the row that makes it
        // overflow is named here, not by a bare overflow in the middle of judging.
        var everything = 0L;
        var amounts = new long[6];
        foreach (var file in files)
        {
            using var budget = Open(file, options, log, PartBytes(BudgetCsvReader.DefaultPartBytes));
            foreach (var row in budget?.Rows(log) ?? [])
            {
                if (row.Kind == RowKind.Site && !TryAddAll(ref everything, AmountsOf(row, amounts)))
                {
                    log.Add(SumOverflow(row.Site.Origin?.Source ?? file, row.Site.Origin?.Line, row.Site.SiteId));
                    continue;
                }
                yield return row;
            }
        }
    }

    private BudgetReadOptions ReadOptions(bool applicantColumns, bool settlementColumns) => new(
        CommonOptions.UnitFrom(_parse.GetValue(_options.AmountUnit) ?? "won"),
        CommonOptions.EncodingFrom(_parse.GetValue(_options.Encoding) ?? "auto"),
        applicantColumns,
        settlementColumns,
        _parse.GetValue(_options.Sheet));

    /// <summary>The amounts of a row a command may add up, in the order of <see cref="ScannedRow.Amounts"/>.</summary>
    public static ReadOnlySpan<long> AmountsOf(BudgetRow row, Span<long> amounts)
    {
        amounts[0] = row.Site.Total.Value;
        amounts[1] = row.Requested?.Value ?? 0;
        amounts[2] = row.Disbursed?.Value ?? 0;
        amounts[3] = row.Interest?.Value ?? 0;
        amounts[4] = row.Site.StatedTotal?.Value ?? 0;
        amounts[5] = row.Site.StatedLocal?.Value ?? 0;
        return amounts;
    }

    /// <summary>As <see cref="AmountsOf(BudgetRow, Span{long})"/>, for a site given by its facts, read with no requested, disbursed or interest column.</summary>
    public static ReadOnlySpan<long> AmountsOf(scoped in SiteFacts facts, Span<long> amounts)
    {
        amounts.Clear();
        amounts[0] = facts.Total.Value;
        amounts[4] = facts.StatedTotal?.Value ?? 0;
        amounts[5] = facts.StatedLocal?.Value ?? 0;
        return amounts;
    }

    /// <summary>
    /// Adds <paramref name="amounts"/> (each zero or more) to <paramref name="sum"/>; false, with the sum as it was, when
    /// they would take it past a long.
    /// </summary>
    public static bool TryAddAll(ref long sum, ReadOnlySpan<long> amounts)
    {
        var s = sum;
        foreach (var amount in amounts)
        {
            // Every amount is zero or more: the sum overflowed when it went negative.
            s = unchecked(s + amount);
            if (s < 0)
            {
                return false;
            }
        }
        sum = s;
        return true;
    }

    private static InputProblem SumOverflow(string file, int? line, string siteId) => new(file, line, null, null, null, new LocalizedText(
        $"사업장 '{Output.Cells.Shown(siteId)}'까지 더한 금액이 9,223,372,036,854,775,807원을 넘어 계산할 수 없습니다",
        $"with site '{Output.Cells.Shown(siteId)}' the amounts add up to more than 9,223,372,036,854,775,807 won, which cannot be computed"));

    /// <summary>Reads every file into memory; throws <see cref="InputException"/> with every problem if any row is bad.</summary>
    public List<BudgetRow> ReadBudgets(IEnumerable<string> files, TextWriter stderr, bool applicantColumns = false, bool settlementColumns = false)
    {
        var log = new ProblemLog();
        var rows = Rows(files, log, applicantColumns, settlementColumns).ToList();
        ThrowOrWarn(log, stderr);
        return rows;
    }

    /// <summary>
    /// Reads every file into memory as sites: rows of one site in different fiscal years are one site
    /// (<see cref="FiscalYearRows.Combine"/>). Throws <see cref="InputException"/> with every problem if any row is bad.
    /// </summary>
    public IReadOnlyList<Budgets.SiteBudget> ReadSites(IEnumerable<string> files, TextWriter stderr) => ReadSites(files, stderr, out _);

    /// <summary>
    /// As <see cref="ReadSites(IEnumerable{string}, TextWriter)"/>, with the files' totals rows (합계, 소계) set against
    /// the sites they sum, in file order; a totals row is never a site.
    /// </summary>
    public IReadOnlyList<Budgets.SiteBudget> ReadSites(IEnumerable<string> files, TextWriter stderr, out StatedTotals stated)
    {
        var rows = ReadBudgets(files, stderr);
        stated = StatedTotalsOf(rows);
        return FiscalYearRows.Combine(rows.Where(r => r.Kind == RowKind.Site).Select(r => r.Site));
    }

    /// <summary>
    /// The program's totals over every file, with its totals rows set against the sites they sum, added up as the
    /// rows are read: no site is kept, so a file of any size is added up in bounded memory. Null, with nothing
    /// reported, as soon as a row names a fiscal year: the rows of one site in different years are one site
    /// (<see cref="FiscalYearRows.Combine"/>), which only the whole file tells (<see cref="ReadSites(IEnumerable{string}, TextWriter, out StatedTotals)"/>).
    /// Throws <see cref="InputException"/> with every problem if any row is bad.
    /// </summary>
    public (Totals.ProgramTotals Totals, StatedTotals Stated)? StreamTotals(IEnumerable<string> files, TextWriter stderr, Money.Won? envelope)
    {
        var log = new ProblemLog();
        var totals = new Totals.ProgramTotalsBuilder();
        var stated = new StatedTotals();
        foreach (var row in Rows(files, log))
        {
            if (row.Kind != RowKind.Site)
            {
                stated.AddTotalsRow(row.Site, row.Kind == RowKind.Subtotal);
                continue;
            }
            if (row.Site.FiscalYears.Count > 0)
            {
                return null;
            }
            totals.Add(row.Site);
            stated.AddSite(row.Site);
        }
        ThrowOrWarn(log, stderr);
        return (totals.Build(envelope), stated);
    }

    /// <summary>The totals rows of <paramref name="rows"/>, set against the sites they sum, in file order.</summary>
    public static StatedTotals StatedTotalsOf(IEnumerable<BudgetRow> rows)
    {
        var stated = new StatedTotals();
        foreach (var row in rows)
        {
            if (row.Kind == RowKind.Site)
            {
                stated.AddSite(row.Site);
            }
            else
            {
                stated.AddTotalsRow(row.Site, row.Kind == RowKind.Subtotal);
            }
        }
        return stated;
    }

    /// <summary>For a command that judges no plan: a totals row that disagrees with its sites is a warning on standard error.</summary>
    public void WarnStatedTotals(StatedTotals stated, TextWriter stderr)
    {
        foreach (var f in stated.Findings)
        {
            stderr.Write($"{f.Origin}: {(Language == Language.Korean ? "경고" : "warning")}: {f.Code}: {f.Message.In(Language)}\n");
        }
    }

    /// <summary>
    /// The first of two passes over files too large to hold: every row is checked as input, with the same problems
    /// as <see cref="Rows"/>, and its id noted for <see cref="DuplicateIds"/>; no site is built and nothing else is
    /// kept. Throws <see cref="InputException"/> if any row is bad. The files cut into parts stay open in what it
    /// gives, for the second pass to read without finding their encoding, header and parts again.
    /// </summary>
    public CheckedInput ValidateInput(IReadOnlyList<string> files, TextWriter stderr)
    {
        var log = new ProblemLog();
        var duplicates = NewDuplicateIds(files);
        var input = new CheckedInput(duplicates, files.Count);
        try
        {
            input.FiscalYears = Validate(files, log, duplicates, input);
            ThrowOrWarn(log, stderr);
            return input;
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    /// <summary>A table of the ids of <paramref name="files"/>' sites, with room for as many as their size suggests.</summary>
    public static DuplicateIds NewDuplicateIds(IReadOnlyList<string> files) => new(ExpectedSites(files));

    /// <summary>
    /// About how many sites <paramref name="files"/> hold, by their size: a budget row is some 60 to 150 bytes, and room
    /// for a site every 128 bytes is made at once (a table of ids, made for twice as many, regrows only past a site every
    /// 64 bytes). Room for more costs more than a regrowth: a table twice the size is twice the pages every id is looked up in.
    /// </summary>
    public static int ExpectedSites(IReadOnlyList<string> files)
    {
        var bytes = files.Sum(f => File.Exists(f) ? new FileInfo(f).Length : 0);
        return (int)Math.Min(bytes / 128, 1 << 24);
    }

    private bool Validate(IReadOnlyList<string> files, ProblemLog log, DuplicateIds duplicates, CheckedInput input)
    {
        var anyYear = false;
        var spare = new ConcurrentBag<ScannedPart>();
        var everything = 0L;
        void Observe(in ScannedRow row)
        {
            if (row.Kind != RowKind.Site)
            {
                return;
            }
            if (!TryAddAll(ref everything, row.Amounts))
            {
                log.Add(SumOverflow(row.File, row.Line, row.SiteId.ToString()));
                return;
            }
            duplicates.Observe(row.SiteId, row.File, row.Line);
            anyYear |= row.HasFiscalYear;
        }
        for (var index = 0; index < files.Count; index++)
        {
            var budget = OpenBudget(files[index], log, PartBytes(BudgetCsvReader.DefaultPartBytes));
            if (budget is null)
            {
                continue;
            }
            if (budget.Parts is null)
            {
                using (budget)
                {
                    budget.Scan(log, Observe);
                }
                continue;
            }
            using var closed = input.Keep(index, budget) ? null : budget;
            // A large plain file: its parts, some at a time, are scanned on every core, and what they found taken here
            // in the file's order.
            var sites = 0;
            var errors = 0;
            var stopped = false;
            foreach (var part in InOrder.Map(budget.Grouped(ScannedPartsAtOnce), p => ScannedPart.Of(spare, budget, p)))
            {
                if (stopped)
                {
                    continue; // the file could not be read on past an earlier part: its later rows are not read
                }
                var next = 0;
                foreach (var site in part.Sites)
                {
                    log.AddFrom(part.Log, ref next, site.Line);
                    // Every amount is zero or more: the sums add up past a long exactly where TryAddAll says so.
                    if (site.Sum < 0 || unchecked(everything + site.Sum) < 0)
                    {
                        log.Add(SumOverflow(budget.DisplayName, site.Line, part.Id(site).ToString()));
                        continue;
                    }
                    everything += site.Sum;
                    anyYear |= site.HasFiscalYear;
                }
                log.AddFrom(part.Log, ref next, null);
                // The part's ids at once (the table is probed for one after another). A site past a long is noted too,
                // unlike in a file read in a row: it is an error, so nothing is judged and the table is never asked.
                duplicates.Observe(part.Ids, part.Ends, budget.DisplayName, part.Lines);
                sites += part.Sites.Count;
                errors += part.Log.ErrorCount;
                stopped = part.Stopped;
                spare.Add(part);
            }
            if (!stopped)
            {
                budget.Finish(log, sites, errors);
            }
            // The first pass's megabyte buffers are not kept with a file left open: the second reads smaller parts.
            budget.ReleaseBuffers();
        }
        return anyYear;
    }

    // The first pass takes sixteen of the parts a file is cut into at a time (a megabyte): it builds nothing from a row.
    private const int ScannedPartsAtOnce = 16;

    /// <summary>A site row as the first pass saw it in a part: <see cref="Sum"/> is that of its amounts, or -1 past a long.</summary>
    private readonly record struct ScannedSite(int Line, int IdStart, int IdLength, long Sum, bool HasFiscalYear);

    /// <summary>What the first pass found in a part of a file: its problems, and its site rows with their ids kept in one buffer.</summary>
    private sealed class ScannedPart
    {
        private readonly List<int> _ends = [];
        private readonly List<int> _lines = [];
        private char[] _ids = new char[1 << 14];
        private int _idLength;

        public ProblemLog Log { get; private set; } = new();

        public List<ScannedSite> Sites { get; } = [];

        public bool Stopped { get; private set; }

        public ReadOnlySpan<char> Id(ScannedSite site) => _ids.AsSpan(site.IdStart, site.IdLength);

        /// <summary>The sites' ids one after another, as <see cref="DuplicateIds.Observe(ReadOnlySpan{char}, ReadOnlySpan{int}, string, ReadOnlySpan{int})"/> takes them.</summary>
        public ReadOnlySpan<char> Ids => _ids.AsSpan(0, _idLength);

        /// <summary>Where each site's id ends in <see cref="Ids"/>.</summary>
        public ReadOnlySpan<int> Ends => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_ends);

        /// <summary>Each site's line.</summary>
        public ReadOnlySpan<int> Lines => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_lines);

        /// <summary>Scans <paramref name="part"/> into a part done with from <paramref name="spare"/> (its lists keep their size), or a new one.</summary>
        public static ScannedPart Of(ConcurrentBag<ScannedPart> spare, BudgetCsvReader.BudgetFile file, BudgetPart part)
        {
            if (!spare.TryTake(out var scanned))
            {
                scanned = new ScannedPart();
            }
            scanned.Log = new ProblemLog();
            scanned.Stopped = false;
            scanned.Sites.Clear();
            scanned._ends.Clear();
            scanned._lines.Clear();
            scanned._idLength = 0;
            file.Scan(part, scanned.Log, () => scanned.Stopped = true, scanned.Add);
            return scanned;
        }

        private void Add(in ScannedRow row)
        {
            if (row.Kind != RowKind.Site)
            {
                return;
            }
            var sum = 0L;
            foreach (var amount in row.Amounts)
            {
                sum = sum < 0 ? sum : unchecked(sum + amount);
            }
            if (_idLength + row.SiteId.Length > _ids.Length)
            {
                Array.Resize(ref _ids, Math.Max(_ids.Length * 2, _idLength + row.SiteId.Length));
            }
            row.SiteId.CopyTo(_ids.AsSpan(_idLength));
            Sites.Add(new ScannedSite(row.Line, _idLength, row.SiteId.Length, sum < 0 ? -1 : sum, row.HasFiscalYear));
            _idLength += row.SiteId.Length;
            _ends.Add(_idLength);
            _lines.Add(row.Line);
        }
    }

    /// <summary>Throws <see cref="InputException"/> with every problem of <paramref name="log"/> if it has an error; otherwise writes its warnings.</summary>
    public void ThrowOrWarn(ProblemLog log, TextWriter stderr)
    {
        if (log.HasErrors)
        {
            throw new InputException(log.Problems) { Omitted = log.Omitted };
        }
        foreach (var warning in log.Problems)
        {
            stderr.Write(warning.Format(Language) + "\n");
        }
    }
}

/// <summary>
/// What the first pass over a command's files found: the ids (<see cref="Duplicates"/>), whether any row names a
/// fiscal year, and the files it read in parts, still open, for the second pass (<see cref="Take"/>).
/// </summary>
internal sealed class CheckedInput(DuplicateIds duplicates, int files) : IDisposable
{
    // Files kept open between the passes, at most this many: a command given thousands of files opens the rest again.
    private const int MaxKept = 64;

    private readonly BudgetCsvReader.BudgetFile?[] _kept = new BudgetCsvReader.BudgetFile?[files];
    private int _count;

    public DuplicateIds Duplicates { get; } = duplicates;

    public bool FiscalYears { get; set; }

    /// <summary>
    /// Keeps <paramref name="budget"/>, the file at <paramref name="index"/>, open for the second pass if there is room
    /// (it is then disposed with this); false when the caller is to close it.
    /// </summary>
    public bool Keep(int index, BudgetCsvReader.BudgetFile budget)
    {
        if (_count == MaxKept)
        {
            return false;
        }
        _kept[index] = budget;
        _count++;
        return true;
    }

    /// <summary>The file at <paramref name="index"/> as the first pass left it open (the caller's to dispose), or null.</summary>
    public BudgetCsvReader.BudgetFile? Take(int index)
    {
        var budget = _kept[index];
        _kept[index] = null;
        return budget;
    }

    public void Dispose()
    {
        foreach (var budget in _kept)
        {
            budget?.Dispose();
        }
        Array.Clear(_kept);
    }
}

/// <summary>Runs a command body with the error handling every command shares.</summary>
internal static class CommandSupport
{
    /// <summary>
    /// Runs <paramref name="body"/>, writing its output to standard output or to --output. A user's mistake
    /// (bad input, bad rules, a file that cannot be read or written) is reported plainly with exit code 2.
    /// </summary>
    public static int Execute(ParseResult parse, BudgetCommandOptions options, Func<CommandRun, int> body)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var outputFile = parse.GetValue(options.Output);
        var format = Enum.Parse<OutputFormat>(parse.GetValue(options.Format) ?? "table", ignoreCase: true);
        // A report file is written beside the target and moved into place only when the command succeeds (a failed
        // run never leaves half a report where the last good one was); a device or a FIFO is written through.
        OutputTarget? target = null;
        var run = new CommandRun(parse, options, TextWriter.Null);
        try
        {
            if (outputFile is not null)
            {
                // Every other argument may be an input (a budget, an actuals file, --rules, --scenarios): none may be replaced.
                var arguments = CommandRun.Arguments(parse).ToList();
                arguments.Remove(outputFile.ToString());
                target = OutputTarget.Open(outputFile.ToString(), arguments);
            }
            var writer = target?.Writer ?? stdout;
            // A CSV report starts with a BOM wherever it goes (-o or standard output redirected to a file), so that
            // Excel shows the Korean in it; written with the first character, so that a failed run writes nothing.
            var bom = format == OutputFormat.Csv ? new BomFirstWriter(writer) : null;
            Action? takeBack = target is not null
                ? (target.CanTakeBack ? target.TakeBack : null)
                : (options.Common.Environment.OutputKeepsNothing ? () => { } : null);
            run = new CommandRun(parse, options, bom ?? writer, toTerminal: target is null && options.Common.Environment.OutputIsTerminal,
                takeBack: takeBack is null ? null : () =>
                {
                    takeBack();
                    bom?.Restart();
                });
            var code = body(run);
            target?.Commit();
            return code;
        }
        catch (InputException e)
        {
            foreach (var problem in e.Problems)
            {
                stderr.Write(problem.Format(run.Language) + "\n");
                if (run.Format == OutputFormat.Github && !problem.IsWarning)
                {
                    var (place, prefix) = Cells.GithubPlace(problem.File, problem.Line, problem.Column, run.Render.Inputs, run.Language);
                    stdout.Write($"::error {place},title=bad-input::{Cells.GithubData(prefix + problem.Message.In(run.Language))}\n");
                }
            }
            if (e.Omitted > 0)
            {
                stderr.Write(run.Language == Language.Korean
                    ? $"… 오류 {e.Omitted}건 더 (처음 {ProblemLog.MaxErrors}건만 보였습니다)\n"
                    : $"… and {e.Omitted} more errors (only the first {ProblemLog.MaxErrors} are shown)\n");
            }
            stderr.Write(run.Language == Language.Korean ? "입력이 잘못되어 검토하지 않았습니다 (종료 코드 2).\n" : "The input is wrong; nothing was judged (exit code 2).\n");
            return ExitCodes.BadInput;
        }
        catch (RulesFileException e)
        {
            foreach (var error in e.Errors)
            {
                stderr.Write($"{error}\n");
            }
            // A rules file's or a scenarios file's errors (both are JSON of the rules' format): each names its file.
            stderr.Write(run.Language == Language.Korean ? "위 파일이 잘못되어 검토하지 않았습니다 (종료 코드 2).\n" : "The file named above is wrong; nothing was judged (exit code 2).\n");
            return ExitCodes.BadInput;
        }
        catch (RulesException e)
        {
            stderr.Write($"fundingmatch: error: {e.Message}\n");
            return ExitCodes.BadInput;
        }
        catch (IOException e) when (target is not null)
        {
            stderr.Write($"fundingmatch: error: {target.Describe(e)}\n");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.Write($"fundingmatch: error: {e.Message}\n");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            stderr.Write(run.Language == Language.Korean ? "취소되었습니다.\n" : "Cancelled.\n");
            return 130;
        }
        catch (OverflowException)
        {
            stderr.Write(run.Language == Language.Korean
                ? "fundingmatch: 오류: 금액 합계가 너무 큽니다 (9,223,372,036,854,775,807원 초과)\n"
                : "fundingmatch: error: the amounts add up to more than 9,223,372,036,854,775,807 won\n");
            return ExitCodes.BadInput;
        }
        finally
        {
            target?.Dispose();
        }
    }
}
