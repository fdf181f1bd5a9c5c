using FundingMatch.Budgets;
using FundingMatch.Explanations;
using FundingMatch.Money;

namespace FundingMatch.Allocation;

/// <summary>How an envelope is split among applicants.</summary>
public enum AllocationMethod
{
    /// <summary>Max-min fair (water-filling): the same amount for every site, but never more than its entitlement.</summary>
    Equal,

    /// <summary>Awards proportional to entitlements.</summary>
    Proportional,

    /// <summary>By score, highest first (ties by site id): full entitlements until the envelope runs out.</summary>
    Ranked,
}

/// <summary>What <see cref="AllocationMethod.Ranked"/> does with the first site that does not fit in what is left.</summary>
public enum PartialAward
{
    /// <summary>It gets what is left (the default).</summary>
    Award,

    /// <summary>It is skipped, and the next site that fits is funded.</summary>
    Skip,
}

/// <summary>
/// The names of what limits a site's award beside the program's constraints (whose keys name themselves):
/// the request and the envelope.
/// </summary>
public static class AllocationLimits
{
    /// <summary><c>request</c>: the site asked for less than the rules allow.</summary>
    public const string Request = "request";

    /// <summary><c>envelope</c>: the envelope ran out before the site got its entitlement, or no constraint bounds national money.</summary>
    public const string Envelope = "envelope";
}

/// <summary>Why an applicant cannot be allocated.</summary>
/// <param name="Index">Its index in the list given.</param>
/// <param name="SiteId">Its site id.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ApplicantProblem(int Index, string SiteId, Text.LocalizedText Message);

/// <summary>An applicant for national money: its budget, and optionally the amount it asks for and its evaluation score.</summary>
/// <param name="Site">The site's budget (its total project cost sets the national share limit).</param>
/// <param name="Requested">신청액: the national amount asked for; null means as much as the rules allow.</param>
/// <param name="Score">평가점수: for <see cref="AllocationMethod.Ranked"/>; a site without one ranks after every scored site.</param>
public sealed record Applicant(SiteBudget Site, Won? Requested = null, decimal? Score = null);

/// <summary>How to allocate.</summary>
public sealed record AllocationOptions
{
    /// <summary>The method.</summary>
    public AllocationMethod Method { get; init; } = AllocationMethod.Equal;

    /// <summary>The envelope to split; null for the program's envelope.</summary>
    public Won? Envelope { get; init; }

    /// <summary>Awards are whole multiples of this; null for the program's rounding unit.</summary>
    public Won? AwardUnit { get; init; }

    /// <summary>For <see cref="AllocationMethod.Ranked"/>: award or skip the first site that does not fit.</summary>
    public PartialAward Partial { get; init; } = PartialAward.Award;
}

/// <summary>One site's award. A value type: an allocation of a million applicants is one array, not a million objects.</summary>
public readonly record struct SiteAllocation
{
    /// <summary>The site.</summary>
    public required Applicant Applicant { get; init; }

    /// <summary>The site's id.</summary>
    public string SiteId => Applicant.Site.SiteId;

    /// <summary>The largest national amount the program allows the site (lowered to its request), rounded down to the award unit.</summary>
    public required Won Entitlement { get; init; }

    /// <summary>What limits <see cref="Entitlement"/>: the key of the binding constraint, <c>request</c>, or <c>envelope</c> when no constraint bounds national money.</summary>
    public required string EntitlementLimit { get; init; }

    /// <summary>The award: a whole multiple of the award unit, at most the entitlement.</summary>
    public required Won Award { get; init; }

    /// <summary>The entitlement less the award.</summary>
    public Won Shortfall => Entitlement - Award;

    /// <summary>What limits the award: <c>envelope</c> when it is below the entitlement, else the entitlement's limit.</summary>
    public string BindingConstraint => Award < Entitlement ? AllocationLimits.Envelope : EntitlementLimit;

    /// <summary>The rank by score (1 = first), for the ranked method; null otherwise.</summary>
    public int? Rank { get; init; }

    /// <summary>The largest national amount the program's constraints allow the site, rounded down to the award unit; null when none bounds national money.</summary>
    public Won? RulesLimit { get; init; }

    /// <summary>The request rounded down to the award unit, if the site made one.</summary>
    public Won? Request { get; init; }
}

/// <summary>The allocation of an envelope.</summary>
public sealed record AllocationResult
{
    /// <summary>The method used.</summary>
    public required AllocationMethod Method { get; init; }

    /// <summary>The envelope that was split.</summary>
    public required Won Envelope { get; init; }

    /// <summary>The award unit.</summary>
    public required Won AwardUnit { get; init; }

    /// <summary>For the ranked method, what it did with a site that did not fit.</summary>
    public PartialAward Partial { get; init; }

    /// <summary>Every applicant's award, in input order.</summary>
    public required IReadOnlyList<SiteAllocation> Allocations { get; init; }

    /// <summary>The sum of the awards.</summary>
    public Won Allocated => Won.Sum(Allocations.Select(a => a.Award));

    /// <summary>The envelope less what was allocated.</summary>
    public Won LeftOver => Envelope - Allocated;

    /// <summary>Sites that got their whole entitlement (and more than nothing).</summary>
    public int FundedInFull => Allocations.Count(a => a.Award == a.Entitlement && a.Award > Won.Zero);

    /// <summary>Sites that got part of their entitlement.</summary>
    public int FundedInPart => Allocations.Count(a => a.Award > Won.Zero && a.Award < a.Entitlement);

    /// <summary>Sites that got nothing.</summary>
    public int NotFunded => Allocations.Count(a => a.Award == Won.Zero);

    /// <summary>The sum of the entitlements.</summary>
    public Won TotalEntitlement => Won.Sum(Allocations.Select(a => a.Entitlement));

    /// <summary>What the caller should know about the result (sites without a score in a ranked allocation, say).</summary>
    public IReadOnlyList<Text.LocalizedText> Warnings { get; init; } = [];

    /// <summary>For the equal method when the envelope binds: the common level every unsaturated site gets (before unit rounding).</summary>
    public string? Level { get; init; }

    /// <summary>How one site's entitlement and award were derived, with the rules' citations.</summary>
    public Derivation Explain(SiteAllocation allocation, Rules.ProgramRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var unit = AwardUnit.ToString();
        var parts = new List<Derivation>();
        if (allocation.RulesLimit is { } limit)
        {
            var (_, key) = Figures.SiteFigures.LargestNational(rules, allocation.Applicant.Site);
            var constraint = key is null ? null : rules.Find(key);
            parts.Add(new Derivation
            {
                Figure = "rulesLimit",
                Label = new Text.LocalizedText("국비 최대 허용액", "largest national amount"),
                Value = limit.ToString(),
                Won = limit.Value,
                Rule = key,
                Citation = constraint?.Citation,
                Note = constraint?.Describe(),
                Rounding = new Text.LocalizedText($"{unit}원 미만 절사 (배분 단위)", $"down to {unit} won (award unit)"),
            });
        }
        if (allocation.Request is { } request)
        {
            parts.Add(new Derivation
            {
                Figure = "request",
                Label = new Text.LocalizedText("신청액", "request"),
                Value = request.ToString(),
                Won = request.Value,
            });
        }
        var entitlement = new Derivation
        {
            Figure = "entitlement",
            Label = new Text.LocalizedText("배분 한도", "entitlement"),
            Value = allocation.Entitlement.ToString(),
            Won = allocation.Entitlement.Value,
            Formula = parts.Count switch
            {
                0 => $"{Envelope} (the envelope: no constraint bounds national money)",
                1 => null,
                _ => $"min({string.Join(", ", parts.Select(p => p.Value))})",
            },
            Note = new Text.LocalizedText($"적용 한도: {allocation.EntitlementLimit}", $"limited by {allocation.EntitlementLimit}"),
            Inputs = parts,
        };
        var (formula, note) = Method switch
        {
            _ when allocation.Award == allocation.Entitlement => ("entitlement", new Text.LocalizedText("배분 한도 전액", "the whole entitlement")),
            AllocationMethod.Equal => ($"min(entitlement, level {Level})",
                new Text.LocalizedText($"균등 배분: 모든 사업장에 같은 수준 {Level}, 단위 {unit}원으로 내림 후 남는 단위는 사업장코드 순", $"equal split: one level {Level} for every site, floored to {unit} won, leftover units by site id")),
            AllocationMethod.Proportional => ($"{Envelope} × {allocation.Entitlement} / {TotalEntitlement}",
                new Text.LocalizedText($"비례 배분: 단위 {unit}원으로 내림 후 남는 단위는 큰 나머지 순", $"proportional: floored to {unit} won, leftover units by largest remainder")),
            _ => ("what the envelope had left", new Text.LocalizedText($"순위 {allocation.Rank}: 남은 국비", $"rank {allocation.Rank}: what was left of the envelope")),
        };
        return new Derivation
        {
            Figure = "award",
            Label = new Text.LocalizedText("배분액", "award"),
            Value = allocation.Award.ToString(),
            Won = allocation.Award.Value,
            Formula = formula,
            Note = note,
            Rounding = new Text.LocalizedText($"{unit}원 단위", $"multiple of {unit} won"),
            Inputs = [entitlement],
        };
    }
}

/// <summary>Names of the allocation enums as the command line and reports write them.</summary>
public static class AllocationNames
{
    /// <summary><c>equal</c>, <c>proportional</c>, <c>ranked</c>.</summary>
    public static string Name(AllocationMethod method) => method switch
    {
        AllocationMethod.Equal => "equal",
        AllocationMethod.Proportional => "proportional",
        _ => "ranked",
    };

    /// <summary>Reads <c>equal</c>, <c>proportional</c> or <c>ranked</c>.</summary>
    public static bool TryParseMethod(string text, out AllocationMethod method)
    {
        foreach (var candidate in Enum.GetValues<AllocationMethod>())
        {
            if (string.Equals(Name(candidate), text, StringComparison.Ordinal))
            {
                method = candidate;
                return true;
            }
        }
        method = default;
        return false;
    }

    /// <summary><c>award</c> or <c>skip</c>.</summary>
    public static string Name(PartialAward partial) => partial == PartialAward.Award ? "award" : "skip";
}
