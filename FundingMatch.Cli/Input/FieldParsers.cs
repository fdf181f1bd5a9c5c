using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;

namespace FundingMatch.Cli.Input;

/// <summary>Parsers over a field's UTF-8 bytes for the common, plain forms; each falls back to the general parser.</summary>
internal static partial class FieldParsers
{
    /// <summary>A text cell on one line: a line break in it (Excel's Alt+Enter), with the spaces around it, is one space.</summary>
    public static string OneLine(string text) =>
        text.AsSpan().IndexOfAny('\r', '\n') < 0 ? text : string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// A dash as Excel sheets write for nothing: <c>-</c> or <c>－</c>, the longer dashes Korean documents type
    /// (<c>―</c>, <c>—</c>, <c>–</c>, and the vowel <c>ㅡ</c> typed for one), with spaces around it, or after a won sign
    /// as Excel's accounting format (회계) shows a zero (<c> ₩ - </c>).
    /// </summary>
    public static bool IsNothing(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || bytes.Length > 16 || char.IsAsciiDigit((char)bytes[0]))
        {
            return false;
        }
        var rest = bytes.Trim((byte)' ');
        if (rest.StartsWith("₩"u8) || rest.StartsWith("￦"u8))
        {
            rest = rest[3..].TrimStart((byte)' ');
        }
        return rest.SequenceEqual("-"u8) || rest.SequenceEqual("－"u8) || rest.SequenceEqual("―"u8) || rest.SequenceEqual("—"u8)
            || rest.SequenceEqual("–"u8) || rest.SequenceEqual("ㅡ"u8);
    }

    /// <summary>1 to 18 ASCII digits and nothing else.</summary>
    // Six cells a row: inlined, it is a third faster (the JIT inlines no method with a loop unless told).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool TryParseDigits(ReadOnlySpan<byte> bytes, out long value)
    {
        value = 0;
        if (bytes.IsEmpty || bytes.Length > 18)
        {
            return false;
        }
        foreach (var b in bytes)
        {
            var d = unchecked((uint)(b - '0')); // a byte below '0' wraps to a large value: one test for both ends
            if (d > 9)
            {
                return false;
            }
            value = (value * 10) + d;
        }
        return true;
    }

    /// <summary>
    /// A real date of the ISO calendar, the year first and in full: <c>yyyy-MM-dd</c> or <c>yyyy.MM.dd</c> straight
    /// away, and the other forms Korean sheets and documents write (<see cref="OtherDate"/>).
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<byte> bytes, out LocalDate date)
    {
        date = default;
        long year, month, day;
        if (bytes.Length == 10 && bytes[4] == bytes[7] && (bytes[4] == '-' || bytes[4] == '.')
            && TryParseDigits(bytes[..4], out year) && TryParseDigits(bytes[5..7], out month) && TryParseDigits(bytes[8..], out day))
        {
            return TryDate(year, month, day, out date);
        }
        if (OtherForm(bytes) is not var (other, weekday))
        {
            return false;
        }
        date = other;
        return !weekday.Success || Weekday(weekday.ValueSpan[0]) == other.DayOfWeek;
    }

    /// <summary>
    /// For a cell that is a date with its day of the week, <c>2021.12.31(목)</c>, when the day is not that date's: the
    /// date and its own day (<c>2021-12-31</c>, 금), for a message that says so. Null for any other cell.
    /// </summary>
    public static (LocalDate Date, char Weekday)? WrongWeekday(ReadOnlySpan<byte> bytes) =>
        OtherForm(bytes) is var (day, weekday) && weekday.Success && Weekday(weekday.ValueSpan[0]) != day.DayOfWeek
            ? (day, "월화수목금토일"[(int)day.DayOfWeek - 1])
            : null;

    // A cell in one of the other forms (OtherDate) that names a real day: the day, and the day of the week written
    // after it, if any.
    private static (LocalDate Day, Group Weekday)? OtherForm(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 60 || OtherDate().Match(Encoding.UTF8.GetString(bytes).Trim()) is not { Success: true } match
            || !TryDate(
                long.Parse(match.Groups["y"].ValueSpan, CultureInfo.InvariantCulture),
                long.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture),
                long.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture),
                out var day))
        {
            return null;
        }
        return (day, match.Groups["w"]);
    }

    private static IsoDayOfWeek Weekday(char korean) => (IsoDayOfWeek)("월화수목금토일".IndexOf(korean, StringComparison.Ordinal) + 1);

    private static bool TryDate(long year, long month, long day, out LocalDate date)
    {
        date = default;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month))
        {
            return false;
        }
        date = new LocalDate((int)year, (int)month, (int)day);
        return true;
    }

    // 2021.12.31 and 2021-1-5; 2021. 12. 31. (the Korean standard notation: a point and a space after each part);
    // 2021/12/31; 2021년 12월 31일; 20211231. One separator throughout, ASCII digits only: none is ambiguous. Then,
    // as documents and Excel's exports add them, the day of the week, (금) or (금요일), which must be the date's; and a
    // time of day, which does not change the day: 2021-12-31 0:00, 2021-12-31T00:00:00, 2021-12-31 오전 12:00:00.
    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:\s*(?<s>[-./])\s*(?<m>[0-9]{1,2})\s*\k<s>\s*(?<d>[0-9]{1,2})\s*\.?|\s*년\s*(?<m>[0-9]{1,2})\s*월\s*(?<d>[0-9]{1,2})\s*일|(?<m>[0-9]{2})(?<d>[0-9]{2}))"
        + @"(?:\s*\(\s*(?<w>[월화수목금토일])(?:요일)?\s*\))?"
        + @"(?:(?:\s+|T)(?:(?:오전|오후|AM|PM)\s*)?(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:\s*(?:AM|PM))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex OtherDate();

    // The ISO (proleptic Gregorian) calendar's month lengths, as NodaTime's CalendarSystem.Iso gives them, without a
    // calendar lookup a row.
    private static long DaysInMonth(long year, long month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    /// <summary>A floor area: a number with optional thousands separators and decimals, optionally followed by m2, m² or ㎡.</summary>
    /// <summary>
    /// A count of firms as sheets write it: <c>551</c>, <c>1,204</c>, or with the counter Korean writes after it
    /// (<c>551개</c>, <c>551개사</c>, <c>551 개소</c>, <c>551곳</c>).
    /// </summary>
    public static bool TryParseCount(ReadOnlySpan<byte> bytes, out int count) =>
        int.TryParse(WithoutUnit(bytes, ["개사", "개소", "개", "곳"]), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out count) && count >= 0;

    /// <summary>An evaluation score: a number (<c>87.5</c>, <c>-2</c>), with or without 점 after it (<c>87.5점</c>).</summary>
    public static bool TryParseScore(ReadOnlySpan<byte> bytes, out decimal score) =>
        decimal.TryParse(bytes, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out score)
        || decimal.TryParse(WithoutUnit(bytes, ["점"]), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out score);

    // A cell's text without the first of the units it ends with, and the spaces around.
    private static string WithoutUnit(ReadOnlySpan<byte> bytes, ReadOnlySpan<string> units)
    {
        var text = Encoding.UTF8.GetString(bytes).Trim();
        foreach (var unit in units)
        {
            if (text.EndsWith(unit, StringComparison.Ordinal))
            {
                return text[..^unit.Length].TrimEnd();
            }
        }
        return text;
    }

    public static bool TryParseArea(ReadOnlySpan<byte> bytes, out decimal area)
    {
        if (TryParseDigits(bytes, out var whole))
        {
            area = whole;
            return true;
        }
        return decimal.TryParse(WithoutUnit(bytes, ["㎡", "m²", "m2", "M2"]), NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out area);
    }
}
