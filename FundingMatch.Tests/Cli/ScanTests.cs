using FundingMatch.Cli.Input;
using FundingMatch.Money;
using FundingMatch.Text;

namespace FundingMatch.Tests.Cli;

/// <summary>
/// The first pass of <c>check</c> (<see cref="BudgetCsvReader.Scan(string, string, BudgetReadOptions, ProblemLog, ScannedRowHandler)"/>)
/// reads no site, but must say exactly what the full read says about every file: the same problems, and the same
/// rows with the same ids, lines and amounts.
/// </summary>
public class ScanTests
{
    private static readonly BudgetReadOptions Options = new(AmountUnit.Won, EncodingChoice.Auto);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.*")
            .Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".xlsx", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.Combine("samples", Path.GetFileName(file)));
        }
        foreach (var target in new[] { "csv", "xlsx" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "fuzz-corpus", target)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.Combine("fuzz-corpus", target, Path.GetFileName(file)));
            }
        }
        return data;
    }

    public static TheoryData<string, string> Texts()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in BadInputTests.Cases)
        {
            data.Add(row.Data.Item1, row.Data.Item2);
        }
        data.Add("totals-rows", "site_id,site_name,national,provincial\nA,a,1,1\n소계,,1,1\n,합계,1,1\n Total ,,1,1\n");
        data.Add("id-on-two-lines", "site_id,national,provincial\n\"S1\nA\",1,1\n\"S1 A\",2,2\n");
        data.Add("repeated-ids", "site_id,national,provincial\nA,1,1\nB,1,1\nA,2,2\n");
        data.Add("fiscal-years", "site_id,fiscal_year,national,provincial,local\nA,2020,1,1,\nA,2021,1,1,\nB,,1,,5\n");
        data.Add("local-beside-split", "site_id,national,provincial,municipal,지방비\nA,1,1,1,2\nB,1,,,7\n");
        data.Add("stated-total", "site_id,national,provincial,총사업비\nA,1,1,2\n");
        data.Add("amount-past-a-long-across-columns", "site_id,national,provincial,총사업비\nA,5000000000000000000,0,5000000000000000000\n");
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Scan_OfAFile_SaysWhatTheFullReadSays(string file) => ShouldAgree(Path.Combine(AppContext.BaseDirectory, file), file);

    [Theory]
    [MemberData(nameof(Texts))]
    public void Scan_OfBadAndOddInput_SaysWhatTheFullReadSays(string name, string content) => ShouldAgree(CliRunner.TempCsv(content), name);

    private static void ShouldAgree(string path, string name)
    {
        var fullLog = new ProblemLog();
        var full = new List<string>();
        Exception? fullError = null;
        try
        {
            foreach (var row in BudgetCsvReader.Read(path, "f", Options, fullLog))
            {
                full.Add($"{row.Kind} '{(row.Kind == RowKind.Site ? row.Site.SiteId : "")}' line {row.Site.Origin?.Line} years {row.Site.FiscalYears.Count > 0} "
                    + $"{row.Site.Total.Value}/{row.Requested?.Value ?? 0}/{row.Disbursed?.Value ?? 0}/{row.Interest?.Value ?? 0}/{row.Site.StatedTotal?.Value ?? 0}/{row.Site.StatedLocal?.Value ?? 0}");
            }
        }
        catch (InputException e)
        {
            fullError = e;
        }

        var scanLog = new ProblemLog();
        var scanned = new List<string>();
        Exception? scanError = null;
        try
        {
            BudgetCsvReader.Scan(path, "f", Options, scanLog, (in ScannedRow row) =>
                scanned.Add($"{row.Kind} '{(row.Kind == RowKind.Site ? row.SiteId.ToString() : "")}' line {row.Line} years {row.HasFiscalYear} {string.Join('/', row.Amounts.ToArray())}"));
        }
        catch (InputException e)
        {
            scanError = e;
        }

        scanError?.Message.ShouldBe(fullError?.Message, name);
        (scanError is null).ShouldBe(fullError is null, name);
        Describe(scanLog).ShouldBe(Describe(fullLog), name);
        scanned.ShouldBe(full, name);
    }

    private static string[] Describe(ProblemLog log) =>
        [.. log.Problems.Select(p => p.Format(Language.English)), $"errors {log.ErrorCount}, omitted {log.Omitted}"];
}
