using System.Text;
using FundingMatch.Cli.Input;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Fuzz;

/// <summary>
/// What the fuzzer feeds, one target an input reader: any bytes in, and nothing out but a result or the project's own
/// input error. Any other exception, a hang or a memory blow-up is a crash. The tests replay the corpus through the
/// same methods, so that every input the fuzzer kept (and every crash it found, once fixed) stays a regression test.
/// </summary>
public static class FuzzTargets
{
    /// <summary>The targets by name, as <c>fuzz/run.sh</c> and the corpus folders name them.</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> ByName { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["amount"] = Amount,
        ["csv"] = Csv,
        ["xlsx"] = Xlsx,
        ["rules"] = Rules,
    };

    /// <summary>The amount parser, in every plain unit: a parse fails with a reason or gives whole won.</summary>
    public static void Amount(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        foreach (var unit in Enum.GetValues<AmountUnit>())
        {
            if (Won.TryParse(text, unit, out var value, out var error) == (error != AmountParseError.None))
            {
                throw new InvalidOperationException($"TryParse and its error disagree on '{text}': {value}, {error}");
            }
        }
    }

    /// <summary>The budget CSV reader, with every optional column set read.</summary>
    public static void Csv(byte[] input) => ReadBudget(input, isWorkbook: false);

    /// <summary>The .xlsx reader and then the CSV reader over the sheet.</summary>
    public static void Xlsx(byte[] input) => ReadBudget(input, isWorkbook: true);

    /// <summary>The strict rules-file loader.</summary>
    public static void Rules(byte[] input)
    {
        try
        {
            var program = RulesFile.Parse(input, "fuzz.json");
            _ = program.Latest.Constraints.Count;
        }
        catch (RulesException)
        {
            // a rules file that breaks the format: the loader's own error, with its place
        }
    }

    private static void ReadBudget(byte[] input, bool isWorkbook)
    {
        var options = new BudgetReadOptions(AmountUnit.Won, EncodingChoice.Auto, ApplicantColumns: true, SettlementColumns: true);
        var log = new ProblemLog();
        try
        {
            using var stream = new MemoryStream(input, writable: false);
            foreach (var row in BudgetCsvReader.Read(stream, isWorkbook, isWorkbook ? "fuzz.xlsx" : "fuzz.csv", options, log))
            {
                _ = row.Site.Total;
            }
        }
        catch (InputException)
        {
            // a workbook that cannot be read: the reader's own error
        }
        foreach (var problem in log.Problems)
        {
            _ = problem.Format(Text.Language.English);
        }
    }
}
