using FundingMatch.Budgets;
using FundingMatch.Explanations;
using FundingMatch.Money;
using FundingMatch.Text;
using FundingMatch.Utility;
using FundingMatch.Validation;

namespace FundingMatch.Rules.Constraints;

/// <summary><c>amount-cap</c>: the sum of some sources is at most an amount a site, such as 1곳당 국비 25억원.</summary>
public sealed class AmountCap : Constraint
{
    /// <summary>Creates the constraint.</summary>
    /// <param name="header">Key, code, severity, date and citation.</param>
    /// <param name="sum">The money capped.</param>
    /// <param name="amount">The cap, zero or more.</param>
    public AmountCap(ConstraintHeader header, MoneySelector sum, Won amount)
        : base(header)
    {
        if (sum.IsEmpty)
        {
            throw new ArgumentException("A cap sums at least one source.", nameof(sum));
        }
        Sum = sum;
        Amount = Preconditions.CheckNonNegative(amount, nameof(amount));
    }

    /// <summary>The money capped.</summary>
    public MoneySelector Sum { get; }

    /// <summary>The cap.</summary>
    public Won Amount { get; }

    /// <inheritdoc/>
    public override string Kind => "amount-cap";

    /// <inheritdoc/>
    public override ConstraintScope Scope => ConstraintScope.Site;

    /// <inheritdoc/>
    public override ConstraintValueKind ValueKind => ConstraintValueKind.Amount;

    /// <inheritdoc/>
    public override string ValueText => ConstraintValues.Format(Amount);

    /// <inheritdoc/>
    public override LocalizedText Describe() => new(
        $"{Sum.DescribeKorean()} ≤ 1곳당 {Amount}원 ({Amount.ToString("K", null)})",
        $"{Sum.Describe()} ≤ {Amount} won a site ({Amount.ToString("K", null)})");

    /// <inheritdoc/>
    public override Constraint WithValue(string text, ConstraintHeader header) => new AmountCap(header, Sum, ConstraintValues.Amount(text));

    /// <inheritdoc/>
    public override bool IsBrokenBy(SiteBudget site, RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(site);
        return IsBrokenBy(site.Facts, rounding);
    }

    /// <inheritdoc/>
    public override bool IsBrokenBy(in SiteFacts site, RoundingPolicy rounding) => site.Sum(Sum) > Amount;

    /// <inheritdoc/>
    public override bool JudgesFacts => true;

    /// <inheritdoc/>
    public override Finding FindingFor(SiteBudget site, RoundingPolicy rounding)
    {
        var sum = site.Sum(Sum);
        return SiteFinding(site, $"<= {Amount}", sum.ToString(), language => language == Language.Korean
            ? $"{Sum.DescribeKorean()} {sum}원이 1곳당 상한 {Amount}원을 {sum - Amount}원 넘습니다"
            : $"{Sum.Describe()} money, {sum} won, is {sum - Amount} won over the cap of {Amount} won a site");
    }

    /// <inheritdoc/>
    public override Won? NationalLimit(SiteBudget site, RoundingPolicy rounding) => Sum.IsNationalOnly ? Amount : null;

    /// <inheritdoc/>
    public override Won? NationalLimit(in SiteFacts site, RoundingPolicy rounding) => Sum.IsNationalOnly ? Amount : null;

    /// <inheritdoc/>
    public override Derivation? Derive(SiteBudget site, RoundingPolicy rounding) =>
        Figure(Key, new LocalizedText($"1곳당 {Sum.DescribeKorean()} 상한", $"cap on {Sum.Describe()} a site"), Amount, null, null);
}
