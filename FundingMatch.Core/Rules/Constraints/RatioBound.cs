using FundingMatch.Budgets;
using FundingMatch.Explanations;
using FundingMatch.Money;
using FundingMatch.Text;
using FundingMatch.Utility;
using FundingMatch.Validation;

namespace FundingMatch.Rules.Constraints;

/// <summary>
/// <c>ratio-bound</c>: the sum of some sources is at least (or at most) r times the sum of others, such as local
/// government money at least 1 × national money (1:1 matching).
/// </summary>
/// <remarks>
/// A lower bound on a sum measured against national money bounds national money in turn: national ≤ sum ÷ r,
/// rounded by the program's policy. A lower limit is rounded up to the won; an upper one by the program's policy.
/// </remarks>
public sealed class RatioBound : Constraint
{
    /// <summary>Creates the constraint.</summary>
    /// <param name="header">Key, code, severity, date and citation.</param>
    /// <param name="sum">The money bounded.</param>
    /// <param name="direction">At most or at least.</param>
    /// <param name="ratio">r, zero or more.</param>
    /// <param name="than">The money it is measured against.</param>
    public RatioBound(ConstraintHeader header, MoneySelector sum, BoundDirection direction, Share ratio, MoneySelector than)
        : base(header)
    {
        if (sum.IsEmpty || than.IsEmpty)
        {
            throw new ArgumentException("A ratio bound names at least one source on each side.", nameof(sum));
        }
        if (sum.Overlaps(than))
        {
            throw new ArgumentException("A ratio bound's two sides share no source.", nameof(than));
        }
        Sum = sum;
        Direction = direction;
        Ratio = Preconditions.CheckNonNegative(ratio, nameof(ratio));
        Than = than;
    }

    /// <summary>The money bounded.</summary>
    public MoneySelector Sum { get; }

    /// <summary>At most or at least.</summary>
    public BoundDirection Direction { get; }

    /// <summary>r.</summary>
    public Share Ratio { get; }

    /// <summary>The money it is measured against.</summary>
    public MoneySelector Than { get; }

    /// <inheritdoc/>
    public override string Kind => "ratio-bound";

    /// <inheritdoc/>
    public override ConstraintScope Scope => ConstraintScope.Site;

    /// <inheritdoc/>
    public override ConstraintValueKind ValueKind => ConstraintValueKind.Ratio;

    /// <inheritdoc/>
    public override string ValueText => ConstraintValues.FormatRatio(Ratio);

    /// <inheritdoc/>
    public override LocalizedText Describe() => new(
        $"{Sum.DescribeKorean()} {Sign} {ValueText} × {Than.DescribeKorean()}",
        $"{Sum.Describe()} {Sign} {ValueText} × {Than.Describe()}");

    private string Sign => Direction == BoundDirection.AtMost ? "≤" : "≥";

    /// <inheritdoc/>
    public override Constraint WithValue(string text, ConstraintHeader header) =>
        new RatioBound(header, Sum, Direction, ConstraintValues.Ratio(text), Than);

    /// <inheritdoc/>
    public override bool IsBrokenBy(SiteBudget site, RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(site);
        return IsBrokenBy(site.Facts, rounding);
    }

    /// <inheritdoc/>
    public override bool JudgesFacts => true;

    /// <inheritdoc/>
    public override bool IsBrokenBy(in SiteFacts site, RoundingPolicy rounding)
    {
        // sum ≥ r × than  ⇔  sum × den ≥ num × than, exactly.
        // Products of two longs fit in 128 bits: no overflow check is needed (and checking is most of the cost).
        var left = unchecked((Int128)site.Sum(Sum).Value * Ratio.Denominator);
        var right = unchecked((Int128)site.Sum(Than).Value * Ratio.Numerator);
        return Direction == BoundDirection.AtLeast ? left < right : left > right;
    }

    /// <summary>The limit on <see cref="Sum"/> for <paramref name="site"/>: r × its <see cref="Than"/>.</summary>
    public Won Limit(SiteBudget site, RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(site);
        return LimitOf(site.Sum(Than), rounding);
    }

    private Won LimitOf(Won than, RoundingPolicy rounding) => Ratio.Of(than, Bounds.LimitRounding(Direction, rounding));

    /// <inheritdoc/>
    public override Finding FindingFor(SiteBudget site, RoundingPolicy rounding)
    {
        var sum = site.Sum(Sum);
        var than = site.Sum(Than);
        var limit = Limit(site, rounding);
        return Direction == BoundDirection.AtLeast
            ? SiteFinding(site, $">= {ValueText} × {than} = {limit}", sum.ToString(), language => language == Language.Korean
                ? $"{Sum.DescribeKorean()} {sum}원이 {Than.DescribeKorean()} {than}원의 {ValueText}배인 {limit}원에 {limit - sum}원 모자랍니다"
                : $"{Sum.Describe()} money, {sum} won, is {limit - sum} won short of {ValueText} × {Than.Describe()} ({than} won), {limit} won")
            : SiteFinding(site, $"<= {ValueText} × {than} = {limit}", sum.ToString(), language => language == Language.Korean
                ? $"{Sum.DescribeKorean()} {sum}원이 {Than.DescribeKorean()} {than}원의 {ValueText}배인 {limit}원을 {sum - limit}원 넘습니다"
                : $"{Sum.Describe()} money, {sum} won, is {sum - limit} won over {ValueText} × {Than.Describe()} ({than} won), {limit} won");
    }

    /// <inheritdoc/>
    public override Won? NationalLimit(SiteBudget site, RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(site);
        return NationalLimit(site.Facts, rounding);
    }

    /// <inheritdoc/>
    public override Won? NationalLimit(in SiteFacts site, RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(rounding);
        if (Direction == BoundDirection.AtMost && Sum.IsNationalOnly)
        {
            return LimitOf(site.Sum(Than), rounding);
        }
        if (Direction == BoundDirection.AtLeast && Than.IsNationalOnly && Ratio.Numerator > 0)
        {
            // national ≤ sum ÷ r = sum × den ÷ num.
            return rounding.Round(unchecked((Int128)site.Sum(Sum).Value * Ratio.Denominator), Ratio.Numerator);
        }
        return null;
    }

    /// <inheritdoc/>
    public override Derivation? Derive(SiteBudget site, RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(site);
        var than = site.Sum(Than);
        var limitRounding = Bounds.LimitRounding(Direction, rounding);
        return Figure(Key,
            Bounds.Label(Direction, Sum),
            Ratio.Of(than, limitRounding), $"{ValueText} × {than}", limitRounding.Name,
            Given(Than, than), Given(Sum, site.Sum(Sum)));
    }
}
