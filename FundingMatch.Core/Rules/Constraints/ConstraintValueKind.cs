namespace FundingMatch.Rules.Constraints;

/// <summary>The type of a constraint's one value: what a what-if may set it to and how a range steps.</summary>
public enum ConstraintValueKind
{
    /// <summary>A share such as <c>50%</c>, from 0% to 100%.</summary>
    Share,

    /// <summary>A ratio such as <c>1</c> or <c>1.5</c> (zero or more).</summary>
    Ratio,

    /// <summary>An amount of won such as <c>25억원</c>.</summary>
    Amount,

    /// <summary>A whole number of 1 or more.</summary>
    Count,

    /// <summary>A date written yyyy-MM-dd.</summary>
    Date,

    /// <summary>A positive number such as a floor area.</summary>
    Number,
}
