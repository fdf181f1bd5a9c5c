using System.Globalization;
using System.Text;

namespace FundingMatch.Money;

/// <summary>
/// An exact amount of Korean won (원): a whole number of won held in a <see cref="long"/>.
/// KRW has no minor unit, so there is nothing to round on the way in; every operator is checked
/// and throws <see cref="OverflowException"/> rather than wrapping.
/// </summary>
public readonly struct Won : IEquatable<Won>, IComparable<Won>, IComparable, ISpanFormattable
{
    /// <summary>Zero won.</summary>
    public static readonly Won Zero;

    /// <summary>Creates an amount of <paramref name="value"/> won.</summary>
    public Won(long value) => Value = value;

    /// <summary>The whole number of won.</summary>
    public long Value { get; }

    /// <summary>True when the amount is below zero (budgets reject such amounts; the type allows them).</summary>
    public bool IsNegative => Value < 0;

    /// <summary>An amount of <paramref name="count"/> units of <paramref name="unit"/>, e.g. 25 <see cref="AmountUnit.Eok"/>.</summary>
    /// <exception cref="OverflowException">The product does not fit in a <see cref="long"/>.</exception>
    public static Won FromUnits(long count, AmountUnit unit) => new(checked(count * unit.WonPerUnit()));

    /// <summary>The checked sum of <paramref name="amounts"/>.</summary>
    public static Won Sum(IEnumerable<Won> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        long total = 0;
        foreach (var amount in amounts)
        {
            total = checked(total + amount.Value);
        }
        return new Won(total);
    }

    /// <summary>The smaller of two amounts.</summary>
    public static Won Min(Won a, Won b) => a.Value <= b.Value ? a : b;

    /// <summary>The larger of two amounts.</summary>
    public static Won Max(Won a, Won b) => a.Value >= b.Value ? a : b;

    /// <summary>Checked addition.</summary>
    public static Won operator +(Won a, Won b) => new(checked(a.Value + b.Value));

    /// <summary>Checked subtraction.</summary>
    public static Won operator -(Won a, Won b) => new(checked(a.Value - b.Value));

    /// <summary>Checked negation.</summary>
    public static Won operator -(Won a) => new(checked(-a.Value));

    /// <summary>Checked multiplication by a whole number.</summary>
    public static Won operator *(Won a, long factor) => new(checked(a.Value * factor));

    /// <summary>Checked multiplication by a whole number.</summary>
    public static Won operator *(long factor, Won a) => new(checked(a.Value * factor));

    /// <inheritdoc cref="IComparable{T}"/>
    public static bool operator <(Won a, Won b) => a.Value < b.Value;

    /// <inheritdoc cref="IComparable{T}"/>
    public static bool operator >(Won a, Won b) => a.Value > b.Value;

    /// <inheritdoc cref="IComparable{T}"/>
    public static bool operator <=(Won a, Won b) => a.Value <= b.Value;

    /// <inheritdoc cref="IComparable{T}"/>
    public static bool operator >=(Won a, Won b) => a.Value >= b.Value;

    /// <inheritdoc cref="IEquatable{T}"/>
    public static bool operator ==(Won a, Won b) => a.Value == b.Value;

    /// <inheritdoc cref="IEquatable{T}"/>
    public static bool operator !=(Won a, Won b) => a.Value != b.Value;

    /// <summary>
    /// Parses an amount written the way Korean budgets write it, culture-invariantly: <c>2500000000</c>,
    /// <c>2,500,000,000</c>, <c>2,500,000,000원</c>, <c>25억</c>, <c>25억원</c>, <c>7.5억</c>, <c>2,500백만원</c>,
    /// <c>2,500,000천원</c>, <c>1조 2,000억원</c>, <c>7억 5,000만원</c>, <c>₩2,500,000,000</c> (Excel's currency format: the
    /// sign says won, as 원 does), and <c>△1,000</c> or <c>-1,000</c> as negatives.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="plainUnit">The unit of a number written without one (<c>2,500</c> in a 백만원 column).</param>
    /// <exception cref="FormatException">The text is not an amount; the message says what was expected.</exception>
    public static Won Parse(string text, AmountUnit plainUnit = AmountUnit.Won)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text.AsSpan(), plainUnit, out var value, out var error))
        {
            return value;
        }
        throw new FormatException(AmountParseErrors.Describe(error, text));
    }

    /// <summary>Parses like <see cref="Parse"/>, without throwing.</summary>
    public static bool TryParse(string? text, out Won value) =>
        TryParse(text.AsSpan(), AmountUnit.Won, out value, out _);

    /// <summary>
    /// Parses like <see cref="Parse"/>, without throwing or allocating: the form used on hot paths such as CSV reading.
    /// </summary>
    /// <param name="text">The characters to parse.</param>
    /// <param name="plainUnit">The unit of a number written without one.</param>
    /// <param name="value">The amount, when the result is true.</param>
    /// <param name="error">Why the text is not an amount, when the result is false.</param>
    public static bool TryParse(ReadOnlySpan<char> text, AmountUnit plainUnit, out Won value, out AmountParseError error) =>
        WonParser.TryParse(text, plainUnit, out value, out error);

    /// <summary>Plain form with thousands separators: <c>2,500,000,000</c>.</summary>
    public override string ToString()
    {
        Span<char> text = stackalloc char[MaxGroupedLength];
        return new string(text[..Grouped(Value, text)]);
    }

    /// <summary>
    /// Writes the amount as <see cref="ToString(string?, IFormatProvider?)"/> does, into <paramref name="destination"/>:
    /// what string interpolation calls, so that a message with amounts in it makes no string an amount.
    /// </summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        charsWritten = 0;
        Span<char> text = stackalloc char[MaxGroupedLength + 1];
        int length;
        switch (format)
        {
            case [] or ['N']:
                length = Grouped(Value, text);
                break;
            case ['W']:
                length = Grouped(Value, text);
                text[length++] = '원';
                break;
            case ['R']:
                return Value.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture);
            default:
                var formatted = ToString(format.ToString(), provider);
                if (!formatted.TryCopyTo(destination))
                {
                    return false;
                }
                charsWritten = formatted.Length;
                return true;
        }
        if (!text[..length].TryCopyTo(destination))
        {
            return false;
        }
        charsWritten = length;
        return true;
    }

    // A minus sign, 19 digits and 6 separators.
    private const int MaxGroupedLength = 26;

    // As value.ToString("#,0", CultureInfo.InvariantCulture) writes it (a message can hold several amounts a site, a
    // million sites a run: the custom format is parsed again on every call): digits in threes, a minus sign first.
    private static int Grouped(long value, Span<char> text)
    {
        var magnitude = value < 0 ? unchecked(0UL - (ulong)value) : (ulong)value;
        var end = MaxGroupedLength;
        var i = end;
        var digits = 0;
        do
        {
            if (digits > 0 && digits % 3 == 0)
            {
                text[--i] = ',';
            }
            text[--i] = (char)('0' + (int)(magnitude % 10));
            magnitude /= 10;
            digits++;
        }
        while (magnitude != 0);
        if (value < 0)
        {
            text[--i] = '-';
        }
        var length = end - i;
        text.Slice(i, length).CopyTo(text);
        return length;
    }

    /// <summary>
    /// Formats the amount: <c>N</c> (or null) plain <c>2,500,000,000</c>; <c>W</c> with the unit <c>2,500,000,000원</c>;
    /// <c>K</c> compact Korean <c>25억원</c>, <c>1조 2,000억원</c>, <c>7억 5,000만원</c>; <c>R</c> digits only <c>2500000000</c>.
    /// The format provider is ignored: the output is the same on every machine.
    /// </summary>
    public string ToString(string? format, IFormatProvider? formatProvider = null) => format switch
    {
        null or "" or "N" => ToString(),
        "W" => ToString() + "원",
        "K" => ToCompactKorean(),
        "R" => Value.ToString(CultureInfo.InvariantCulture),
        _ => throw new FormatException($"Unknown won format '{format}'; expected N, W, K or R."),
    };

    private string ToCompactKorean()
    {
        if (Value == 0)
        {
            return "0원";
        }
        // Int128 so that long.MinValue can be negated.
        Int128 rest = Value;
        var sb = new StringBuilder();
        if (rest < 0)
        {
            sb.Append('-');
            rest = -rest;
        }
        var first = true;
        foreach (var (size, name) in KoreanGroups)
        {
            var count = rest / size;
            rest %= size;
            if (count == 0)
            {
                continue;
            }
            if (!first)
            {
                sb.Append(' ');
            }
            sb.Append(new Won((long)count).ToString()).Append(name);
            first = false;
        }
        return sb.Append('원').ToString();
    }

    private static readonly (long Size, string Name)[] KoreanGroups =
    [
        (1_000_000_000_000_0000, "경"),
        (1_000_000_000_000, "조"),
        (100_000_000, "억"),
        (10_000, "만"),
        (1, ""),
    ];

    /// <inheritdoc/>
    public bool Equals(Won other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Won other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(Won other) => Value.CompareTo(other.Value);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Won other => CompareTo(other),
        _ => throw new ArgumentException("Object must be of type Won.", nameof(obj)),
    };
}
