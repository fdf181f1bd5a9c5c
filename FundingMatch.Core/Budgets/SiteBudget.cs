using FundingMatch.Money;
using FundingMatch.Rules;
using NodaTime;

namespace FundingMatch.Budgets;

/// <summary>Where a budget came from, so that a finding can point at it: a source name and a 1-based line.</summary>
/// <param name="Source">The file (or other source) name.</param>
/// <param name="Line">The 1-based line.</param>
public sealed record SourceLocation(string Source, int Line)
{
    /// <summary><c>source:line</c>.</summary>
    public override string ToString() => $"{Source}:{Line}";
}

/// <summary>
/// One site's budget (사업장별 사업비): who, where, and how much each source puts in.
/// Local = provincial + municipal; total = national + local + private.
/// </summary>
public sealed record SiteBudget
{
    /// <summary>The site's id (사업장코드), unique within a program.</summary>
    public required string SiteId { get; init; }

    /// <summary>The site's name (사업장명).</summary>
    public string Name { get; init; } = "";

    /// <summary>The region or local government (지역, 지자체), e.g. 서울 마포구.</summary>
    public string Region { get; init; } = "";

    /// <summary>국비: national funds.</summary>
    public Won National { get; init; }

    /// <summary>시·도비: provincial funds.</summary>
    public Won Provincial { get; init; }

    /// <summary>시·군·구비: municipal funds.</summary>
    public Won Municipal { get; init; }

    /// <summary>
    /// 지방비 given without its split into provincial and municipal money (a budget with one 지방비 column).
    /// It is local government money: it counts toward the local share when provincial or municipal money does.
    /// </summary>
    public Won UnsplitLocal { get; init; }

    /// <summary>민간: private funds.</summary>
    public Won Private { get; init; }

    /// <summary>연면적: the building's floor area in m², if known.</summary>
    public decimal? FloorAreaM2 { get; init; }

    /// <summary>소공인 수: the number of small manufacturers in the cluster, if known.</summary>
    public int? Firms { get; init; }

    /// <summary>준공 예정일: the planned completion date, if known.</summary>
    public LocalDate? PlannedCompletion { get; init; }

    /// <summary>총사업비 as the budget states it, if it does; checked against the sum of the sources.</summary>
    public Won? StatedTotal { get; init; }

    /// <summary>지방비 as the budget states it beside its provincial and municipal split, if it does; checked against their sum.</summary>
    public Won? StatedLocal { get; init; }

    /// <summary>Where the budget was read from, if anywhere.</summary>
    public SourceLocation? Origin { get; init; }

    /// <summary>지방비: provincial + municipal (+ any unsplit local money).</summary>
    public Won Local => Provincial + Municipal + UnsplitLocal;

    /// <summary>총사업비: national + local + private.</summary>
    public Won Total => National + Local + Private;

    /// <summary>The amount from one source.</summary>
    public Won Amount(FundingSource source) => source switch
    {
        FundingSource.National => National,
        FundingSource.Provincial => Provincial,
        FundingSource.Municipal => Municipal,
        FundingSource.Private => Private,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Not a single funding source."),
    };

    /// <summary>
    /// The sum of the sources set in <paramref name="sources"/>, e.g. the money that counts toward the local share.
    /// Unsplit local money is included when provincial or municipal money is.
    /// </summary>
    public Won Sum(FundingSource sources)
    {
        // Tested bit by bit, not by enumerating the sources: this runs once a site on every check.
        var sum = (sources & (FundingSource.Provincial | FundingSource.Municipal)) != 0 ? UnsplitLocal : Won.Zero;
        if ((sources & FundingSource.National) != 0)
        {
            sum += National;
        }
        if ((sources & FundingSource.Provincial) != 0)
        {
            sum += Provincial;
        }
        if ((sources & FundingSource.Municipal) != 0)
        {
            sum += Municipal;
        }
        if ((sources & FundingSource.Private) != 0)
        {
            sum += Private;
        }
        return sum;
    }
}
