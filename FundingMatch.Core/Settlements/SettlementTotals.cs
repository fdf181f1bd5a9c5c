using FundingMatch.Money;

namespace FundingMatch.Settlements;

/// <summary>A settlement's figures added up over every site.</summary>
/// <param name="Sites">How many sites.</param>
/// <param name="PlannedTotal">Planned totals.</param>
/// <param name="ActualTotal">Actual totals.</param>
/// <param name="PlannedNational">Planned national money.</param>
/// <param name="Disbursed">National money paid.</param>
/// <param name="ConfirmedNational">National money confirmed.</param>
/// <param name="NationalReturn">National money to return.</param>
/// <param name="InterestReturn">Interest to return.</param>
public sealed record SettlementTotals(int Sites, Won PlannedTotal, Won ActualTotal, Won PlannedNational, Won Disbursed, Won ConfirmedNational, Won NationalReturn, Won InterestReturn)
{
    /// <summary>The program's planned national share; null when nothing was planned.</summary>
    public Share? PlannedNationalShare => PlannedTotal.Value > 0 ? Share.Of(PlannedNational, PlannedTotal) : null;

    /// <summary>National money and interest to return.</summary>
    public Won TotalReturn => NationalReturn + InterestReturn;
}
