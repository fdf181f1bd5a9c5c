using BenchmarkDotNet.Attributes;
using FundingMatch.Cli.Input;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Scenarios;

namespace FundingMatch.Benchmarks;

/// <summary>
/// A 100-scenario sweep over 100k sites, against the same 100 scenarios done one at a time the way a user without
/// sweeps would: read the budgets, evaluate one scenario, repeat.
/// </summary>
[MemoryDiagnoser]
public class SweepBenchmarks
{
    private string _path = "";
    private ProgramRules _rules = null!;
    private IReadOnlyList<Scenario> _scenarios = [];
    private readonly BudgetReadOptions _options = new(AmountUnit.Won, EncodingChoice.Utf8);

    [Params(100_000)]
    public int Sites { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Data.CsvFile(Sites);
        _rules = Data.Rules2020Without("sites-in-round");
        _scenarios = ScenarioGrid.Expand(
        [
            ScenarioGrid.ParseRange("per-site-cap=10억..55억:5억", _rules),   // 10 values
            ScenarioGrid.ParseRange("envelope=1조..10조:1조", _rules),          // 10 values
        ], _rules);
    }

    private List<Budgets.SiteBudget> Read() =>
        BudgetCsvReader.Read(_path, _path, _options, new ProblemLog()).Select(r => r.Site).ToList();

    [Benchmark(Baseline = true, Description = "one scenario × 100 (read + evaluate each)")]
    public long OneAtATime()
    {
        long allocated = 0;
        foreach (var scenario in _scenarios)
        {
            allocated += ScenarioRunner.Evaluate(_rules, Read(), scenario).Allocated.Value;
        }
        return allocated;
    }

    [Benchmark(Description = "sweep of 100 (read once, all cores)")]
    public long Sweep() => ScenarioRunner.Run(_rules, Read(), _scenarios).Scenarios.Sum(s => s.Allocated.Value);
}
