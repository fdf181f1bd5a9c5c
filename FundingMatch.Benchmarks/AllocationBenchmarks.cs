using BenchmarkDotNet.Attributes;
using FundingMatch.Allocation;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Benchmarks;

/// <summary>Each allocation method against <see cref="Array.Sort(long[])"/> of as many longs, the floor of any method that sorts.</summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private Applicant[] _applicants = [];
    private long[] _longs = [];
    private long[] _work = [];
    private ProgramRules _rules = null!;
    private Won _envelope;

    [Params(1_000, 100_000, 1_000_000)]
    public int Applicants { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rules = ProgramCatalog.Embedded.Get(ProgramCatalog.DefaultProgramId).Latest;
        var sites = Data.Sites(Applicants);
        var random = new Random(7);
        _applicants = sites.Select(s => new Applicant(s, s.National, random.Next(0, 10_000) / 100m)).ToArray();
        // A third of what the applicants ask for: the envelope binds, as it does in a real round.
        _envelope = new Won(sites.Sum(s => s.National.Value) / 3 / 1000 * 1000);
        _longs = _applicants.Select(a => a.Site.Total.Value).ToArray();
        _work = new long[_longs.Length];
    }

    [Benchmark(Baseline = true, Description = "Array.Sort of n longs")]
    public long SortLongs()
    {
        Array.Copy(_longs, _work, _longs.Length);
        Array.Sort(_work);
        return _work[0];
    }

    [Benchmark(Description = "equal")]
    public Won Equal() => Allocator.Allocate(_rules, _applicants, new AllocationOptions { Method = AllocationMethod.Equal, Envelope = _envelope }).Allocations[0].Award;

    [Benchmark(Description = "proportional")]
    public Won Proportional() => Allocator.Allocate(_rules, _applicants, new AllocationOptions { Method = AllocationMethod.Proportional, Envelope = _envelope }).Allocations[0].Award;

    [Benchmark(Description = "ranked")]
    public Won Ranked() => Allocator.Allocate(_rules, _applicants, new AllocationOptions { Method = AllocationMethod.Ranked, Envelope = _envelope }).Allocations[0].Award;
}
