namespace FundingMatch.Rules.Constraints;

/// <summary>A kind of constraint as the rules loader knows it: its name, its own keys beside the common ones, and its reader.</summary>
/// <param name="Name">The name a rules file writes under <c>kind</c>.</param>
/// <param name="Keys">The keys of its own (<c>sum</c>, <c>bound</c>, <c>of</c>).</param>
/// <param name="Read">Reads an entry; null when the entry has errors (reported through the reader).</param>
internal sealed record ConstraintKind(string Name, string[] Keys, Func<ConstraintReader, Constraint?> Read);
