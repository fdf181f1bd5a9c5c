namespace FundingMatch.Rules.Constraints;

/// <summary>Which side of a bound a sum must stay on.</summary>
public enum BoundDirection
{
    /// <summary><c>at-most</c>: the sum is at most the bound (이하, 상한).</summary>
    AtMost,

    /// <summary><c>at-least</c>: the sum is at least the bound (이상, 하한).</summary>
    AtLeast,
}
