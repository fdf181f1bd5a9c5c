using System.Globalization;
using FundingMatch.Budgets;
using FundingMatch.Figures;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Text;
using FundingMatch.Totals;
using NodaTime.Text;

namespace FundingMatch.Validation;

/// <summary>One site's result: its budget, its figures and what the check found.</summary>
/// <param name="Site">The budget.</param>
/// <param name="Figures">Its figures under the program.</param>
/// <param name="Findings">The site's findings: errors first, then warnings, each in code order.</param>
public sealed record SiteAssessment(SiteBudget Site, SiteFigures Figures, IReadOnlyList<Finding> Findings)
{
    /// <summary>True when no finding is an error.</summary>
    public bool Passed => Findings.All(f => f.Severity != Severity.Error);
}

/// <summary>Counts for a one-line summary.</summary>
/// <param name="Sites">How many sites were checked.</param>
/// <param name="Errors">Error findings, site and program.</param>
/// <param name="Warnings">Warning findings, site and program.</param>
/// <param name="Passed">Sites with no error.</param>
public sealed record CheckSummary(int Sites, int Errors, int Warnings, int Passed)
{
    /// <summary>True when there is no error (and, if <paramref name="strict"/>, no warning).</summary>
    public bool PlanPasses(bool strict) => Errors == 0 && (!strict || Warnings == 0);
}

/// <summary>The whole check of a program's sites.</summary>
/// <param name="Rules">The program version applied.</param>
/// <param name="Sites">Every site, in input order.</param>
/// <param name="ProgramFindings">Findings about the program as a whole.</param>
/// <param name="Totals">The program's totals.</param>
public sealed record CheckReport(ProgramRules Rules, IReadOnlyList<SiteAssessment> Sites, IReadOnlyList<Finding> ProgramFindings, ProgramTotals Totals)
{
    /// <summary>The counts for a summary line.</summary>
    public CheckSummary Summary
    {
        get
        {
            var tally = new CheckTally();
            foreach (var site in Sites)
            {
                tally.Add(site);
            }
            tally.AddProgramFindings(ProgramFindings);
            return tally.Summary;
        }
    }
}

/// <summary>Counts sites and findings as they come, for a check that streams its sites instead of keeping them.</summary>
public sealed class CheckTally
{
    private int _sites;
    private int _errors;
    private int _warnings;
    private int _passed;

    /// <summary>Counts one assessed site and its findings.</summary>
    public void Add(SiteAssessment site)
    {
        ArgumentNullException.ThrowIfNull(site);
        _sites++;
        _passed += site.Passed ? 1 : 0;
        Count(site.Findings);
    }

    /// <summary>Counts the program's findings.</summary>
    public void AddProgramFindings(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        Count(findings);
    }

    /// <summary>The counts so far.</summary>
    public CheckSummary Summary => new(_sites, _errors, _warnings, _passed);

    private void Count(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (finding.Severity == Severity.Error)
            {
                _errors++;
            }
            else
            {
                _warnings++;
            }
        }
    }
}

/// <summary>
/// Checks a program's site budgets against its rules. Sites can be added one at a time as they are read
/// (<see cref="Add"/>, then <see cref="Complete"/>), so a stream of budgets needs no more memory than the
/// per-site ids; <see cref="Run"/> does both for a list.
/// </summary>
public sealed class BudgetCheck
{
    private readonly ProgramRules _rules;
    private readonly ProgramTotalsBuilder _totals = new();
    // The first place of every id, and every place of the ids seen more than once: a stream of distinct ids
    // costs one entry a site and no list.
    private readonly Dictionary<string, (int Index, SourceLocation? Origin)> _firstSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(int Index, SourceLocation? Origin)>> _repeated = new(StringComparer.Ordinal);
    private int _count;

    private readonly bool _trackDuplicates;

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
    public static CheckReport Run(ProgramRules rules, IEnumerable<SiteBudget> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var check = new BudgetCheck(rules);
        var assessed = sites.Select(check.Add).ToList();
        var completion = check.Complete();
        foreach (var (index, finding) in completion.SiteFindings)
        {
            var a = assessed[index];
            assessed[index] = a with { Findings = Order(a.Findings.Append(finding)) };
        }
        return new CheckReport(rules, assessed, completion.ProgramFindings, completion.Totals);
    }

    /// <summary>Checks one site: its figures and every per-site rule. Duplicates are found by <see cref="Complete"/>.</summary>
    public SiteAssessment Add(SiteBudget site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var figures = SiteFigures.Compute(_rules, site);
        var findings = CheckSite(site, figures);
        _totals.Add(site);
        if (_trackDuplicates && !_firstSeen.TryAdd(site.SiteId, (_count, site.Origin)))
        {
            if (!_repeated.TryGetValue(site.SiteId, out var places))
            {
                places = [_firstSeen[site.SiteId]];
                _repeated.Add(site.SiteId, places);
            }
            places.Add((_count, site.Origin));
        }
        _count++;
        IReadOnlyList<Finding> ordered = findings switch
        {
            null => [],
            { Count: 1 } => findings,
            _ => Order(findings),
        };
        return new SiteAssessment(site, figures, ordered);
    }

    /// <summary>
    /// Ends the check: the program's findings and totals, and the findings that only the whole set of sites can
    /// show (a duplicate id is reported on every site that has it), by the index of the site in the order added.
    /// </summary>
    public CheckCompletion Complete()
    {
        var siteFindings = new List<(int, Finding)>();
        foreach (var (id, occurrences) in _repeated.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            foreach (var (index, origin) in occurrences)
            {
                var others = occurrences.Where(o => o.Index != index).Select(o => o.Origin?.ToString() ?? $"site #{o.Index + 1}").ToList();
                siteFindings.Add((index, DuplicateFinding(new SiteBudget { SiteId = id, Origin = origin }, others)));
            }
        }
        siteFindings.Sort((a, b) => a.Item1.CompareTo(b.Item1));

        var totals = _totals.Build(_rules.Envelope?.Value);
        var programFindings = new List<Finding>();
        if (_rules.Envelope is { } envelope && totals.All.National > envelope.Value)
        {
            programFindings.Add(new Finding
            {
                Code = FindingCodes.EnvelopeExceeded,
                Severity = Severity.Error,
                Rule = ParameterKeys.Envelope,
                Citation = envelope.Citation,
                Expected = $"<= {envelope.Value}",
                Actual = totals.All.National.ToString(),
                Message = new LocalizedText(
                    $"국비 합계 {totals.All.National}원이 국비 총액 {envelope.Value}원을 {totals.All.National - envelope.Value}원 넘습니다",
                    $"national funds add up to {totals.All.National} won, {totals.All.National - envelope.Value} won over the envelope of {envelope.Value} won"),
            });
        }
        if (_rules.SitesInRound is { } sites && _count > sites.Value)
        {
            programFindings.Add(new Finding
            {
                Code = FindingCodes.TooManySites,
                Severity = Severity.Error,
                Rule = ParameterKeys.SitesInRound,
                Citation = sites.Citation,
                Expected = $"<= {sites.Value}",
                Actual = _count.ToString(CultureInfo.InvariantCulture),
                Message = new LocalizedText(
                    $"사업장이 {_count}곳으로, 이번 선정 규모 {sites.Value}곳보다 많습니다",
                    $"{_count} sites, more than the {sites.Value} the round selects"),
            });
        }
        return new CheckCompletion(siteFindings, programFindings, totals);
    }

    private static IReadOnlyList<Finding> Order(IEnumerable<Finding> findings) =>
        findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.Message.English, StringComparer.Ordinal).ToList();

    private List<Finding>? CheckSite(SiteBudget site, SiteFigures figures)
    {
        // Most sites pass: the list is made only for a site with something to say.
        var violations = SiteRules.Violations(_rules, site, figures);
        if (violations == SiteViolations.None)
        {
            return null;
        }
        List<Finding>? findings = null;
        var r = _rules;
        var total = figures.Total;

        if (violations.HasFlag(SiteViolations.NegativeAmount))
        {
            CheckNegatives(site, ref findings);
        }

        var shareMax = r.NationalShareMax;
        if (violations.HasFlag(SiteViolations.NationalShareExceeded))
        {
            AddFinding(ref findings, SiteFinding(site, FindingCodes.NationalShareExceeded, Severity.Error, ParameterKeys.NationalShareMax, shareMax.Citation,
                $"<= {shareMax.Value.ToPercentString(6)} of {total}", $"{site.National} ({figures.NationalShare?.ToPercentString() ?? "n/a"})",
                $"국비 {site.National}원({figures.NationalShare?.ToPercentString()})이 총사업비 {total}원의 {shareMax.Value.ToPercentString(6)}를 넘습니다",
                $"national funds of {site.National} won ({figures.NationalShare?.ToPercentString()}) are more than {shareMax.Value.ToPercentString(6)} of the total {total} won"));
        }

        var localMin = r.LocalShareMin;
        if (violations.HasFlag(SiteViolations.LocalShareShort))
        {
            var sources = FundingSources.Describe(r.LocalSources.Value);
            var sourcesKo = FundingSources.DescribeKorean(r.LocalSources.Value);
            AddFinding(ref findings, SiteFinding(site, FindingCodes.LocalShareShort, Severity.Error, ParameterKeys.LocalShareMin, localMin.Citation,
                $">= {figures.MinLocal}", figures.CountedLocal.ToString(),
                $"지방비({sourcesKo}) {figures.CountedLocal}원이 총사업비의 {localMin.Value.ToPercentString(6)}인 {figures.MinLocal}원에 {figures.MinLocal - figures.CountedLocal}원 모자랍니다",
                $"local funds ({sources}) of {figures.CountedLocal} won are {figures.MinLocal - figures.CountedLocal} won short of {localMin.Value.ToPercentString(6)} of the total, {figures.MinLocal} won"));
        }

        if (violations.HasFlag(SiteViolations.SiteCapExceeded) && r.PerSiteCap is { } cap)
        {
            AddFinding(ref findings, SiteFinding(site, FindingCodes.SiteCapExceeded, Severity.Error, ParameterKeys.PerSiteCap, cap.Citation,
                $"<= {cap.Value}", site.National.ToString(),
                $"국비 {site.National}원이 1곳당 상한 {cap.Value}원을 {site.National - cap.Value}원 넘습니다",
                $"national funds of {site.National} won are {site.National - cap.Value} won over the per-site cap of {cap.Value} won"));
        }

        if (violations.HasFlag(SiteViolations.DeadlineMissed) && r.CompletionDeadline is { } deadline && site.PlannedCompletion is { } planned)
        {
            var d = LocalDatePattern.Iso.Format(deadline.Value);
            var p = LocalDatePattern.Iso.Format(planned);
            AddFinding(ref findings, SiteFinding(site, FindingCodes.DeadlineMissed, Severity.Error, ParameterKeys.CompletionDeadline, deadline.Citation,
                $"<= {d}", p,
                $"준공 예정일 {p}이(가) 구축 기한 {d}보다 늦습니다",
                $"planned completion {p} is after the deadline {d}"));
        }

        if (violations.HasFlag(SiteViolations.FloorAreaBelowGuide) && r.FloorAreaGuideM2 is { } guide && site.FloorAreaM2 is { } area)
        {
            var g = guide.Value.ToString("#,0.##", CultureInfo.InvariantCulture);
            var a = area.ToString("#,0.##", CultureInfo.InvariantCulture);
            AddFinding(ref findings, SiteFinding(site, FindingCodes.FloorAreaBelowGuide, Severity.Warning, ParameterKeys.FloorAreaGuideM2, guide.Citation,
                $">= {g} m2 (a guide)", $"{a} m2",
                $"연면적 {a}m²가 구축 규모 기준 {g}m² 내외보다 작습니다",
                $"floor area of {a} m² is under the guide of about {g} m²"));
        }

        if (violations.HasFlag(SiteViolations.TotalMismatch) && site.StatedTotal is { } stated)
        {
            AddFinding(ref findings, SiteFinding(site, FindingCodes.TotalMismatch, Severity.Error, null, null,
                total.ToString(), stated.ToString(),
                $"적힌 총사업비 {stated}원이 국비+지방비+민간 {total}원과 {stated - total}원 다릅니다",
                $"the stated total of {stated} won differs from national + local + private, {total} won, by {stated - total} won"));
        }

        if (violations.HasFlag(SiteViolations.LocalMismatch) && site.StatedLocal is { } statedLocal)
        {
            AddFinding(ref findings, SiteFinding(site, FindingCodes.LocalMismatch, Severity.Error, null, null,
                site.Local.ToString(), statedLocal.ToString(),
                $"적힌 지방비 {statedLocal}원이 시·도비+시·군·구비 {site.Local}원과 {statedLocal - site.Local}원 다릅니다",
                $"the stated local funds of {statedLocal} won differ from provincial + municipal, {site.Local} won, by {statedLocal - site.Local} won"));
        }

        if (violations.HasFlag(SiteViolations.NoNationalFunds))
        {
            AddFinding(ref findings, SiteFinding(site, FindingCodes.NoNationalFunds, Severity.Warning, null, null,
                "> 0", "0",
                "국비가 0원입니다",
                "national funds are zero"));
        }
        return findings;
    }

    private static void AddFinding(ref List<Finding>? findings, Finding finding) => (findings ??= []).Add(finding);

    private static void CheckNegatives(SiteBudget site, ref List<Finding>? findings)
    {
        foreach (var (en, ko, amount) in new[]
        {
            ("national", "국비", site.National), ("provincial", "시·도비", site.Provincial), ("municipal", "시·군·구비", site.Municipal),
            ("local", "지방비", site.UnsplitLocal), ("private", "민간", site.Private),
        })
        {
            if (amount.IsNegative)
            {
                AddFinding(ref findings, SiteFinding(site, FindingCodes.NegativeAmount, Severity.Error, null, null, ">= 0", amount.ToString(),
                    $"{ko}이(가) 음수({amount}원)입니다",
                    $"{en} funds are negative ({amount} won)"));
            }
        }
    }

private static Finding SiteFinding(SiteBudget site, string code, Severity severity, string? rule, Citation? citation,
        string expected, string actual, string ko, string en) => new()
        {
            Code = code,
            Severity = severity,
            SiteId = site.SiteId,
            Rule = rule,
            Citation = citation,
            Expected = expected,
            Actual = actual,
            Message = new LocalizedText(ko, en),
            Origin = site.Origin,
        };
}

/// <summary>What <see cref="BudgetCheck.Complete"/> found.</summary>
/// <param name="SiteFindings">Findings about single sites that only the whole set shows, by the site's index in the order added.</param>
/// <param name="ProgramFindings">Findings about the program.</param>
/// <param name="Totals">The program's totals.</param>
public sealed record CheckCompletion(IReadOnlyList<(int SiteIndex, Finding Finding)> SiteFindings, IReadOnlyList<Finding> ProgramFindings, ProgramTotals Totals);
