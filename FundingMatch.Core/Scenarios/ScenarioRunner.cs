using FundingMatch.Allocation;
using FundingMatch.Budgets;
using FundingMatch.Figures;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Validation;

namespace FundingMatch.Scenarios;

/// <summary>One site under one scenario.</summary>
/// <param name="SiteId">The site.</param>
/// <param name="Passed">True when it breaks no per-site rule (warnings aside) and its id is not repeated.</param>
/// <param name="Codes">Its finding codes.</param>
/// <param name="MaxNational">The largest national amount the scenario allows it; null when no constraint bounds national money.</param>
/// <param name="Award">Its award when the scenario's envelope is allocated (its national funds are its request).</param>
public sealed record SiteOutcome(string SiteId, bool Passed, IReadOnlyList<string> Codes, Won? MaxNational, Won Award);

/// <summary>How one site differs between the base program and a scenario.</summary>
/// <param name="SiteId">The site.</param>
/// <param name="PassedBefore">Its status under the base program.</param>
/// <param name="PassedAfter">Its status under the scenario.</param>
/// <param name="AwardBefore">Its award under the base program.</param>
/// <param name="AwardAfter">Its award under the scenario.</param>
public sealed record SiteChange(string SiteId, bool PassedBefore, bool PassedAfter, Won AwardBefore, Won AwardAfter)
{
    /// <summary>True when the site passes under one and fails under the other.</summary>
    public bool StatusChanged => PassedBefore != PassedAfter;

    /// <summary>How far the award moves: after − before.</summary>
    public Won AwardDelta => AwardAfter - AwardBefore;
}

/// <summary>
/// A scenario evaluated over a set of sites. Per-site results are kept in arrays (a sweep of a hundred scenarios over
/// a hundred thousand sites holds ten million of them) and turned into <see cref="SiteOutcome"/>s on demand.
/// </summary>
public sealed class ScenarioResult
{
    private readonly IReadOnlyList<SiteBudget> _sites;
    private readonly ulong[] _broken;
    private readonly ulong _errorMask;
    private readonly SiteFacts _facts;
    private readonly long[] _maxNational;
    private readonly long[] _awards;
    private readonly long _unit;

    internal ScenarioResult(Scenario scenario, ProgramRules rules, AllocationMethod method, IReadOnlyList<SiteBudget> sites, SiteFacts facts,
        ulong[] broken, long[] maxNational, long[] awardsInUnits, long unit, Won envelope, IReadOnlyList<string> programCodes)
    {
        Scenario = scenario;
        Rules = rules;
        Method = method;
        _sites = sites;
        _facts = facts;
        _broken = broken;
        for (var c = 0; c < rules.SiteConstraints.Count; c++)
        {
            _errorMask |= rules.SiteConstraints[c].Severity == Validation.Severity.Error ? 1UL << c : 0;
        }
        _maxNational = maxNational;
        _awards = awardsInUnits;
        _unit = unit;
        Envelope = envelope;
        ProgramCodes = programCodes;
        long requested = 0, allowed = 0, allocated = 0;
        var passing = 0;
        for (var i = 0; i < sites.Count; i++)
        {
            var national = sites[i].National.Value;
            requested = checked(requested + national);
            allowed = checked(allowed + Math.Min(national, maxNational[i] < 0 ? national : maxNational[i]));
            allocated = checked(allocated + awardsInUnits[i] * unit);
            if (PassedAt(i))
            {
                passing++;
            }
        }
        NationalRequested = new Won(requested);
        NationalAllowed = new Won(allowed);
        Allocated = new Won(allocated);
        Passing = passing;
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>The rules it amounts to.</summary>
    public ProgramRules Rules { get; }

    /// <summary>The allocation method used.</summary>
    public AllocationMethod Method { get; }

    /// <summary>Sites that pass.</summary>
    public int Passing { get; }

    /// <summary>Sites that fail.</summary>
    public int Failing => _sites.Count - Passing;

    /// <summary>The program's findings (envelope, number of sites) under the scenario.</summary>
    public IReadOnlyList<string> ProgramCodes { get; }

    /// <summary>National money the sites ask for.</summary>
    public Won NationalRequested { get; }

    /// <summary>National money the scenario allows them: per site, the smaller of what it asks and its largest national amount (what it asks, without one).</summary>
    public Won NationalAllowed { get; }

    /// <summary>The envelope allocated.</summary>
    public Won Envelope { get; }

    /// <summary>The sum of the awards.</summary>
    public Won Allocated { get; }

    /// <summary>The number of sites.</summary>
    public int SiteCount => _sites.Count;

    /// <summary>The outcome of site <paramref name="index"/> (in input order).</summary>
    public SiteOutcome Site(int index)
    {
        var codes = new List<string>(ConsistencyChecks.Codes(_sites[index]));
        for (var c = 0; c < Rules.SiteConstraints.Count; c++)
        {
            if ((_broken[index] & (1UL << c)) != 0)
            {
                codes.Add(Rules.SiteConstraints[c].Code);
            }
        }
        if (_facts.Duplicate[index])
        {
            codes.Add(FindingCodes.DuplicateSite);
        }
        codes.Sort(StringComparer.Ordinal);
        return new SiteOutcome(_sites[index].SiteId, PassedAt(index), codes, _maxNational[index] < 0 ? null : new Won(_maxNational[index]), AwardAt(index));
    }

    /// <summary>How site <paramref name="index"/> differs between <paramref name="baseline"/> and this scenario.</summary>
    public SiteChange ChangeAt(int index, ScenarioResult baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return new SiteChange(_sites[index].SiteId, baseline.PassedAt(index), PassedAt(index), baseline.AwardAt(index), AwardAt(index));
    }

    /// <summary>Every site whose status or award differs from <paramref name="baseline"/>, in input order.</summary>
    public IReadOnlyList<SiteChange> ChangesFrom(ScenarioResult baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var changes = new List<SiteChange>();
        for (var i = 0; i < _sites.Count; i++)
        {
            var change = ChangeAt(i, baseline);
            if (change.StatusChanged || change.AwardDelta != Won.Zero)
            {
                changes.Add(change);
            }
        }
        return changes;
    }

    internal bool PassedAt(int i) => (_broken[i] & _errorMask) == 0 && !_facts.BuiltInError[i] && !_facts.Duplicate[i];

    internal Won AwardAt(int i) => new(_awards[i] * _unit);
}

/// <summary>Every scenario of a sweep, and the base program they are compared with.</summary>
/// <param name="Base">The base program, evaluated like a scenario with no changes.</param>
/// <param name="Scenarios">The scenarios, in the order given, whatever the order they were computed in.</param>
public sealed record SweepResult(ScenarioResult Base, IReadOnlyList<ScenarioResult> Scenarios);

/// <summary>
/// Evaluates what-if scenarios over site budgets that were parsed once: each scenario's per-site status, its totals
/// and its allocation, on all cores, with results in a stable order whatever the thread timing.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>Evaluates the base program and every scenario.</summary>
    /// <param name="baseRules">The base program version.</param>
    /// <param name="sites">The sites, parsed once.</param>
    /// <param name="scenarios">The scenarios.</param>
    /// <param name="method">The allocation method of a scenario that sets none.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    /// <param name="progress">Told how many scenarios are done, if given.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    /// <exception cref="OperationCanceledException">The sweep was cancelled.</exception>
    public static SweepResult Run(ProgramRules baseRules, IReadOnlyList<SiteBudget> sites, IReadOnlyList<Scenario> scenarios,
        AllocationMethod method = AllocationMethod.Equal, int maxDegreeOfParallelism = -1, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseRules);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(scenarios);
        var facts = SiteFacts.Of(sites);
        var applicants = sites.Select(s => new Applicant(s, s.National)).ToArray();
        var baseResult = Evaluate(new Scenario { Name = "base" }, baseRules, sites, applicants, facts, method);
        var rules = scenarios.Select(s => s.Apply(baseRules)).ToArray(); // a bad value fails here, before any work
        var results = new ScenarioResult[scenarios.Count];
        var done = 0;
        Parallel.For(0, scenarios.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
        {
            results[i] = Evaluate(scenarios[i], rules[i], sites, applicants, facts, method);
            progress?.Report(Interlocked.Increment(ref done));
        });
        return new SweepResult(baseResult, results);
    }

    /// <summary>Evaluates one scenario (on the calling thread).</summary>
    public static ScenarioResult Evaluate(ProgramRules baseRules, IReadOnlyList<SiteBudget> sites, Scenario scenario, AllocationMethod method = AllocationMethod.Equal)
    {
        ArgumentNullException.ThrowIfNull(baseRules);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(scenario);
        return Evaluate(scenario, scenario.Apply(baseRules), sites, sites.Select(s => new Applicant(s, s.National)).ToArray(), SiteFacts.Of(sites), method);
    }

    private static ScenarioResult Evaluate(Scenario scenario, ProgramRules rules, IReadOnlyList<SiteBudget> sites, Applicant[] applicants,
        SiteFacts facts, AllocationMethod method)
    {
        var constraints = rules.SiteConstraints;
        if (constraints.Count > 64)
        {
            throw new ArgumentException($"A what-if sweep judges at most 64 site constraints; {rules.ProgramId} has {constraints.Count}.", nameof(scenario));
        }
        var n = sites.Count;
        var rounding = rules.Rounding.Value;
        var broken = new ulong[n];
        var maxNational = new long[n];
        for (var i = 0; i < n; i++)
        {
            var site = sites[i];
            ulong bits = 0;
            long max = -1;
            for (var c = 0; c < constraints.Count; c++)
            {
                var constraint = constraints[c];
                if (constraint.IsBrokenBy(site, rounding))
                {
                    bits |= 1UL << c;
                }
                if (constraint.NationalLimit(site, rounding) is { } limit && (max < 0 || limit.Value < max))
                {
                    max = limit.Value;
                }
            }
            broken[i] = bits;
            maxNational[i] = max;
        }
        var programCodes = new List<string>();
        foreach (var constraint in rules.ProgramConstraints)
        {
            if (constraint.IsBrokenBy(facts.Totals))
            {
                programCodes.Add(constraint.Code);
            }
        }

        var chosen = scenario.Method ?? method;
        var unit = scenario.AwardUnit?.Value ?? rules.Rounding.Value.Unit;
        var awards = new long[n];
        var allocationEnvelope = rules.NationalEnvelope?.Amount ?? Won.Zero;
        if (rules.NationalEnvelope is not null)
        {
            var allocatable = facts.Allocatable;
            var subset = allocatable.Length == n ? applicants : allocatable.Select(i => applicants[i]).ToArray();
            var computed = Allocator.Compute(rules, subset, new AllocationOptions { Method = chosen, AwardUnit = scenario.AwardUnit });
            unit = computed.Unit;
            for (var k = 0; k < allocatable.Length; k++)
            {
                awards[allocatable[k]] = computed.Awards[k];
            }
        }
        return new ScenarioResult(scenario, rules, chosen, sites, facts, broken, maxNational, awards, unit, allocationEnvelope, programCodes);
    }
}
