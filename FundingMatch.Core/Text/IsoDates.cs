using NodaTime;
using NodaTime.Text;

namespace FundingMatch.Text;

/// <summary>
/// Dates written yyyy-MM-dd, exactly as NodaTime's ISO pattern reads and writes them, without building that pattern
/// for the plain form: its first use (culture data, the pattern parser) was about 50 ms of every command's start,
/// for the few dates a rules file has. Anything but four digits, a dash, two digits, a dash and two digits goes to the
/// pattern itself.
/// </summary>
internal static class IsoDates
{
    /// <summary>The date as <c>LocalDatePattern.Iso</c> formats it.</summary>
    public static string Format(LocalDate date) =>
        date.Year is >= 1 and <= 9999 && date.Calendar == CalendarSystem.Iso
            ? string.Create(10, date, static (text, d) =>
            {
                Digits(text[..4], d.Year);
                text[4] = '-';
                Digits(text.Slice(5, 2), d.Month);
                text[7] = '-';
                Digits(text.Slice(8, 2), d.Day);
            })
            : LocalDatePattern.Iso.Format(date);

    /// <summary>Whether <c>LocalDatePattern.Iso</c> parses <paramref name="text"/>, and the date it gives.</summary>
    public static bool TryParse(string text, out LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 10 && text[4] == '-' && text[7] == '-'
            && Number(text.AsSpan(0, 4)) is var year and >= 1
            && Number(text.AsSpan(5, 2)) is var month and >= 0
            && Number(text.AsSpan(8, 2)) is var day and >= 0)
        {
            if (month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                date = new LocalDate(year, month, day);
                return true;
            }
            date = default;
            return false; // well formed, but no such day: the pattern says so too
        }
        var result = LocalDatePattern.Iso.Parse(text);
        date = result.Success ? result.Value : default;
        return result.Success;
    }

    // The value of ASCII digits, or -1 for anything else.
    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return -1;
            }
            value = (value * 10) + (c - '0');
        }
        return value;
    }

    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
