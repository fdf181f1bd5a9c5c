using FundingMatch.Budgets;
using FundingMatch.Explanations;
using FundingMatch.Money;
using FundingMatch.Text;
using FundingMatch.Totals;
using FundingMatch.Utility;
using FundingMatch.Validation;

namespace FundingMatch.Rules.Constraints;

/// <summary><c>envelope</c>: the sum of some sources over every site is at most an amount, such as 국비 총액 75억원.</summary>
public sealed class EnvelopeBound : Constraint
{
    /// <summary>Creates the constraint.</summary>
    /// <param name="header">Key, code, severity, date and citation.</param>
    /// <param name="sum">The money summed over sites (national money, for a national envelope).</param>
    /// <param name="amount">The envelope, zero or more.</param>
    public EnvelopeBound(ConstraintHeader header, MoneySelector sum, Won amount)
        : base(header)
    {
        if (sum.IsEmpty)
        {
            throw new ArgumentException("An envelope sums at least one source.", nameof(sum));
        }
        Sum = sum;
        Amount = Preconditions.CheckNonNegative(amount, nameof(amount));
    }

    /// <summary>The money summed over sites.</summary>
    public MoneySelector Sum { get; }

    /// <summary>The envelope.</summary>
    public Won Amount { get; }

    /// <inheritdoc/>
    public override string Kind => "envelope";

    /// <inheritdoc/>
    public override ConstraintScope Scope => ConstraintScope.Program;

    /// <inheritdoc/>
    public override ConstraintValueKind ValueKind => ConstraintValueKind.Amount;

    /// <inheritdoc/>
    public override string ValueText => ConstraintValues.Format(Amount);

    /// <inheritdoc/>
    public override LocalizedText Describe() => new(
        $"전체 사업장의 {Sum.DescribeKorean()} 합계 ≤ {Amount}원 ({Amount.ToString("K", null)})",
        $"{Sum.Describe()} over every site ≤ {Amount} won ({Amount.ToString("K", null)})");

    /// <inheritdoc/>
    public override Constraint WithValue(string text, ConstraintHeader header) => new EnvelopeBound(header, Sum, ConstraintValues.Amount(text));

    /// <inheritdoc/>
    public override bool IsBrokenBy(ProgramTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return totals.All.Sum(Sum) > Amount;
    }

    /// <inheritdoc/>
    public override Finding FindingFor(ProgramTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var used = totals.All.Sum(Sum);
        return ProgramFinding($"<= {Amount}", used.ToString(),
            $"{Sum.DescribeKorean()} 합계 {used}원이 총액 {Amount}원을 {used - Amount}원 넘습니다",
            $"{Sum.Describe()} money adds up to {used} won, {used - Amount} won over the envelope of {Amount} won");
    }

    /// <inheritdoc/>
    public override Derivation? Derive(ProgramTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var used = totals.All.Sum(Sum);
        return Figure("envelopeLeft", new LocalizedText("총액 잔액", "envelope left"), Amount - used, $"{Amount} - {used}", null,
            Given(Sum, used));
    }
}
