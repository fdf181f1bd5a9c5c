using FundingMatch.Budgets;
using FundingMatch.Explanations;
using FundingMatch.Money;
using FundingMatch.Text;
using FundingMatch.Utility;
using FundingMatch.Validation;

namespace FundingMatch.Rules.Constraints;

/// <summary>
/// <c>floor-area-guide</c>: a site's building has at least this floor area in m² (구축 규모 "1,000m² 내외" is a guide:
/// a rules file gives it the severity <c>warning</c>). A site with no floor area is not judged.
/// </summary>
public sealed class FloorAreaGuide : Constraint
{
    /// <summary>Creates the constraint.</summary>
    /// <param name="header">Key, code, severity, date and citation.</param>
    /// <param name="minimumM2">The guide floor area in m², positive.</param>
    public FloorAreaGuide(ConstraintHeader header, decimal minimumM2)
        : base(header) => MinimumM2 = Preconditions.CheckPositive(minimumM2, nameof(minimumM2));

    /// <summary>The guide floor area in m².</summary>
    public decimal MinimumM2 { get; }

    /// <inheritdoc/>
    public override string Kind => "floor-area-guide";

    /// <inheritdoc/>
    public override ConstraintScope Scope => ConstraintScope.Site;

    /// <inheritdoc/>
    public override ConstraintValueKind ValueKind => ConstraintValueKind.Number;

    /// <inheritdoc/>
    public override string ValueText => ConstraintValues.Format(MinimumM2);

    /// <inheritdoc/>
    public override LocalizedText Describe() => new($"연면적 ≥ {ValueText}m² 내외", $"floor area ≥ about {ValueText} m²");

    /// <inheritdoc/>
    public override Constraint WithValue(string text, ConstraintHeader header) => new FloorAreaGuide(header, ConstraintValues.Number(text));

    /// <inheritdoc/>
    public override bool IsBrokenBy(SiteBudget site, RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(site);
        return IsBrokenBy(site.Facts, rounding);
    }

    /// <inheritdoc/>
    public override bool IsBrokenBy(in SiteFacts site, RoundingPolicy rounding) => site.FloorAreaM2 is { } area && area < MinimumM2;

    /// <inheritdoc/>
    public override bool JudgesFacts => true;

    /// <inheritdoc/>
    public override Finding FindingFor(SiteBudget site, RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(site);
        var a = site.FloorAreaM2 is { } area ? ConstraintValues.Format(area) : "n/a";
        return SiteFinding(site, $">= {ValueText} m2 (a guide)", $"{a} m2", language => language == Language.Korean
            ? $"연면적 {a}m²가 구축 규모 기준 {ValueText}m² 내외보다 작습니다"
            : $"floor area of {a} m² is under the guide of about {ValueText} m²");
    }

    /// <inheritdoc/>
    public override Explanations.Derivation? Derive(SiteBudget site, RoundingPolicy rounding) => new()
    {
        Figure = Key,
        Label = new LocalizedText("구축 규모 기준", "floor-area guide"),
        Value = $"{ValueText} m²",
        Rule = Key,
        Citation = Citation,
        Note = site.FloorAreaM2 is { } area
            ? new LocalizedText($"연면적 {ConstraintValues.Format(area)}m²", $"floor area {ConstraintValues.Format(area)} m²")
            : new LocalizedText("연면적이 없어 판단하지 않습니다", "no floor area: not judged"),
    };
}
