using FundingMatch.Budgets;
using FundingMatch.Explanations;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Text;

namespace FundingMatch.Totals;

/// <summary>Sums of each source, for a program or one region.</summary>
public sealed record SourceTotals
{
    /// <summary>How many sites.</summary>
    public int Sites { get; init; }

    /// <summary>국비.</summary>
    public Won National { get; init; }

    /// <summary>시·도비.</summary>
    public Won Provincial { get; init; }

    /// <summary>시·군·구비.</summary>
    public Won Municipal { get; init; }

    /// <summary>지방비 given without its provincial and municipal split.</summary>
    public Won UnsplitLocal { get; init; }

    /// <summary>민간.</summary>
    public Won Private { get; init; }

    /// <summary>지방비: provincial + municipal + unsplit local.</summary>
    public Won Local => Provincial + Municipal + UnsplitLocal;

    /// <summary>총사업비: national + local + private.</summary>
    public Won Total => National + Local + Private;

    /// <summary>The national share of the total, exactly; null when the total is zero.</summary>
    public Share? NationalShare => Total.Value > 0 ? Share.Of(National, Total) : null;

}

/// <summary>One region's totals.</summary>
/// <param name="Region">The region, as the budgets write it (empty when not given).</param>
/// <param name="Totals">Its sums.</param>
public sealed record RegionTotals(string Region, SourceTotals Totals);

/// <summary>
/// A program's totals: by source, by region (ordered by region, ordinally), the national share of the whole
/// program, and the envelope used and left.
/// </summary>
public sealed record ProgramTotals
{
    /// <summary>Sums over every site.</summary>
    public required SourceTotals All { get; init; }

    /// <summary>Sums per region, ordered by region name (ordinal).</summary>
    public required IReadOnlyList<RegionTotals> ByRegion { get; init; }

    /// <summary>The program's national envelope, if it sets one.</summary>
    public Won? Envelope { get; init; }

    /// <summary>The national money the sites ask for: the envelope used.</summary>
    public Won EnvelopeUsed => All.National;

    /// <summary>Envelope − used; negative when the envelope is exceeded; null without an envelope.</summary>
    public Won? EnvelopeLeft => Envelope is { } e ? e - All.National : null;

    /// <summary>The derivation of the program's figures: total, national share and envelope left.</summary>
    public IReadOnlyList<Derivation> Explain(ProgramRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var a = All;
        var list = new List<Derivation>
        {
            new()
            {
                Figure = "programTotal",
                Label = new LocalizedText("사업 총사업비", "program total"),
                Value = a.Total.ToString(),
                Won = a.Total.Value,
                Formula = $"{a.National} + {a.Local} + {a.Private}",
                Note = new LocalizedText($"{a.Sites}개 사업장의 국비 + 지방비 + 민간", $"national + local + private over {a.Sites} sites"),
            },
            new()
            {
                Figure = "programNationalShare",
                Label = new LocalizedText("사업 국비 비율", "program national share"),
                Value = a.NationalShare?.ToPercentString() ?? "n/a",
                Formula = $"{a.National} / {a.Total}",
            },
        };
        if (Envelope is { } envelope && rules.Envelope is { } rule)
        {
            list.Add(new Derivation
            {
                Figure = "envelopeLeft",
                Label = new LocalizedText("국비 총액 잔액", "envelope left"),
                Value = EnvelopeLeft!.Value.ToString(),
                Won = EnvelopeLeft!.Value.Value,
                Formula = $"{envelope} - {a.National}",
                Rule = ParameterKeys.Envelope,
                Citation = rule.Citation,
            });
        }
        return list;
    }
}

/// <summary>Adds sites up one at a time, so that totals can be kept over a stream of budgets.</summary>
public sealed class ProgramTotalsBuilder
{
    private readonly Dictionary<string, Sums> _regions = new(StringComparer.Ordinal);
    private readonly Sums _all = new();

    /// <summary>Adds one site.</summary>
    public void Add(SiteBudget site)
    {
        ArgumentNullException.ThrowIfNull(site);
        _all.Add(site);
        if (!_regions.TryGetValue(site.Region, out var region))
        {
            region = new Sums();
            _regions.Add(site.Region, region);
        }
        region.Add(site);
    }

    /// <summary>The totals so far, with <paramref name="envelope"/> as the program's envelope.</summary>
    public ProgramTotals Build(Won? envelope) => new()
    {
        All = _all.ToTotals(),
        ByRegion = _regions.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new RegionTotals(kv.Key, kv.Value.ToTotals())).ToList(),
        Envelope = envelope,
    };

    // Mutable running sums: a stream of a million budgets should not allocate a record per site.
    private sealed class Sums
    {
        private int _sites;
        private Won _national;
        private Won _provincial;
        private Won _municipal;
        private Won _private;
        private Won _unsplit;

        public void Add(SiteBudget site)
        {
            _sites = checked(_sites + 1);
            _national += site.National;
            _provincial += site.Provincial;
            _municipal += site.Municipal;
            _private += site.Private;
            _unsplit += site.UnsplitLocal;
        }

        public SourceTotals ToTotals() => new()
        {
            Sites = _sites,
            National = _national,
            Provincial = _provincial,
            Municipal = _municipal,
            Private = _private,
            UnsplitLocal = _unsplit,
        };
    }
}
