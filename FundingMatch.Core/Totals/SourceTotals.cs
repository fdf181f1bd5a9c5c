using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Totals;

/// <summary>Sums by source and kind, for a program or one region.</summary>
public sealed class SourceTotals
{
    private readonly long[] _cells;

    internal SourceTotals(int sites, long[] cells)
    {
        Sites = sites;
        _cells = cells;
    }

    /// <summary>How many sites.</summary>
    public int Sites { get; }

    /// <summary>The sum of the cells <paramref name="selector"/> picks.</summary>
    public Won Sum(MoneySelector selector)
    {
        long sum = 0;
        foreach (var source in FundingSources.All)
        {
            foreach (var kind in FundingSources.Kinds)
            {
                if (selector.Contains(source, kind))
                {
                    sum = checked(sum + _cells[MoneySelector.Index(source, kind)]);
                }
            }
        }
        return new Won(sum);
    }

    /// <summary>One source, one kind.</summary>
    public Won Amount(FundingSource source, FundingKind kind) => new(_cells[MoneySelector.Index(source, kind)]);

    /// <summary>One source, cash and in kind.</summary>
    public Won Amount(FundingSource source) => Sum(MoneySelector.Of(source));

    /// <summary>국비.</summary>
    public Won National => Amount(FundingSource.National);

    /// <summary>시·도비.</summary>
    public Won Provincial => Amount(FundingSource.Provincial);

    /// <summary>시·군·구비.</summary>
    public Won Municipal => Amount(FundingSource.Municipal);

    /// <summary>지방비: provincial + municipal + unsplit local.</summary>
    public Won Local => Sum(MoneySelector.LocalGovernment);

    /// <summary>민간.</summary>
    public Won Private => Amount(FundingSource.Private);

    /// <summary>현물: in kind, every source.</summary>
    public Won InKind => Sum(MoneySelector.InKind);

    /// <summary>총사업비.</summary>
    public Won Total => Sum(MoneySelector.All);

    /// <summary>The national share of the total, exactly; null when the total is zero.</summary>
    public Share? NationalShare => Total.Value > 0 ? Share.Of(National, Total) : null;

}
