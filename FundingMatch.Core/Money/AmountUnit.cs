namespace FundingMatch.Money;

/// <summary>The unit a budget writes its plain numbers in (단위).</summary>
public enum AmountUnit
{
    /// <summary>원: one won.</summary>
    Won,

    /// <summary>천원: 1,000 won.</summary>
    Thousand,

    /// <summary>백만원: 1,000,000 won.</summary>
    Million,

    /// <summary>억원: 100,000,000 won.</summary>
    Eok,

    /// <summary>만원: 10,000 won (as per-firm budgets such as smart manufacturing support write them).</summary>
    TenThousand,
}

/// <summary>Conversions for <see cref="AmountUnit"/>.</summary>
public static class AmountUnits
{
    /// <summary>How many won one unit is.</summary>
    public static long WonPerUnit(this AmountUnit unit) => unit switch
    {
        AmountUnit.Won => 1,
        AmountUnit.Thousand => 1_000,
        AmountUnit.Million => 1_000_000,
        AmountUnit.Eok => 100_000_000,
        AmountUnit.TenThousand => 10_000,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown amount unit."),
    };

    /// <summary>The Korean name of the unit: 원, 천원, 백만원, 억원, 만원.</summary>
    public static string KoreanName(this AmountUnit unit) => unit switch
    {
        AmountUnit.Won => "원",
        AmountUnit.Thousand => "천원",
        AmountUnit.Million => "백만원",
        AmountUnit.Eok => "억원",
        AmountUnit.TenThousand => "만원",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown amount unit."),
    };
}
