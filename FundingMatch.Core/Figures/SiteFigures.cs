using FundingMatch.Budgets;
using FundingMatch.Explanations;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Text;

namespace FundingMatch.Figures;

/// <summary>Which limit sets a site's largest national amount.</summary>
public enum BindingLimit
{
    /// <summary>The per-site cap (1곳당 국비 상한) is the smaller limit (ties go to the cap).</summary>
    PerSiteCap,

    /// <summary>The national share max × total project cost is the smaller limit.</summary>
    NationalShare,
}

/// <summary>Names of <see cref="BindingLimit"/> as reports write them.</summary>
public static class BindingLimits
{
    /// <summary><c>per-site-cap</c> or <c>national-share</c>.</summary>
    public static string Name(BindingLimit limit) => limit == BindingLimit.PerSiteCap ? "per-site-cap" : "national-share";
}

/// <summary>
/// A site's figures under a program version: its total, its national share, the largest national amount allowed,
/// the smallest local amount required, the headroom and the limit that binds. Each can explain its derivation.
/// </summary>
public sealed record SiteFigures
{
    /// <summary>총사업비: national + local + private.</summary>
    public required Won Total { get; init; }

    /// <summary>National funds, as the budget has them.</summary>
    public required Won National { get; init; }

    /// <summary>The national share of the total, exactly; null when the total is zero. Reduced on demand.</summary>
    public Share? NationalShare => Total.Value > 0 ? Share.Of(National, Total) : null;

    /// <summary>The money that counts toward the local share under the program's rules.</summary>
    public required Won CountedLocal { get; init; }

    /// <summary>The national share max × total, rounded by the program's policy.</summary>
    public required Won ShareLimit { get; init; }

    /// <summary>The largest national amount allowed: the smaller of the per-site cap and <see cref="ShareLimit"/>.</summary>
    public required Won MaxNational { get; init; }

    /// <summary>The smallest counted local amount required: local share min × total, rounded up to the won.</summary>
    public required Won MinLocal { get; init; }

    /// <summary><see cref="MaxNational"/> − national: negative when the site asks for more than it may have.</summary>
    public required Won Headroom { get; init; }

    /// <summary>Which limit sets <see cref="MaxNational"/>.</summary>
    public required BindingLimit BindingLimit { get; init; }

    /// <summary>The rounding applied to <see cref="ShareLimit"/> (the program's policy).</summary>
    public required RoundingPolicy LimitRounding { get; init; }

    /// <summary>The rounding applied to <see cref="MinLocal"/>: up to the won, so that the minimum always meets the rule.</summary>
    public RoundingPolicy MinimumRounding => RoundingPolicy.UpToWon;

    /// <summary>Computes a site's figures under <paramref name="rules"/>.</summary>
    public static SiteFigures Compute(ProgramRules rules, SiteBudget site)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(site);
        var total = site.Total;
        var rounding = rules.Rounding.Value;
        var shareLimit = rules.NationalShareMax.Value.Of(total, rounding);
        var cap = rules.PerSiteCap?.Value;
        var binding = cap is { } c && c <= shareLimit ? BindingLimit.PerSiteCap : BindingLimit.NationalShare;
        var maxNational = binding == BindingLimit.PerSiteCap ? cap!.Value : shareLimit;
        var minLocal = rules.LocalShareMin.Value.Of(total, RoundingPolicy.UpToWon);
        var counted = site.Sum(rules.LocalSources.Value);
        var headroom = maxNational - site.National;
        return new SiteFigures
        {
            Total = total,
            National = site.National,
            CountedLocal = counted,
            ShareLimit = shareLimit,
            MaxNational = maxNational,
            MinLocal = minLocal,
            Headroom = headroom,
            BindingLimit = binding,
            LimitRounding = rounding,
        };
    }

    /// <summary>
    /// The derivation of every figure of <paramref name="site"/> under <paramref name="rules"/>: total, national share,
    /// largest national amount, smallest local amount and headroom, each with its formula, rule, citation and rounding.
    /// Built on demand, so that checking many sites does not pay for explanations nobody reads.
    /// </summary>
    public static IReadOnlyList<Derivation> Explain(ProgramRules rules, SiteBudget site)
    {
        var f = Compute(rules, site);
        var (total, nationalShare, shareLimit, maxNational, binding, minLocal, counted, headroom) =
            (f.Total, f.NationalShare, f.ShareLimit, f.MaxNational, f.BindingLimit, f.MinLocal, f.CountedLocal, f.Headroom);
        var national = Given("national", "국비", "national funds", site.National);
        var totalD = new Derivation
        {
            Figure = "total",
            Label = new LocalizedText("총사업비", "total project cost"),
            Value = total.ToString(),
            Won = total.Value,
            Formula = site.UnsplitLocal == Won.Zero
                ? $"{site.National} + {site.Provincial} + {site.Municipal} + {site.Private}"
                : $"{site.National} + {site.Provincial} + {site.Municipal} + {site.UnsplitLocal} + {site.Private}",
            Note = new LocalizedText("국비 + 시·도비 + 시·군·구비 + 민간", "national + provincial + municipal + private"),
            Inputs =
            [
                national,
                Given("provincial", "시·도비", "provincial funds", site.Provincial),
                Given("municipal", "시·군·구비", "municipal funds", site.Municipal),
                .. site.UnsplitLocal == Won.Zero ? Array.Empty<Derivation>() : [Given("unsplitLocal", "지방비(구분 없음)", "local funds (not split)", site.UnsplitLocal)],
                Given("private", "민간", "private funds", site.Private),
            ],
        };
        var shareD = new Derivation
        {
            Figure = "nationalShare",
            Label = new LocalizedText("국비 비율", "national share"),
            Value = nationalShare?.ToPercentString() ?? "n/a",
            Formula = $"{site.National} / {total}",
            Note = nationalShare is null ? new LocalizedText("총사업비가 0원이라 비율이 없습니다", "no share: the total is zero") : null,
            Inputs = [national, Ref(totalD)],
        };
        var shareMax = rules.NationalShareMax;
        var shareLimitD = new Derivation
        {
            Figure = "shareLimit",
            Label = new LocalizedText("국비 비율 한도", "national share limit"),
            Value = shareLimit.ToString(),
            Won = shareLimit.Value,
            Formula = $"{shareMax.Value.ToPercentString(6)} × {total}",
            Rule = ParameterKeys.NationalShareMax,
            Citation = shareMax.Citation,
            Rounding = rules.Rounding.Value.Describe(),
            Inputs = [Ref(totalD)],
        };
        var capD = rules.PerSiteCap is { } cap
            ? new Derivation
            {
                Figure = "perSiteCap",
                Label = new LocalizedText("1곳당 국비 상한", "per-site cap"),
                Value = cap.Value.ToString(),
                Won = cap.Value.Value,
                Rule = ParameterKeys.PerSiteCap,
                Citation = cap.Citation,
            }
            : null;
        var maxD = new Derivation
        {
            Figure = "maxNational",
            Label = new LocalizedText("국비 최대 허용액", "largest national amount"),
            Value = maxNational.ToString(),
            Won = maxNational.Value,
            Formula = capD is null ? $"{shareLimit}" : $"min({capD.Value}, {shareLimit})",
            Note = binding == BindingLimit.PerSiteCap
                ? new LocalizedText("1곳당 상한이 적용됩니다", "the per-site cap binds")
                : new LocalizedText("국비 비율 한도가 적용됩니다", "the national share limit binds"),
            Inputs = capD is null ? [shareLimitD] : [capD, shareLimitD],
        };
        var localMin = rules.LocalShareMin;
        var minLocalD = new Derivation
        {
            Figure = "minLocal",
            Label = new LocalizedText("지방비 최소 부담액", "smallest local amount"),
            Value = minLocal.ToString(),
            Won = minLocal.Value,
            Formula = $"{localMin.Value.ToPercentString(6)} × {total}",
            Rule = ParameterKeys.LocalShareMin,
            Citation = localMin.Citation,
            Rounding = RoundingPolicy.UpToWon.Describe(),
            Note = new LocalizedText(
                $"인정 재원: {FundingSources.Describe(rules.LocalSources.Value)} = {counted}",
                $"counted sources: {FundingSources.Describe(rules.LocalSources.Value)} = {counted}"),
            Inputs = [Ref(totalD)],
        };
        var headroomD = new Derivation
        {
            Figure = "headroom",
            Label = new LocalizedText("국비 여유액", "headroom"),
            Value = headroom.ToString(),
            Won = headroom.Value,
            Formula = $"{maxNational} - {site.National}",
            Inputs = [Ref(maxD), national],
        };
        return [totalD, shareD, maxD, minLocalD, headroomD];
    }

    // An input already derived above appears again by value only, to keep the tree small.
    private static Derivation Ref(Derivation d) => d with { Formula = null, Inputs = [], Note = null, Rounding = null };

    private static Derivation Given(string figure, string ko, string en, Won amount) => new()
    {
        Figure = figure,
        Label = new LocalizedText(ko, en),
        Value = amount.ToString(),
        Won = amount.Value,
    };
}
