using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Text;

namespace FundingMatch.Rules.Constraints;

/// <summary>What the bound kinds (share and ratio) share: how a limit is rounded and how it is labelled.</summary>
internal static class Bounds
{
    /// <summary>An upper limit is rounded by the program's policy; a lower one up to the won, so that the minimum always meets the rule.</summary>
    public static RoundingPolicy LimitRounding(BoundDirection direction, RoundingPolicy rounding) =>
        direction == BoundDirection.AtMost ? rounding : RoundingPolicy.UpToWon;

    /// <summary><c>most national</c> or <c>least private</c>, for a derivation.</summary>
    public static LocalizedText Label(BoundDirection direction, MoneySelector sum) => direction == BoundDirection.AtMost
        ? new LocalizedText($"{sum.DescribeKorean()} 한도", $"most {sum.Describe()}")
        : new LocalizedText($"{sum.DescribeKorean()} 최소액", $"least {sum.Describe()}");
}
