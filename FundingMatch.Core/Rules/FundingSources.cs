namespace FundingMatch.Rules;

/// <summary>Names of <see cref="FundingSource"/> and <see cref="FundingKind"/> as rules files and reports write them.</summary>
public static class FundingSources
{
    /// <summary>Every source, in report order.</summary>
    public static IReadOnlyList<FundingSource> All { get; } =
        [FundingSource.National, FundingSource.Provincial, FundingSource.Municipal, FundingSource.Local, FundingSource.Private];

    /// <summary>Both kinds, cash first.</summary>
    public static IReadOnlyList<FundingKind> Kinds { get; } = [FundingKind.Cash, FundingKind.InKind];

    /// <summary><c>national</c>, <c>provincial</c>, <c>municipal</c>, <c>local</c> or <c>private</c>.</summary>
    public static string Name(FundingSource source) => source switch
    {
        FundingSource.National => "national",
        FundingSource.Provincial => "provincial",
        FundingSource.Municipal => "municipal",
        FundingSource.Local => "local",
        FundingSource.Private => "private",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Not a funding source."),
    };

    /// <summary>국비, 시·도비, 시·군·구비, 지방비 or 민간.</summary>
    public static string KoreanName(FundingSource source) => source switch
    {
        FundingSource.National => "국비",
        FundingSource.Provincial => "시·도비",
        FundingSource.Municipal => "시·군·구비",
        FundingSource.Local => "지방비",
        FundingSource.Private => "민간",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Not a funding source."),
    };

    /// <summary><c>cash</c> or <c>in-kind</c>.</summary>
    public static string Name(FundingKind kind) => kind switch
    {
        FundingKind.Cash => "cash",
        FundingKind.InKind => "in-kind",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of funding."),
    };

    /// <summary>현금 or 현물.</summary>
    public static string KoreanName(FundingKind kind) => kind switch
    {
        FundingKind.Cash => "현금",
        FundingKind.InKind => "현물",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of funding."),
    };

    /// <summary>Reads a source name (<c>national</c> ... <c>private</c>).</summary>
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
        source = default;
        return false;
    }

    /// <summary>Reads a kind name (<c>cash</c> or <c>in-kind</c>).</summary>
    public static bool TryParse(string text, out FundingKind kind)
    {
        foreach (var candidate in Kinds)
        {
            if (string.Equals(Name(candidate), text, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
