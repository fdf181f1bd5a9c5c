using FundingMatch.Budgets;
using FundingMatch.Explanations;
using FundingMatch.Money;
using FundingMatch.Text;
using FundingMatch.Utility;
using FundingMatch.Validation;

namespace FundingMatch.Rules.Constraints;

/// <summary>
/// <c>share-bound</c>: the sum of some sources and kinds is at most, or at least, a share of a base (the site's total
/// by default). National ≤ 50% of the total; self-burden ≥ 30% of the total; in-kind self-burden ≤ 50% of the
/// self-burden.
/// </summary>
/// <remarks>
/// An upper limit is the share of the base rounded by the program's policy (천원 미만 절사 by default); a lower
/// limit is rounded up to the won, so that the minimum always meets the rule. Whether a site breaks the bound is
/// decided exactly, with no rounding.
/// </remarks>
public sealed class ShareBound : Constraint
{
    /// <summary>Creates the constraint.</summary>
    /// <param name="header">Key, code, severity, date and citation.</param>
    /// <param name="sum">The money bounded.</param>
    /// <param name="direction">At most or at least.</param>
    /// <param name="share">The share, 0% to 100%.</param>
    /// <param name="base">The money the share is of; <see cref="MoneySelector.All"/> (the site's total) when null.</param>
    public ShareBound(ConstraintHeader header, MoneySelector sum, BoundDirection direction, Share share, MoneySelector? @base = null)
        : base(header)
    {
        if (sum.IsEmpty)
        {
            throw new ArgumentException("A share bound sums at least one source.", nameof(sum));
        }
        Sum = sum;
        Direction = direction;
        Share = Preconditions.CheckShare(share, nameof(share));
        Base = @base ?? MoneySelector.All;
        if (Base.IsEmpty)
        {
            throw new ArgumentException("A share bound's base has at least one source.", nameof(@base));
        }
    }

    /// <summary>The money bounded.</summary>
    public MoneySelector Sum { get; }

    /// <summary>At most or at least.</summary>
    public BoundDirection Direction { get; }

    /// <summary>The share.</summary>
    public Share Share { get; }

    /// <summary>The money the share is of (the site's total by default).</summary>
    public MoneySelector Base { get; }

    /// <inheritdoc/>
    public override string Kind => "share-bound";

    /// <inheritdoc/>
    public override ConstraintScope Scope => ConstraintScope.Site;

    /// <inheritdoc/>
    public override ConstraintValueKind ValueKind => ConstraintValueKind.Share;

    /// <inheritdoc/>
    public override string ValueText => ConstraintValues.Format(Share);

    /// <inheritdoc/>
    public override LocalizedText Describe() => new(
        $"{Sum.DescribeKorean()} {(Direction == BoundDirection.AtMost ? "≤" : "≥")} {Base.DescribeKorean()}의 {ValueText}",
        $"{Sum.Describe()} {(Direction == BoundDirection.AtMost ? "≤" : "≥")} {ValueText} of {Base.Describe()}");

    /// <inheritdoc/>
    public override Constraint WithValue(string text, ConstraintHeader header) =>
        new ShareBound(header, Sum, Direction, ConstraintValues.Share(text), Base);

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
        var sum = site.Sum(Sum);
        var @base = site.Sum(Base);
        return Direction == BoundDirection.AtMost ? !Share.Allows(sum, @base) : !Share.IsMetBy(sum, @base);
    }

    /// <summary>The limit for <paramref name="site"/>: the share of its base, rounded down by the program's policy for an upper bound, up to the won for a lower one.</summary>
    public Won Limit(SiteBudget site, RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(site);
        return LimitOf(site.Sum(Base), rounding);
    }

    private Won LimitOf(Won @base, RoundingPolicy rounding) => Share.Of(@base, Bounds.LimitRounding(Direction, rounding));

    /// <inheritdoc/>
    public override Finding FindingFor(SiteBudget site, RoundingPolicy rounding)
    {
        var sum = site.Sum(Sum);
        var @base = site.Sum(Base);
        var actualShare = @base.Value > 0 ? ConstraintValues.FormatBeside(Money.Share.Of(sum, @base), Share) : "n/a";
        var (en, ko, baseEn, baseKo) = (Sum.Describe(), Sum.DescribeKorean(), Base.Describe(), Base.DescribeKorean());
        if (Direction == BoundDirection.AtMost)
        {
            return SiteFinding(site, $"<= {ValueText} of {@base}", $"{sum} ({actualShare})", language => language == Language.Korean
                ? $"{ko} {sum}원({actualShare})이 {baseKo} {@base}원의 {ValueText}를 넘습니다"
                : $"{en} money, {sum} won ({actualShare}), is more than {ValueText} of the {baseEn}, {@base} won");
        }
        var minimum = Limit(site, rounding);
        return SiteFinding(site, $">= {minimum}", sum.ToString(), language => language == Language.Korean
            ? $"{ko} {sum}원({actualShare})이 {baseKo}의 {ValueText}인 {minimum}원에 {minimum - sum}원 모자랍니다"
            : $"{en} money, {sum} won ({actualShare}), is {minimum - sum} won short of {ValueText} of the {baseEn}, {minimum} won");
    }

    /// <inheritdoc/>
    public override Won? NationalLimit(SiteBudget site, RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(site);
        return NationalLimit(site.Facts, rounding);
    }

    /// <inheritdoc/>
    public override Won? NationalLimit(in SiteFacts site, RoundingPolicy rounding) =>
        Direction == BoundDirection.AtMost && Sum.IsNationalOnly ? LimitOf(site.Sum(Base), rounding) : null;

    /// <inheritdoc/>
    public override Derivation? Derive(SiteBudget site, RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(site);
        var @base = site.Sum(Base);
        var limitRounding = Bounds.LimitRounding(Direction, rounding);
        return Figure(Key,
            Bounds.Label(Direction, Sum),
            Share.Of(@base, limitRounding), $"{ValueText} × {@base}", limitRounding.Name,
            Given(Base, @base), Given(Sum, site.Sum(Sum)));
    }
}
