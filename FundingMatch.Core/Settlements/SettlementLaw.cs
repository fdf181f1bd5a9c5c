using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Settlements;

/// <summary>
/// The law that applies to the settlement of every national subsidy, as the domain brief quotes it: the citations a
/// settlement's figures carry, and the treasury's rounding.
/// </summary>
public static class SettlementLaw
{
    /// <summary>보조금 관리에 관한 법률 §27②: the settlement report shows costs by funding source (재원별로 명백히).</summary>
    public static Citation BySource { get; } = new("보조금 관리에 관한 법률", "§27② 재원별로 명백히 (the settlement shows costs by funding source)");

    /// <summary>보조금 관리에 관한 법률 §31②: money paid beyond the confirmed amount is returned with its interest.</summary>
    public static Citation Return { get; } = new("보조금 관리에 관한 법률", "§31② (money paid beyond the confirmed amount is returned with its interest)");

    /// <summary>보조금 관리에 관한 법률 시행령 §13①: cases where the interest need not be returned.</summary>
    public static Citation InterestExemption { get; } = new("보조금 관리에 관한 법률 시행령", "§13① (interest need not be returned, e.g. money spent within one month of receipt)");

    /// <summary>보조금 관리에 관한 법률 시행령 §4②: the subsidy rate is national money over the sum of all sources.</summary>
    public static Citation Rate { get; } = new("보조금 관리에 관한 법률 시행령", "§4② (the subsidy rate: national money over the sum of every source)");

    /// <summary>Practice, not a statute: the unspent money is split by each source's planned share.</summary>
    public static Citation PlannedShares { get; } = new(
        "Practice, not a statute: howtousebojo.notion.site/248ff234815e80869d58f68c2a4c873a",
        "a 1:1:1 plan returns an unspent 9백만원 as 3백만원 a source; the subsidy is confirmed at the planned national share of the actual cost");

    /// <summary>국고금 관리법 §47①: an end below 10 won is dropped.</summary>
    public static Citation TreasuryRoundingCitation { get; } = new("국고금 관리법", "§47① 10원 미만의 끝수가 있을 때에는 그 끝수는 계산하지 아니하고");

    /// <summary>The treasury's rounding of the confirmed national amount: down to 10 won.</summary>
    public static RoundingPolicy TreasuryRounding { get; } = new(10, RoundingDirection.Down);
}
