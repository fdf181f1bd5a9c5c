using FundingMatch.Budgets;
using FundingMatch.Explanations;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Text;

namespace FundingMatch.Figures;

/// <summary>
/// A site's figures under a program version: its total, its national share, the largest national amount the
/// constraints allow, the headroom and the constraint that binds. Each can explain its derivation.
/// </summary>
public readonly record struct SiteFigures
{
    /// <summary>총사업비: every source and kind.</summary>
    public required Won Total { get; init; }

    /// <summary>National funds, as the budget has them.</summary>
    public required Won National { get; init; }

    /// <summary>The national share of the total, exactly; null when the total is zero.</summary>
    public Share? NationalShare => Total.Value > 0 ? Share.Of(National, Total) : null;

    /// <summary>The largest national amount allowed: the smallest bound any constraint puts on national money; null when none does.</summary>
    public Won? MaxNational { get; init; }

    /// <summary><see cref="MaxNational"/> − national: negative when the site asks for more than it may have; null without a bound.</summary>
    public Won? Headroom => MaxNational is { } max ? max - National : null;

    /// <summary>The key of the constraint that sets <see cref="MaxNational"/> (the first listed, on a tie); null when none bounds national money.</summary>
    public string? BindingLimit { get; init; }

    /// <summary>The rounding applied to computed upper limits (the program's policy).</summary>
    public required RoundingPolicy LimitRounding { get; init; }

    /// <summary>Computes a site's figures under <paramref name="rules"/>.</summary>
    public static SiteFigures Compute(ProgramRules rules, SiteBudget site)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(site);
        var rounding = rules.Rounding.Value;
        var (max, binding) = LargestNational(rules, site);
        return new SiteFigures
        {
            Total = site.Total,
            National = site.National,
            MaxNational = max,
            BindingLimit = binding,
            LimitRounding = rounding,
        };
    }

    /// <summary>The smallest bound the constraints put on national money for <paramref name="site"/>, and the key of the constraint that sets it.</summary>
    public static (Won? Limit, string? Key) LargestNational(ProgramRules rules, SiteBudget site)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Won? max = null;
        string? binding = null;
        var rounding = rules.Rounding.Value;
        foreach (var constraint in rules.SiteConstraintSpan)
        {
            if (constraint.NationalLimit(site, rounding) is { } limit && (max is null || limit < max.Value))
            {
                max = limit;
                binding = constraint.Key;
            }
        }
        return (max, binding);
    }

    /// <summary>
    /// The derivation of every figure of <paramref name="site"/> under <paramref name="rules"/>: total, national
    /// share, each constraint's limit with its citation and rounding, the largest national amount and the headroom.
    /// Built on demand, so that checking many sites does not pay for explanations nobody reads.
    /// </summary>
    public static IReadOnlyList<Derivation> Explain(ProgramRules rules, SiteBudget site)
    {
        var f = Compute(rules, site);
        var rounding = rules.Rounding.Value;
        var national = Given("national", "국비", "national funds", site.National);
        var lines = site.Lines.Where(l => l.Amount != Won.Zero).ToList();
        var totalD = new Derivation
        {
            Figure = "total",
            Label = new LocalizedText("총사업비", "total project cost"),
            Value = f.Total.ToString(),
            Won = f.Total.Value,
            Formula = lines.Count == 0 ? "0" : string.Join(" + ", lines.Select(l => l.Amount.ToString())),
            Note = new LocalizedText(
                lines.Count == 0 ? "재원 없음" : string.Join(" + ", lines.Select(KoreanName)),
                lines.Count == 0 ? "no sources" : string.Join(" + ", lines.Select(Name))),
            Inputs = [.. lines.Select(l => Given(Name(l).Replace(' ', '-'), KoreanName(l), Name(l), l.Amount))],
        };
        var shareD = new Derivation
        {
            Figure = "nationalShare",
            Label = new LocalizedText("국비 비율", "national share"),
            Value = f.NationalShare?.ToPercentString() ?? "n/a",
            Formula = $"{site.National} / {f.Total}",
            Note = f.NationalShare is null ? new LocalizedText("총사업비가 0원이라 비율이 없습니다", "no share: the total is zero") : null,
            Inputs = [national, Ref(totalD)],
        };
        var list = new List<Derivation> { totalD, shareD };
        var bounds = new List<Derivation>();
        foreach (var constraint in rules.SiteConstraints)
        {
            if (constraint.Derive(site, rounding) is not { } d)
            {
                continue;
            }
            list.Add(d);
            if (constraint.NationalLimit(site, rounding) is { } limit)
            {
                bounds.Add(new Derivation { Figure = constraint.Key, Label = d.Label, Value = limit.ToString(), Won = limit.Value, Rule = constraint.Key, Citation = constraint.Citation });
            }
        }
        if (f.MaxNational is { } max)
        {
            var maxD = new Derivation
            {
                Figure = "maxNational",
                Label = new LocalizedText("국비 최대 허용액", "largest national amount"),
                Value = max.ToString(),
                Won = max.Value,
                Formula = bounds.Count == 1 ? bounds[0].Value : $"min({string.Join(", ", bounds.Select(b => b.Value))})",
                Note = BindingNote(f.BindingLimit, bounds),
                Inputs = bounds,
            };
            list.Add(maxD);
            list.Add(new Derivation
            {
                Figure = "headroom",
                Label = new LocalizedText("국비 여유액", "headroom"),
                Value = f.Headroom!.Value.ToString(),
                Won = f.Headroom!.Value.Value,
                Formula = $"{max} - {site.National}",
                Inputs = [Ref(maxD), national],
            });
        }
        return list;
    }

    private static string Name(BudgetLine l) =>
        l.Kind == FundingKind.Cash ? FundingSources.Name(l.Source) : $"{FundingSources.Name(l.Source)} in-kind";

    private static string KoreanName(BudgetLine l) =>
        l.Kind == FundingKind.Cash ? FundingSources.KoreanName(l.Source) : $"{FundingSources.KoreanName(l.Source)}(현물)";

    // An input already derived above appears again by value only, to keep the tree small.
    // "1곳당 국비 상한(per-site-cap)이 적용됩니다": the binding limit by its name in Korean, its key in both.
    private static LocalizedText BindingNote(string? key, List<Derivation> bounds) =>
        bounds.FirstOrDefault(b => b.Figure == key) is { } binding
            ? new LocalizedText($"{binding.Label.Korean}({key})이(가) 적용됩니다", $"{key} binds")
            : new LocalizedText($"{key}이(가) 적용됩니다", $"{key} binds");

    private static Derivation Ref(Derivation d) => d with { Formula = null, Inputs = [], Note = null, Rounding = null };

    private static Derivation Given(string figure, string ko, string en, Won amount) => new()
    {
        Figure = figure,
        Label = new LocalizedText(ko, en),
        Value = amount.ToString(),
        Won = amount.Value,
    };
}
