using FundingMatch.Budgets;
using FundingMatch.Explanations;
using FundingMatch.Money;
using FundingMatch.Text;
using FundingMatch.Validation;
using NodaTime;

namespace FundingMatch.Rules.Constraints;

/// <summary><c>completion-deadline</c>: a site's planned completion is on or before a date. A site with no date is not judged.</summary>
public sealed class CompletionDeadline : Constraint
{
    /// <summary>Creates the constraint.</summary>
    /// <param name="header">Key, code, severity, date and citation.</param>
    /// <param name="deadline">The last day a site may be completed.</param>
    public CompletionDeadline(ConstraintHeader header, LocalDate deadline)
        : base(header) => Deadline = deadline;

    /// <summary>The last day a site may be completed.</summary>
    public LocalDate Deadline { get; }

    /// <inheritdoc/>
    public override string Kind => "completion-deadline";

    /// <inheritdoc/>
    public override ConstraintScope Scope => ConstraintScope.Site;

    /// <inheritdoc/>
    public override ConstraintValueKind ValueKind => ConstraintValueKind.Date;

    /// <inheritdoc/>
    public override string ValueText => ConstraintValues.Format(Deadline);

    /// <inheritdoc/>
    public override LocalizedText Describe() => new($"준공 예정일 ≤ {ValueText}", $"planned completion ≤ {ValueText}");

    /// <inheritdoc/>
    public override Constraint WithValue(string text, ConstraintHeader header) => new CompletionDeadline(header, ConstraintValues.Date(text));

    /// <inheritdoc/>
    public override bool IsBrokenBy(SiteBudget site, RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(site);
        return IsBrokenBy(site.Facts, rounding);
    }

    /// <inheritdoc/>
    public override bool IsBrokenBy(in SiteFacts site, RoundingPolicy rounding) => site.PlannedCompletion is { } planned && planned > Deadline;

    /// <inheritdoc/>
    public override bool JudgesFacts => true;

    /// <inheritdoc/>
    public override Finding FindingFor(SiteBudget site, RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(site);
        var p = site.PlannedCompletion is { } planned ? ConstraintValues.Format(planned) : "n/a";
        return SiteFinding(site, $"<= {ValueText}", p, language => language == Language.Korean
            ? $"준공 예정일 {p}이(가) 구축 기한 {ValueText}보다 늦습니다"
            : $"planned completion {p} is after the deadline {ValueText}");
    }

    /// <inheritdoc/>
    public override Derivation? Derive(SiteBudget site, RoundingPolicy rounding) => new()
    {
        Figure = Key,
        Label = new LocalizedText("구축 기한", "completion deadline"),
        Value = ValueText,
        Rule = Key,
        Citation = Citation,
        Note = site.PlannedCompletion is { } planned
            ? new LocalizedText($"준공 예정일 {ConstraintValues.Format(planned)}", $"planned completion {ConstraintValues.Format(planned)}")
            : new LocalizedText("준공 예정일이 없어 판단하지 않습니다", "no planned completion: not judged"),
    };
}
