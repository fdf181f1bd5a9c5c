using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Budgets;

/// <summary>
/// One amount of a site's budget: how much one source puts in, in one kind, in one fiscal year if the budget is
/// split by year. A budget is a list of lines, so a dimension is one field here, not a property per combination.
/// </summary>
/// <param name="Source">Who pays.</param>
/// <param name="Kind">Cash or in kind.</param>
/// <param name="Amount">How much, in won.</param>
/// <param name="FiscalYear">The fiscal year (회계연도) of the money, or null when the budget is not split by year.</param>
public readonly record struct BudgetLine(FundingSource Source, FundingKind Kind, Won Amount, int? FiscalYear = null)
{
    /// <summary>A cash line.</summary>
    public static BudgetLine Cash(FundingSource source, Won amount, int? fiscalYear = null) => new(source, FundingKind.Cash, amount, fiscalYear);

    /// <summary>An in-kind line.</summary>
    public static BudgetLine InKind(FundingSource source, Won amount, int? fiscalYear = null) => new(source, FundingKind.InKind, amount, fiscalYear);
}
