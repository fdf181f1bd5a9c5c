using System.Globalization;

namespace FundingMatch.Money;

/// <summary>
/// An exact ratio, such as the 50% national share: a fraction of two whole numbers kept in lowest terms.
/// Comparisons and products are exact (128-bit cross-multiplication), so "exactly 50% passes, one won over fails".
/// </summary>
public readonly struct Share : IEquatable<Share>, IComparable<Share>
{
    private readonly long _denominator;

    /// <summary>Creates the ratio <paramref name="numerator"/> / <paramref name="denominator"/>, reduced.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The denominator is not positive.</exception>
    public Share(long numerator, long denominator)
    {
        if (denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "A share's denominator must be positive.");
        }
        var gcd = (long)Gcd(numerator < 0 ? (ulong)(-(numerator + 1)) + 1 : (ulong)numerator, (ulong)denominator);
        Numerator = numerator / gcd;
        _denominator = denominator / gcd;
    }

    // Binary GCD (Stein) on magnitudes: shifts instead of divisions, no allocation. The denominator is positive,
    // so the result is at least 1 and at most the denominator, which fits a long.
    private static ulong Gcd(ulong a, ulong b)
    {
        if (a == 0)
        {
            return b;
        }
        var shift = System.Numerics.BitOperations.TrailingZeroCount(a | b);
        a >>= System.Numerics.BitOperations.TrailingZeroCount(a);
        do
        {
            b >>= System.Numerics.BitOperations.TrailingZeroCount(b);
            if (a > b)
            {
                (a, b) = (b, a);
            }
            b -= a;
        }
        while (b != 0);
        return a << shift;
    }

    /// <summary>0%.</summary>
    public static Share Zero => new(0, 1);

    /// <summary>100%.</summary>
    public static Share Whole => new(1, 1);

    /// <summary>The numerator in lowest terms.</summary>
    public long Numerator { get; }

    /// <summary>The denominator in lowest terms (1 for a default instance).</summary>
    public long Denominator => _denominator == 0 ? 1 : _denominator;

    /// <summary>A percentage: <c>Percent(50)</c> is one half.</summary>
    public static Share Percent(long percent) => new(percent, 100);

    /// <summary>The share <paramref name="part"/> is of <paramref name="whole"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The whole is not positive.</exception>
    public static Share Of(Won part, Won whole) => new(part.Value, whole.Value);

    /// <summary>
    /// Parses a percentage such as <c>50%</c> or <c>12.5%</c>, or a fraction such as <c>1/2</c>, culture-invariantly.
    /// </summary>
    /// <exception cref="FormatException">The text is not a share.</exception>
    public static Share Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var share)
            ? share
            : throw new FormatException($"'{text}' is not a share: expected a percentage such as 50% or 12.5%, or a fraction such as 1/2.");
    }

    /// <summary>Parses like <see cref="Parse"/>, without throwing.</summary>
    public static bool TryParse(string? text, out Share share)
    {
        share = Zero;
        var s = (text ?? string.Empty).AsSpan().Trim();
        if (s.EndsWith("%"))
        {
            s = s[..^1].TrimEnd();
            var point = s.IndexOf('.');
            var whole = point < 0 ? s : s[..point];
            var fraction = point < 0 ? [] : s[(point + 1)..];
            if (whole.IsEmpty || fraction.Length > 12 || (point >= 0 && fraction.IsEmpty)
                || !IsDigits(whole) || !IsDigits(fraction)
                || !long.TryParse(string.Concat(whole, fraction), NumberStyles.None, CultureInfo.InvariantCulture, out var digits))
            {
                return false;
            }
            long scale = 100;
            for (var i = 0; i < fraction.Length; i++)
            {
                scale = checked(scale * 10);
            }
            share = new Share(digits, scale);
            return true;
        }
        var slash = s.IndexOf('/');
        if (slash > 0
            && long.TryParse(s[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && long.TryParse(s[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && d > 0)
        {
            share = new Share(n, d);
            return true;
        }
        return false;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>This share of <paramref name="amount"/>, rounded by <paramref name="rounding"/>.</summary>
    public Won Of(Won amount, RoundingPolicy rounding)
    {
        ArgumentNullException.ThrowIfNull(rounding);
        // The product in 128 bits only when it needs them (the multiply is most of the cost otherwise).
        var high = Math.BigMul(amount.Value, Numerator, out var low);
        return high == (low >> 63)
            ? rounding.Round(low, Denominator)
            : rounding.Round(unchecked((Int128)amount.Value * Numerator), Denominator);
    }

    /// <summary>True when <paramref name="part"/> is at most this share of <paramref name="whole"/>, exactly.</summary>
    public bool Allows(Won part, Won whole) => unchecked((Int128)part.Value * Denominator <= (Int128)whole.Value * Numerator); // a product of two longs fits in 128 bits: no overflow check needed

    /// <summary>True when <paramref name="part"/> is at least this share of <paramref name="whole"/>, exactly.</summary>
    public bool IsMetBy(Won part, Won whole) => unchecked((Int128)part.Value * Denominator >= (Int128)whole.Value * Numerator);

    /// <summary>One minus this share.</summary>
    public Share Complement() => new(checked(Denominator - Numerator), Denominator);

    private static readonly RoundingPolicy HalfUp = new(1, RoundingDirection.HalfUp);

    private static readonly long[] PowersOfTen =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000, 100_000_000_000,
        1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
    ];

    /// <summary>
    /// The share as a percentage with <paramref name="decimals"/> decimal places, rounded half away from zero
    /// (a display rounding only; no amount is computed from it): 75/343 → 21.87.
    /// </summary>
    public decimal ToPercent(int decimals = 2) => Percent(Numerator, Denominator, decimals);

    /// <summary>
    /// <c>Share.Of(part, whole).ToPercent(decimals)</c>, without reducing the fraction first: for a report that writes
    /// the percentage of every one of many sites.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The whole is not positive, or the part is negative.</exception>
    public static decimal PercentOf(Won part, Won whole, int decimals = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part.Value, nameof(part));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(whole.Value, nameof(whole));
        return Percent(part.Value, whole.Value, decimals);
    }

    private static decimal Percent(long numerator, long denominator, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 12);
        var scale = PowersOfTen[decimals + 2]; // a percentage with the decimals, as a whole number
        long scaled;
        if (numerator >= 0 && numerator <= long.MaxValue / scale)
        {
            // The common case in 64 bits (a report writes this for every site): half up is a remainder at least half.
            var (q, r) = Math.DivRem(numerator * scale, denominator);
            scaled = r >= denominator - r ? q + 1 : q;
        }
        else
        {
            scaled = HalfUp.Round(unchecked((Int128)numerator * scale), denominator).Value; // fits: scale is at most 10^14
        }
        // The percentage is scaled / 10^decimals exactly: built from its digits, with the trailing zeros dropped as a
        // division would (14.5, not 14.50), without dividing.
        var places = (byte)decimals;
        while (places > 0 && scaled % 10 == 0)
        {
            scaled /= 10;
            places--;
        }
        var magnitude = scaled < 0 ? unchecked((ulong)-scaled) : (ulong)scaled;
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, scaled < 0, places);
    }

    /// <summary>The percentage text: <c>50%</c>, <c>21.87%</c> (at most <paramref name="decimals"/> places, trailing zeros dropped).</summary>
    public string ToPercentString(int decimals = 2) =>
        ToPercent(decimals).ToString("0.############", CultureInfo.InvariantCulture) + "%";

    /// <inheritdoc/>
    public override string ToString() => ToPercentString();

    /// <inheritdoc/>
    public bool Equals(Share other) => Numerator == other.Numerator && Denominator == other.Denominator;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Share other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <inheritdoc/>
    public int CompareTo(Share other) => unchecked((Int128)Numerator * other.Denominator).CompareTo(unchecked((Int128)other.Numerator * Denominator));

    /// <inheritdoc cref="IEquatable{T}"/>
    public static bool operator ==(Share a, Share b) => a.Equals(b);

    /// <inheritdoc cref="IEquatable{T}"/>
    public static bool operator !=(Share a, Share b) => !a.Equals(b);

    /// <inheritdoc cref="IComparable{T}"/>
    public static bool operator <(Share a, Share b) => a.CompareTo(b) < 0;

    /// <inheritdoc cref="IComparable{T}"/>
    public static bool operator >(Share a, Share b) => a.CompareTo(b) > 0;

    /// <inheritdoc cref="IComparable{T}"/>
    public static bool operator <=(Share a, Share b) => a.CompareTo(b) <= 0;

    /// <inheritdoc cref="IComparable{T}"/>
    public static bool operator >=(Share a, Share b) => a.CompareTo(b) >= 0;
}
