namespace FundingMatch.Budgets;

/// <summary>Where a budget came from, so that a finding can point at it: a source name and a 1-based line.</summary>
/// <param name="Source">The file (or other source) name.</param>
/// <param name="Line">The 1-based line.</param>
public sealed record SourceLocation(string Source, int Line)
{
    /// <summary><c>source:line</c>.</summary>
    public override string ToString() => $"{Source}:{Line}";
}
