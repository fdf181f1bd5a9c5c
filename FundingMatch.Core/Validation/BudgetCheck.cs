using System.Runtime.CompilerServices;
using FundingMatch.Budgets;
using FundingMatch.Figures;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;
using FundingMatch.Text;
using FundingMatch.Totals;

namespace FundingMatch.Validation;

/// <summary>
/// Checks a program's site budgets against its rules. Sites can be added one at a time as they are read
/// (<see cref="Add(SiteBudget)"/>, then <see cref="Complete"/>), so a stream of budgets needs no more memory than the
/// per-site ids; <see cref="Run(ProgramRules, IEnumerable{SiteBudget})"/> does both for a list.
/// </summary>
public sealed class BudgetCheck
{
    private readonly ProgramRules _rules;
    private readonly ProgramTotalsBuilder _totals = new();
    // Every site's id, for the repeated ids Complete finds: 32 bits of its hash, and its characters one after another
    // in one array (site i's end at _idEnds[i]), not a string kept a site, so that a million streamed sites leave the
    // collector a few large arrays to keep, not a million small objects to trace. Each place is kept as numbers (a
    // file's index and a line), not as the site's SourceLocation, for the same reason.
    private uint[] _fingerprints = new uint[16];
    private char[] _idChars = new char[256];
    private int[] _idEnds = new int[16];
    private readonly List<(int Source, int Line)> _places = [];
    private readonly List<string> _sources = [];
    private int _count;

    // The totals rows (합계, 소계) that Excel sheets carry: checked against the sites, never taken for sites.
    private readonly StatedTotals _stated = new();

    private readonly bool _trackDuplicates;

    // Whether every site constraint judges a site by its facts alone (TryPass can then judge without a budget).
    private readonly bool _judgesFacts;

    /// <summary>Starts a check under <paramref name="rules"/>.</summary>
    /// <param name="rules">The program version.</param>
    /// <param name="trackDuplicates">
    /// False when the caller finds repeated ids itself (with <see cref="DuplicateIds"/> over a stream read twice) and adds
    /// <see cref="DuplicateFinding"/>s: the check then keeps nothing a site.
    /// </param>
    public BudgetCheck(ProgramRules rules, bool trackDuplicates = true)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
        _trackDuplicates = trackDuplicates;
        _judgesFacts = true;
        foreach (var constraint in rules.SiteConstraintSpan)
        {
            _judgesFacts &= constraint.JudgesFacts;
        }
    }

    /// <summary>The <see cref="FindingCodes.DuplicateSite"/> finding for a site whose id is also at <paramref name="otherPlaces"/>.</summary>
    /// <param name="site">The site.</param>
    /// <param name="otherPlaces">Where else the id is, written for people (<c>plan.csv:7</c>).</param>
    public static Finding DuplicateFinding(SiteBudget site, IReadOnlyList<string> otherPlaces)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(otherPlaces);
        var places = string.Join(", ", otherPlaces);
        var count = otherPlaces.Count + 1;
        return new Finding
        {
            Code = FindingCodes.DuplicateSite,
            Severity = Severity.Error,
            SiteId = site.SiteId,
            Expected = "a site id used once",
            Actual = $"{count} times",
            Message = new LocalizedText(
                $"사업장코드 {site.SiteId}이(가) {count}번 나옵니다 (다른 위치: {places})",
                $"site id {site.SiteId} appears {count} times (also at {places})"),
            Origin = site.Origin,
        };
    }

    /// <summary>An assessment with one more finding, in finding order.</summary>
    public static SiteAssessment WithFinding(SiteAssessment assessment, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment with { Findings = Order(assessment.Findings.Append(finding)) };
    }

    /// <summary>Checks every site and the program, in one call.</summary>
    public static CheckReport Run(ProgramRules rules, IEnumerable<SiteBudget> sites) => Run(rules, sites, null);

    /// <summary>
    /// Checks every site and the program, in one call, with the totals rows of the files already set against the sites
    /// (<paramref name="statedTotals"/>, fed in file order): their mismatches join the program's findings.
    /// </summary>
    public static CheckReport Run(ProgramRules rules, IEnumerable<SiteBudget> sites, StatedTotals? statedTotals)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var check = new BudgetCheck(rules);
        if (statedTotals is not null)
        {
            check._stated.Adopt(statedTotals);
        }
        var assessed = sites.Select(check.Add).ToList();
        var completion = check.Complete();
        foreach (var (index, finding) in completion.SiteFindings)
        {
            var a = assessed[index];
            assessed[index] = a with { Findings = Order(a.Findings.Append(finding)) };
        }
        return new CheckReport(rules, assessed, completion.ProgramFindings, completion.Totals) { StatedTotals = completion.StatedTotals };
    }

    /// <summary>Checks one site: its figures and every per-site rule. Duplicates are found by <see cref="Complete"/>.</summary>
    public SiteAssessment Add(SiteBudget site) => Add(Assess(site));

    /// <summary>
    /// Judges one site against the rules (its figures and every per-site rule) without adding it to the program:
    /// safe to call from several threads at once, so that sites can be judged while others are read or written.
    /// Give the result to <see cref="Add(SiteAssessment)"/>, in the sites' order, to count it in the program.
    /// </summary>
    public SiteAssessment Assess(SiteBudget site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var figures = SiteFigures.Compute(_rules, site);
        var findings = CheckSite(site, figures);
        IReadOnlyList<Finding> ordered = findings switch
        {
            null => [],
            { Count: 1 } => findings,
            _ => Order(findings),
        };
        return new SiteAssessment(site, figures, ordered);
    }

    /// <summary>
    /// Judges a site by its facts, for a stream of sites that mostly pass: true, with its figures, when it passes every
    /// rule with no finding at all, neither error nor warning (what <see cref="Assess"/> says of a budget with these
    /// facts, not split by fiscal year); false when it has any finding, or when a rule of the program reads more of a
    /// site than its facts (<see cref="Constraint.JudgesFacts"/>): <see cref="Assess"/> its budget then, for the
    /// findings. Makes nothing; safe on several threads at once. Count a site that passes with
    /// <see cref="AddPassed"/>, in the sites' order.
    /// </summary>
    // Hot for every site of a large file the CLI checks: optimized from its first call (BENCHMARKS.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryPass(in SiteFacts site, out SiteFigures figures)
    {
        figures = default;
        if (!_judgesFacts || ConsistencyChecks.AnyFinding(site))
        {
            return false;
        }
        var rounding = _rules.Rounding.Value;
        Won? max = null;
        string? binding = null;
        foreach (var constraint in _rules.SiteConstraintSpan)
        {
            if (constraint.IsBrokenBy(site, rounding))
            {
                return false;
            }
            // As SiteFigures.LargestNational: the smallest bound, the first listed on a tie.
            if (constraint.NationalLimit(site, rounding) is { } limit && (max is null || limit < max.Value))
            {
                max = limit;
                binding = constraint.Key;
            }
        }
        figures = new SiteFigures
        {
            Total = site.Total,
            National = site.National,
            MaxNational = max,
            BindingLimit = binding,
            LimitRounding = rounding,
        };
        return true;
    }

    /// <summary>
    /// Counts a site that <see cref="TryPass"/> passed in the program (its totals, and the totals rows of
    /// <paramref name="source"/>, the file it was read from, if any), in the sites' order among <see cref="Add(SiteAssessment)"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The check tracks repeated ids itself, which needs each site's id: add a <see cref="SiteAssessment"/>.</exception>
    // Hot for every site of a large file the CLI checks: optimized from its first call (BENCHMARKS.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddPassed(in SiteFacts site, string region, string? source)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (_trackDuplicates)
        {
            throw new InvalidOperationException("This check tracks repeated ids: add each site as a SiteAssessment, with its id.");
        }
        _totals.Add(site, region);
        _stated.AddSite(site, source);
        _count++;
    }

    /// <summary>
    /// Counts a site judged by <see cref="Assess"/> in the program (its totals, the totals rows, repeated ids) and
    /// returns it: <c>Add(Assess(site))</c> is <see cref="Add(SiteBudget)"/>.
    /// </summary>
    public SiteAssessment Add(SiteAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var site = assessment.Site;
        _totals.Add(site);
        _stated.AddSite(site);
        if (_trackDuplicates)
        {
            _places.Add(Place(site.Origin));
            Keep(site.SiteId);
        }
        _count++;
        return assessment;
    }

    /// <summary>
    /// Sets a totals row of a file (합계, 소계) against the sites added from the same file before it (see
    /// <see cref="StatedTotals"/>); its result and any <see cref="FindingCodes.StatedTotalMismatch"/> come with
    /// <see cref="Complete"/>.
    /// </summary>
    public void AddStatedTotals(SiteBudget row, bool subtotal) => _stated.AddTotalsRow(row, subtotal);

    /// <summary>
    /// Ends the check: the program's findings and totals, and the findings that only the whole set of sites can
    /// show (a duplicate id is reported on every site that has it), by the index of the site in the order added.
    /// </summary>
    public CheckCompletion Complete()
    {
        var siteFindings = new List<(int, Finding)>();
        foreach (var (id, indices) in Repeated())
        {
            foreach (var index in indices)
            {
                var others = indices.Where(i => i != index).Select(i => Origin(i)?.ToString() ?? $"site #{i + 1}").ToList();
                siteFindings.Add((index, DuplicateFinding(new SiteBudget { SiteId = id, Origin = Origin(index) }, others)));
            }
        }
        siteFindings.Sort((a, b) => a.Item1.CompareTo(b.Item1));

        var totals = _totals.Build(_rules.NationalEnvelope?.Amount);
        var programFindings = new List<Finding>(_stated.Findings);
        foreach (var constraint in _rules.ProgramConstraints)
        {
            if (constraint.IsBrokenBy(totals))
            {
                programFindings.Add(constraint.FindingFor(totals));
            }
        }
        return new CheckCompletion(siteFindings, programFindings, totals) { StatedTotals = _stated.Results };
    }

    // Site _count's id (tracked sites are counted from the first, so the count is the place).
    private void Keep(string id)
    {
        if (_count == _fingerprints.Length)
        {
            Array.Resize(ref _fingerprints, _count * 2);
            Array.Resize(ref _idEnds, _count * 2);
        }
        var start = _count == 0 ? 0 : _idEnds[_count - 1];
        if (start + id.Length > _idChars.Length)
        {
            Array.Resize(ref _idChars, Math.Max(_idChars.Length * 2, start + id.Length));
        }
        id.CopyTo(_idChars.AsSpan(start));
        _idEnds[_count] = start + id.Length;
        _fingerprints[_count] = IdHashes.Fingerprint(id);
    }

    // Every id given more than once, with its places in order; in ordinal order of the ids.
    private IEnumerable<(string Id, List<int> Places)> Repeated()
    {
        var ids = new KeptIds(_idChars, _idEnds);
        var byFirst = new Dictionary<int, List<int>>();
        foreach (var (first, later) in RepeatedIds.Find(_fingerprints.AsSpan(0, _trackDuplicates ? _count : 0), ids))
        {
            if (!byFirst.TryGetValue(first, out var places))
            {
                byFirst.Add(first, places = [first]);
            }
            places.Add(later);
        }
        return byFirst.Select(kv => (ids.At(kv.Key).ToString(), kv.Value)).OrderBy(r => r.Item1, StringComparer.Ordinal);
    }

    private readonly struct KeptIds(char[] chars, int[] ends) : RepeatedIds.IIds
    {
        public ReadOnlySpan<char> At(int i) => chars.AsSpan((i == 0 ? 0 : ends[i - 1])..ends[i]);

        public bool Same(int x, int y) => At(x).SequenceEqual(At(y));
    }

    private (int Source, int Line) Place(SourceLocation? origin)
    {
        if (origin is null)
        {
            return (-1, 0);
        }
        // Sites come file by file: the last file's name is nearly always the one.
        var source = _sources.Count > 0 && ReferenceEquals(_sources[^1], origin.Source) ? _sources.Count - 1 : _sources.IndexOf(origin.Source);
        if (source < 0)
        {
            _sources.Add(origin.Source);
            source = _sources.Count - 1;
        }
        return (source, origin.Line);
    }

    private SourceLocation? Origin(int index) => _places[index] is var (source, line) && source >= 0 ? new SourceLocation(_sources[source], line) : null;

    // Errors first, then by code, fiscal year and English message: the message, the costly key, is read only to break
    // a tie of the others (a site's findings are a handful: a stable insertion sort).
    private static IReadOnlyList<Finding> Order(IEnumerable<Finding> findings)
    {
        var ordered = findings.ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var item = ordered[i];
            var j = i - 1;
            for (; j >= 0 && Compare(ordered[j], item) > 0; j--)
            {
                ordered[j + 1] = ordered[j];
            }
            ordered[j + 1] = item;
        }
        return ordered;
    }

    private static int Compare(Finding x, Finding y)
    {
        var byKeys = y.Severity.CompareTo(x.Severity);
        if (byKeys == 0)
        {
            byKeys = string.CompareOrdinal(x.Code, y.Code);
        }
        if (byKeys == 0)
        {
            byKeys = (x.FiscalYear ?? 0).CompareTo(y.FiscalYear ?? 0);
        }
        return byKeys != 0 ? byKeys : string.CompareOrdinal(x.Message.English, y.Message.English);
    }

    private List<Finding>? CheckSite(SiteBudget site, SiteFigures figures)
    {
        // Most sites pass: the list is made only for a site with something to say.
        List<Finding>? findings = null;
        var rounding = _rules.Rounding.Value;
        foreach (var constraint in _rules.SiteConstraintSpan)
        {
            if (constraint.IsBrokenBy(site, rounding))
            {
                (findings ??= []).Add(constraint.FindingFor(site, rounding));
            }
            if (constraint.Header.PerYear && site.FiscalYears.Count > 0)
            {
                CheckEachYear(site, constraint, rounding, ref findings);
            }
        }
        ConsistencyChecks.Add(site, figures.Total, ref findings);
        return findings;
    }

    // A per-year constraint holds in every fiscal year too: a project can pass overall and still break it in one year.
    private static void CheckEachYear(SiteBudget site, Constraint constraint, RoundingPolicy rounding, ref List<Finding>? findings)
    {
        foreach (var year in site.FiscalYears)
        {
            var part = site.ForYear(year);
            if (constraint.IsBrokenBy(part, rounding))
            {
                var finding = constraint.FindingFor(part, rounding);
                (findings ??= []).Add(finding with
                {
                    FiscalYear = year,
                    Message = LocalizedText.Deferred(language => language == Language.Korean
                        ? $"{year}회계연도: {finding.Message.Korean}"
                        : $"fiscal year {year}: {finding.Message.English}"),
                });
            }
        }
    }
}
