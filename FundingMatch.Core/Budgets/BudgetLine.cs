using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Budgets;

/// <summary>
/// One amount of a site's budget: how much one source puts in, in one kind. A budget is a list of lines, so a new
/// dimension (a fiscal year) is one more field here, not a new property per combination.
/// </summary>
/// <param name="Source">Who pays.</param>
/// <param name="Kind">Cash or in kind.</param>
/// <param name="Amount">How much, in won.</param>
public readonly record struct BudgetLine(FundingSource Source, FundingKind Kind, Won Amount)
{
    /// <summary>A cash line.</summary>
    public static BudgetLine Cash(FundingSource source, Won amount) => new(source, FundingKind.Cash, amount);

    /// <summary>An in-kind line.</summary>
    public static BudgetLine InKind(FundingSource source, Won amount) => new(source, FundingKind.InKind, amount);
}
