using FundingMatch.Explanations;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Text;

namespace FundingMatch.Totals;

/// <summary>
/// A program's totals: by source and kind, by region (ordered by region, ordinally), the national share of the
/// whole program, and the national envelope used and left.
/// </summary>
public sealed record ProgramTotals
{
    /// <summary>Sums over every site.</summary>
    public required SourceTotals All { get; init; }

    /// <summary>Sums per region, ordered by region name (ordinal).</summary>
    public required IReadOnlyList<RegionTotals> ByRegion { get; init; }

    /// <summary>Sums per fiscal year, in year order; empty when no budget is split by year. Money without a year is in none.</summary>
    public IReadOnlyList<FiscalYearTotals> ByFiscalYear { get; init; } = [];

    /// <summary>The program's national envelope, if it sets one.</summary>
    public Won? Envelope { get; init; }

    /// <summary>The national money the sites ask for: the envelope used.</summary>
    public Won EnvelopeUsed => All.National;

    /// <summary>Envelope − used; negative when the envelope is exceeded; null without an envelope.</summary>
    public Won? EnvelopeLeft => Envelope is { } e ? e - All.National : null;

    /// <summary>True when any site has money in kind.</summary>
    public bool HasInKind => All.InKind != Won.Zero;

    /// <summary>The derivation of the program's figures: total, national share, and each program constraint's figure.</summary>
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
        foreach (var constraint in rules.Constraints)
        {
            if (constraint.Derive(this) is { } d)
            {
                list.Add(d);
            }
        }
        return list;
    }
}
