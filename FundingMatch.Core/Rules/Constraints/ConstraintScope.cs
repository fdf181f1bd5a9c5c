namespace FundingMatch.Rules.Constraints;

/// <summary>What a constraint is about: each site's budget, or the program as a whole.</summary>
public enum ConstraintScope
{
    /// <summary>Holds for each site (a share, a ratio, a cap, a deadline, a floor area).</summary>
    Site,

    /// <summary>Holds for the sum over sites (an envelope, a number of sites).</summary>
    Program,
}
