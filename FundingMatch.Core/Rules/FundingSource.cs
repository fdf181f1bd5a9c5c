namespace FundingMatch.Rules;

/// <summary>A source of a site's money.</summary>
[Flags]
public enum FundingSource
{
    /// <summary>No source.</summary>
    None = 0,

    /// <summary>국비: the national budget.</summary>
    National = 1,

    /// <summary>시·도비: the province or metropolitan city (광역).</summary>
    Provincial = 2,

    /// <summary>시·군·구비: the city, county or district (기초).</summary>
    Municipal = 4,

    /// <summary>민간: private partners.</summary>
    Private = 8,
}

/// <summary>Names of <see cref="FundingSource"/> as rules files and reports write them.</summary>
public static class FundingSources
{
    /// <summary>The single sources, in report order.</summary>
    public static IReadOnlyList<FundingSource> All { get; } =
        [FundingSource.National, FundingSource.Provincial, FundingSource.Municipal, FundingSource.Private];

    /// <summary>The name of a single source: <c>national</c>, <c>provincial</c>, <c>municipal</c>, <c>private</c>.</summary>
    public static string Name(FundingSource source) => source switch
    {
        FundingSource.National => "national",
        FundingSource.Provincial => "provincial",
        FundingSource.Municipal => "municipal",
        FundingSource.Private => "private",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Not a single funding source."),
    };

    /// <summary>The Korean name of a single source: 국비, 시·도비, 시·군·구비, 민간.</summary>
    public static string KoreanName(FundingSource source) => source switch
    {
        FundingSource.National => "국비",
        FundingSource.Provincial => "시·도비",
        FundingSource.Municipal => "시·군·구비",
        FundingSource.Private => "민간",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Not a single funding source."),
    };

    /// <summary>The names of the sources set in <paramref name="sources"/>, in report order, joined by <paramref name="separator"/>.</summary>
    public static string Describe(FundingSource sources, string separator = " + ") =>
        string.Join(separator, All.Where(s => sources.HasFlag(s)).Select(Name));

    /// <summary>The Korean names of the sources set in <paramref name="sources"/>, in report order, joined by <paramref name="separator"/>.</summary>
    public static string DescribeKorean(FundingSource sources, string separator = " + ") =>
        string.Join(separator, All.Where(s => sources.HasFlag(s)).Select(KoreanName));

    /// <summary>Reads a single source name.</summary>
    public static bool TryParse(string text, out FundingSource source)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Name(candidate), text, StringComparison.Ordinal))
            {
                source = candidate;
                return true;
            }
        }
        source = FundingSource.None;
        return false;
    }
}
