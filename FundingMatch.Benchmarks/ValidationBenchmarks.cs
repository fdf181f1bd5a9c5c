using BenchmarkDotNet.Attributes;
using FundingMatch.Budgets;
using FundingMatch.Rules;
using FundingMatch.Totals;
using FundingMatch.Validation;

namespace FundingMatch.Benchmarks;

/// <summary>Validation in memory of budgets already parsed, against summing them as the floor.</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private SiteBudget[] _sites = [];
    private ProgramRules _rules = null!;

    [Params(1_000_000)]
    public int Sites { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sites = Data.Sites(Sites);
        _rules = Data.Rules2020Without("sites-in-round", "envelope");
    }

    /// <summary>The floor: program totals only (one pass over the budgets, no rules).</summary>
    [Benchmark(Baseline = true)]
    public ProgramTotals TotalsOnly()
    {
        var builder = new ProgramTotalsBuilder();
        foreach (var site in _sites)
        {
            builder.Add(site);
        }
        return builder.Build(null);
    }

    /// <summary>Every per-site rule and the program's, streaming: sites are assessed and dropped.</summary>
    [Benchmark]
    public int ValidateStreaming()
    {
        var check = new BudgetCheck(_rules);
        var errors = 0;
        foreach (var site in _sites)
        {
            errors += check.Add(site).Findings.Count;
        }
        return errors + check.Complete().SiteFindings.Count;
    }
}
