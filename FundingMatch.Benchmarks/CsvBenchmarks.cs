using BenchmarkDotNet.Attributes;
using CsvHelper;
using FundingMatch.Cli;
using FundingMatch.Cli.Input;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Validation;

namespace FundingMatch.Benchmarks;

/// <summary>
/// Reading budget CSVs, each step against the floor in the same run:
/// B0 a bare CsvHelper loop that touches every field's bytes; B1 the CLI's typed read into budget rows; S the first
/// pass of check (fields checked, ids hashed, no site built); V read + validate + program totals; R the whole <c>check</c> with its JSON report written to the null device
/// (compact, one read), RP as to a pipe (compact, two reads), RT as to a terminal (indented).
/// </summary>
[MemoryDiagnoser]
public class CsvBenchmarks
{
    private string _path = "";
    private ProgramRules _rules = null!;
    private readonly BudgetReadOptions _options = new(AmountUnit.Won, EncodingChoice.Utf8);

    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Data.CsvFile(Rows);
        _rules = Data.Rules2020Without("sites-in-round");
    }

    /// <summary>B0: the practical floor, CsvHelper reading every field and touching its bytes.</summary>
    [Benchmark(Baseline = true, Description = "B0 bare CsvHelper read")]
    public long BareRead()
    {
        using var csv = CsvReader.FromFile(_path, new CsvReaderOptions { Separator = ',' });
        long touched = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                var span = csv.GetSpan(i);
                touched += span.Length + span.IndexOf((byte)0); // IndexOf scans every byte
            }
        }
        return touched;
    }

    /// <summary>B1: the CLI's typed read of the same file into budget rows, discarded.</summary>
    [Benchmark(Description = "B1 typed read")]
    public int TypedRead()
    {
        var log = new ProblemLog();
        var count = 0;
        foreach (var _ in BudgetCsvReader.Read(_path, _path, _options, log))
        {
            count++;
        }
        return count;
    }

    /// <summary>
    /// S: <c>check</c>'s first pass, as it runs before anything is judged: every field checked in place, every id
    /// hashed for the repeated-id check, no site built.
    /// </summary>
    [Benchmark(Description = "S first pass (scan)")]
    public int FirstPass()
    {
        var log = new ProblemLog();
        var ids = new DuplicateIds(Rows);
        var count = 0;
        BudgetCsvReader.Scan(_path, _path, _options, log, (in ScannedRow row) =>
        {
            ids.Observe(row.SiteId, row.File, row.Line);
            count++;
        });
        return count;
    }

    /// <summary>V: read, validate every site and total the program; no rendering.</summary>
    [Benchmark(Description = "V read+validate+totals")]
    public int ReadValidateTotals()
    {
        var log = new ProblemLog();
        var check = new BudgetCheck(_rules);
        var findings = 0;
        foreach (var row in BudgetCsvReader.Read(_path, _path, _options, log))
        {
            findings += check.Add(row.Site).Findings.Count;
        }
        return findings + check.Complete().ProgramFindings.Count;
    }

    /// <summary>
    /// R: the whole <c>fundingmatch check --format json</c>, its report to the null device as <c>perf-ratio.py</c> runs
    /// it: compact JSON, and one read of the file (nothing written there need be taken back).
    /// </summary>
    [Benchmark(Description = "R check --format json")]
    public int WholeCheck() => Check(outputIsTerminal: false, keepsNothing: true);

    /// <summary>RP: as R, the report to a pipe, as a CI job reads it: compact JSON, and the file read twice.</summary>
    [Benchmark(Description = "RP check --format json, to a pipe")]
    public int WholeCheckPiped() => Check(outputIsTerminal: false, keepsNothing: false);

    /// <summary>RT: as R, the report as to a terminal, where the JSON is indented (written by the general writer).</summary>
    [Benchmark(Description = "RT check --format json, indented")]
    public int WholeCheckIndented() => Check(outputIsTerminal: true, keepsNothing: false);

    private int Check(bool outputIsTerminal, bool keepsNothing)
    {
        using var nowhere = new StreamWriter(Stream.Null, new System.Text.UTF8Encoding(false));
        return CliApp.Run(["check", _path, "--format", "json", "--encoding", "utf-8"], nowhere, TextWriter.Null,
            new CliEnvironment("en-US", OutputIsTerminal: outputIsTerminal) { OutputKeepsNothing = keepsNothing });
    }
}
