using FundingMatch.Text;
using FundingMatch.Totals;
using FundingMatch.Utility;

namespace FundingMatch.Rules.Constraints;

/// <summary><c>site-count</c>: the program has at most this many sites, such as 3개 지자체.</summary>
public sealed class SiteCountBound : Constraint
{
    /// <summary>Creates the constraint.</summary>
    /// <param name="header">Key, code, severity, date and citation.</param>
    /// <param name="maxSites">The most sites, 1 or more.</param>
    public SiteCountBound(ConstraintHeader header, int maxSites)
        : base(header) => MaxSites = Preconditions.CheckPositive(maxSites, nameof(maxSites));

    /// <summary>The most sites.</summary>
    public int MaxSites { get; }

    /// <inheritdoc/>
    public override string Kind => "site-count";

    /// <inheritdoc/>
    public override ConstraintScope Scope => ConstraintScope.Program;

    /// <inheritdoc/>
    public override ConstraintValueKind ValueKind => ConstraintValueKind.Count;

    /// <inheritdoc/>
    public override string ValueText => ConstraintValues.Format(MaxSites);

    /// <inheritdoc/>
    public override LocalizedText Describe() => new($"사업장 수 ≤ {MaxSites}곳", $"sites ≤ {MaxSites}");

    /// <inheritdoc/>
    public override Constraint WithValue(string text, ConstraintHeader header) => new SiteCountBound(header, ConstraintValues.Count(text));

    /// <inheritdoc/>
    public override bool IsBrokenBy(ProgramTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return totals.All.Sites > MaxSites;
    }

    /// <inheritdoc/>
    public override Validation.Finding FindingFor(ProgramTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var n = totals.All.Sites;
        return ProgramFinding($"<= {MaxSites}", ConstraintValues.Format(n),
            $"사업장이 {n}곳으로, 선정 규모 {MaxSites}곳보다 많습니다",
            $"{n} sites, more than the {MaxSites} the round selects");
    }
}
