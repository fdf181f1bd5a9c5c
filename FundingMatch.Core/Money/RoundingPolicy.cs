using System.Globalization;

namespace FundingMatch.Money;

/// <summary>Which way a rounding goes.</summary>
public enum RoundingDirection
{
    /// <summary>Toward negative infinity (절사, truncation for the non-negative amounts of a budget).</summary>
    Down,

    /// <summary>Toward positive infinity (절상).</summary>
    Up,

    /// <summary>To the nearest unit, halves away from zero (사사오입).</summary>
    HalfUp,

    /// <summary>To the nearest unit, halves to the even unit (banker's rounding).</summary>
    HalfEven,
}

/// <summary>
/// A named rounding rule: a unit in won and a direction, e.g. "down to 1,000 won" (천원 미만 절사).
/// Every computed amount records the policy that produced it.
/// </summary>
public sealed record RoundingPolicy
{
    /// <summary>Creates a policy.</summary>
    /// <param name="unit">The unit in won, at least 1.</param>
    /// <param name="direction">The direction.</param>
    public RoundingPolicy(long unit, RoundingDirection direction)
    {
        if (unit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "A rounding unit is at least 1 won.");
        }
        if (!Enum.IsDefined(direction))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown rounding direction.");
        }
        Unit = unit;
        Direction = direction;
        _description = $"{DirectionName(direction)} to {unit.ToString("#,0", CultureInfo.InvariantCulture)} won";
    }

    /// <summary>Korean budget practice: truncate below 1,000 won (천원 미만 절사).</summary>
    public static RoundingPolicy DownToThousand { get; } = new(1_000, RoundingDirection.Down);

    /// <summary>Exact to the won, rounding a fraction of a won down.</summary>
    public static RoundingPolicy DownToWon { get; } = new(1, RoundingDirection.Down);

    /// <summary>Exact to the won, rounding a fraction of a won up: the policy for a minimum that must be met.</summary>
    public static RoundingPolicy UpToWon { get; } = new(1, RoundingDirection.Up);

    /// <summary>The unit in won: results are whole multiples of it.</summary>
    public long Unit { get; }

    /// <summary>The direction.</summary>
    public RoundingDirection Direction { get; }

    /// <summary>Rounds a whole amount to the unit.</summary>
    public Won Round(Won amount) => Round64(amount.Value, Unit); // Round(amount, 1) without the 128-bit checks: a whole amount is always in range

    /// <summary>Rounds the exact value <paramref name="numerator"/> / <paramref name="denominator"/> won to the unit.</summary>
    /// <exception cref="OverflowException">The result does not fit in a <see cref="long"/>.</exception>
    public Won Round(Int128 numerator, Int128 denominator)
    {
        if (denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "The denominator must be positive.");
        }
        if (numerator >= long.MinValue && numerator <= long.MaxValue && denominator <= long.MaxValue / Unit)
        {
            // The common case, in 64 bits throughout: many times faster than 128-bit arithmetic.
            return Round64((long)numerator, (long)denominator * Unit);
        }
        // q = numerator / (denominator × unit) as an exact quotient and remainder, floored.
        var d = denominator * Unit;
        var (q, r) = Int128.DivRem(numerator, d);
        if (r < 0)
        {
            q -= 1;
            r += d;
        }
        // Now value/unit = q + r/d with 0 <= r < d.
        if (r != 0)
        {
            var twice = r * 2;
            q += Direction switch
            {
                RoundingDirection.Down => 0,
                RoundingDirection.Up => 1,
                RoundingDirection.HalfUp => twice > d || (twice == d && q >= 0) ? 1 : 0,
                RoundingDirection.HalfEven => twice > d || (twice == d && !Int128.IsEvenInteger(q)) ? 1 : 0,
                _ => 0,
            };
        }
        return new Won(checked((long)(q * Unit)));
    }

    /// <summary><see cref="Round(Int128, Int128)"/> of <paramref name="numerator"/> / <paramref name="d"/> units, in 64 bits.</summary>
    private Won Round64(long numerator, long d)
    {
        var (q, r) = Math.DivRem(numerator, d);
        if (r < 0)
        {
            q -= 1;
            r += d;
        }
        // Now value/unit = q + r/d with 0 <= r < d: r against d - r is 2r against d, without overflow.
        if (r != 0)
        {
            var rest = d - r;
            q += Direction switch
            {
                RoundingDirection.Down => 0,
                RoundingDirection.Up => 1,
                RoundingDirection.HalfUp => r > rest || (r == rest && q >= 0) ? 1 : 0,
                RoundingDirection.HalfEven => r > rest || (r == rest && (q & 1) != 0) ? 1 : 0,
                _ => 0,
            };
        }
        return new Won(checked(q * Unit));
    }

    /// <summary>An English name: "down to 1,000 won".</summary>
    public string Describe() => _description;

    // Written once, in the constructor (so that equal policies hold equal text): reports name the policy on every figure.
    private readonly string _description;

    /// <summary>The policy's name in Korean and English: "1,000원 미만 절사", "down to 1,000 won".</summary>
    public Text.LocalizedText Name => new(DescribeKorean(), Describe());

    /// <summary>A Korean name: "1,000원 미만 절사".</summary>
    public string DescribeKorean() => $"{Unit.ToString("#,0", CultureInfo.InvariantCulture)}원 미만 {Direction switch
    {
        RoundingDirection.Down => "절사",
        RoundingDirection.Up => "절상",
        RoundingDirection.HalfUp => "사사오입",
        _ => "오사오입(짝수)",
    }}";

    /// <summary>The direction's name as a rules file writes it: <c>down</c>, <c>up</c>, <c>half-up</c>, <c>half-even</c>.</summary>
    public static string DirectionName(RoundingDirection direction) => direction switch
    {
        RoundingDirection.Down => "down",
        RoundingDirection.Up => "up",
        RoundingDirection.HalfUp => "half-up",
        RoundingDirection.HalfEven => "half-even",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Unknown rounding direction."),
    };

    /// <summary>Reads a direction name as written by <see cref="DirectionName"/>.</summary>
    public static bool TryParseDirection(string text, out RoundingDirection direction)
    {
        foreach (var candidate in Enum.GetValues<RoundingDirection>())
        {
            if (string.Equals(DirectionName(candidate), text, StringComparison.Ordinal))
            {
                direction = candidate;
                return true;
            }
        }
        direction = default;
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
