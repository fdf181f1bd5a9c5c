namespace FundingMatch.Rules;

/// <summary>The keys of a version's program-wide parameters in a rules file.</summary>
public static class ParameterKeys
{
    /// <summary><c>rounding</c>: the rounding of computed upper limits (required).</summary>
    public const string Rounding = "rounding";

    /// <summary><c>round-total-cost</c>: the round's published total project cost, for reference.</summary>
    public const string RoundTotalCost = "round-total-cost";
}
