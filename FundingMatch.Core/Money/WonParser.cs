namespace FundingMatch.Money;

/// <summary>
/// The amount grammar, over characters, allocation-free:
/// <c>sign? ₩? sign? group (space* group)*</c> (one sign at most), where a group is a number (digits, optional comma groups of three,
/// optional fraction) followed by an optional Korean unit (조, 억, 천만, 백만, 만, 천) and an optional 원.
/// Several groups must have strictly falling units, each below the one before (<c>1조 2,000억원</c>).
/// </summary>
internal static class WonParser
{
    private const long Jo = 1_000_000_000_000;
    private const long Eok = 100_000_000;
    private const long Man = 10_000;

    public static bool TryParse(ReadOnlySpan<char> text, AmountUnit plainUnit, out Won value, out AmountParseError error)
    {
        value = Won.Zero;
        var s = text.Trim();
        if (s.IsEmpty)
        {
            error = AmountParseError.Empty;
            return false;
        }

        var negative = false;
        if (IsMinus(s[0]))
        {
            negative = true;
            s = s[1..].TrimStart();
        }
        // A cell in Excel's currency format is saved with the won sign before the number (₩2,500,000,000; a negative
        // -₩1,000 or ₩-1,000): it says won as a closing 원 does, so a bare number after it is in won.
        var wonSign = false;
        if (!s.IsEmpty && s[0] is '₩' or '￦')
        {
            wonSign = true;
            s = s[1..].TrimStart();
            if (!negative && !s.IsEmpty && IsMinus(s[0]))
            {
                negative = true;
                s = s[1..].TrimStart();
            }
        }

        Int128 total = 0;
        long previousUnit = long.MaxValue;
        var groups = 0;
        var sawWon = false;
        while (!s.IsEmpty)
        {
            if (sawWon)
            {
                // 원 closes the amount: nothing may follow it.
                error = AmountParseError.UnexpectedCharacter;
                return false;
            }
            if (!TryReadNumber(ref s, out var mantissa, out var scale, out error))
            {
                return false;
            }
            s = s.TrimStart();
            var unit = ReadUnit(ref s, out var explicitUnit);
            // 원 may stand apart from its number or unit: 25억 원, 2,500백만 원.
            if (s.TrimStart() is { IsEmpty: false } rest && rest[0] == '원')
            {
                sawWon = true;
                s = rest[1..];
            }
            s = s.TrimStart();

            if (!explicitUnit)
            {
                // A bare number is only the whole amount, or the last group of a compound (1만 2,345원).
                unit = groups == 0 && !sawWon && !wonSign ? plainUnit.WonPerUnit() : 1;
            }
            if (groups > 0 && explicitUnit && unit == 1_000 && previousUnit >= Eok)
            {
                // 2억5천 is 2억 5,000원 by the grammar but 2억 5천만 to the person who typed it: refuse it rather than guess.
                error = AmountParseError.AmbiguousThousand;
                return false;
            }
            if (groups > 0)
            {
                // Each later group is a smaller unit and stays below the one before it: 1조 9,999억 is fine, 1조 10,000억 is not.
                if (unit >= previousUnit || (Int128)mantissa * unit >= (Int128)previousUnit * Pow10(scale))
                {
                    error = AmountParseError.UnitOrder;
                    return false;
                }
            }
            else if (!s.IsEmpty && !explicitUnit)
            {
                // A number with no unit followed by more text: 7 5,000만, or 100x.
                error = char.IsAsciiDigit(s[0]) ? AmountParseError.UnitOrder : AmountParseError.UnexpectedCharacter;
                return false;
            }

            var product = (Int128)mantissa * unit;
            var divisor = Pow10(scale);
            if (product % divisor != 0)
            {
                error = AmountParseError.NotWholeWon;
                return false;
            }
            total += product / divisor;
            if (total > long.MaxValue)
            {
                error = AmountParseError.TooLarge;
                return false;
            }
            previousUnit = unit;
            groups++;
        }

        if (groups == 0)
        {
            error = AmountParseError.MissingNumber;
            return false;
        }
        value = new Won(negative ? -(long)total : (long)total);
        error = AmountParseError.None;
        return true;
    }

    // The largest unit is 조 (10^12) and a mantissa stays below 10^25: past 30 places no fraction is whole won, and
    // 10^30 keeps every product in Int128.
    private const int MaxScale = 30;

    private static Int128 Pow10(int scale)
    {
        Int128 p = 1;
        for (var i = 0; i < scale; i++)
        {
            p *= 10;
        }
        return p;
    }

    // Reads 2,500,000.5 into mantissa 25000005 and scale 1. Commas, if any, must group the integer part by three.
    private static bool TryReadNumber(ref ReadOnlySpan<char> s, out Int128 mantissa, out int scale, out AmountParseError error)
    {
        mantissa = 0;
        scale = 0;
        var i = 0;
        var digitsInGroup = 0;
        var integerDigits = 0;
        var sawComma = false;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == ','))
        {
            if (s[i] == ',')
            {
                // The first group has 1 to 3 digits, every later one exactly 3.
                if (integerDigits == 0 || (sawComma ? digitsInGroup != 3 : digitsInGroup > 3))
                {
                    error = AmountParseError.MisplacedSeparator;
                    return false;
                }
                sawComma = true;
                digitsInGroup = 0;
            }
            else
            {
                if (!Accumulate(ref mantissa, s[i], out error))
                {
                    return false;
                }
                digitsInGroup++;
                integerDigits++;
            }
            i++;
        }
        if (sawComma && digitsInGroup != 3)
        {
            error = AmountParseError.MisplacedSeparator;
            return false;
        }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var start = i;
            // Trailing zeros change nothing (2.50억 is 2.5억): they are only counted, so that 1.000… with many zeros
            // neither grows the mantissa nor the scale. A digit further down than any unit reaches is never whole won.
            var zeros = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                if (s[i] == '0')
                {
                    zeros++;
                }
                else
                {
                    for (; zeros >= 0; zeros--)
                    {
                        if (!Accumulate(ref mantissa, zeros == 0 ? s[i] : '0', out error))
                        {
                            return false;
                        }
                        if (++scale > MaxScale)
                        {
                            error = AmountParseError.NotWholeWon;
                            return false;
                        }
                    }
                    zeros = 0;
                }
                i++;
            }
            if (i == start)
            {
                error = integerDigits == 0 ? AmountParseError.MissingNumber : AmountParseError.UnexpectedCharacter;
                return false;
            }
        }
        if (integerDigits == 0 && scale == 0)
        {
            error = i < s.Length && IsUnitStart(s[i]) ? AmountParseError.MissingNumber : AmountParseError.UnexpectedCharacter;
            return false;
        }
        s = s[i..];
        error = AmountParseError.None;
        return true;
    }

    private static bool Accumulate(ref Int128 mantissa, char digit, out AmountParseError error)
    {
        mantissa = mantissa * 10 + (digit - '0');
        // Far beyond any long, so later products in Int128 cannot overflow.
        if (mantissa > (Int128)long.MaxValue * 1_000_000)
        {
            error = AmountParseError.TooLarge;
            return false;
        }
        error = AmountParseError.None;
        return true;
    }

    private static bool IsMinus(char c) => c is '-' or '△' or '▲' or '\u2212';

    private static bool IsUnitStart(char c) => c is '조' or '억' or '천' or '백' or '만' or '원';

    private static long ReadUnit(ref ReadOnlySpan<char> s, out bool explicitUnit)
    {
        explicitUnit = true;
        if (s.StartsWith("천만")) { s = s[2..]; return 10_000_000; }
        if (s.StartsWith("백만")) { s = s[2..]; return 1_000_000; }
        if (s.StartsWith("조")) { s = s[1..]; return Jo; }
        if (s.StartsWith("억")) { s = s[1..]; return Eok; }
        if (s.StartsWith("만")) { s = s[1..]; return Man; }
        if (s.StartsWith("천")) { s = s[1..]; return 1_000; }
        explicitUnit = false;
        return 1;
    }
}
