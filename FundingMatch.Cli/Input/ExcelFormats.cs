using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FundingMatch.Cli.Input;

/// <summary>
/// What a workbook's number formats (ECMA-376 Part 1, §18.8.30 numFmt) make of the numbers it stores, where a reader
/// that took the number would read something other than the sheet shows:
/// <list type="bullet">
/// <item>which cell styles show a number as a date, and the date a number of days stands for (§18.17.4): a date typed
/// into Excel is stored as days since 1900 (or 1904), 44561 where the sheet shows 2021-12-31;</item>
/// <item>which show a number in thousands or millions (<c>#,##0,,</c>): 2512345678 where the sheet, under
/// <c>(단위: 백만원)</c>, shows 2,512.</item>
/// </list>
/// </summary>
internal sealed class ExcelFormats
{
    // The built-in formats that show a date: 14-17 and 22 in every locale, 27-36 and 50-58 the East Asian ones
    // (Korean Excel's 2021년 12월 31일 among them). 18-21 and 45-47 show only a time of day, which no column takes.
    private static readonly HashSet<uint> BuiltInDates = [14, 15, 16, 17, 22, .. Enumerable.Range(27, 10).Select(i => (uint)i), .. Enumerable.Range(50, 9).Select(i => (uint)i)];

    // The first day each system counts from, one day early: in the 1900 system day 1 is 1900-01-01 and day 60 the
    // 29 February 1900 that Lotus 1-2-3 counted and Excel keeps, so from day 61 on, a day is 1899-12-30 plus its number.
    private static readonly DateOnly Day0Of1900 = new(1899, 12, 31);
    private static readonly DateOnly Day0After1900Feb = new(1899, 12, 30);
    private static readonly DateOnly Day0Of1904 = new(1904, 1, 1);
    private const int LastDay = 2_958_465; // 9999-12-31, the last day Excel shows

    private readonly bool[] _dateStyles;
    private readonly bool _from1904;
    private readonly int[] _thousandsDropped;

    internal ExcelFormats(bool[] dateStyles, bool from1904, int[]? thousandsDropped = null)
    {
        _dateStyles = dateStyles;
        _from1904 = from1904;
        _thousandsDropped = thousandsDropped ?? [];
    }

    /// <summary>The date styles, the date system and the styles in thousands of <paramref name="book"/>.</summary>
    public static ExcelFormats Of(WorkbookPart book)
    {
        // Only a workbook's own formats scale: no built-in one does.
        var formats = StyleFormats(book);
        return new ExcelFormats(
            [.. formats.Select(f => f.Id is { } id && (BuiltInDates.Contains(id) || (f.Code is { } code && ShowsADate(code))))],
            book.Workbook?.WorkbookProperties?.Date1904?.Value == true,
            [.. formats.Select(f => f.Code is { } code ? ThousandsDropped(code) : 0)]);
    }

    /// <summary>How many times a cell of style <paramref name="style"/> divides its number by 1,000 to show it (see <see cref="ThousandsDropped(string)"/>).</summary>
    public int ThousandsDroppedBy(uint? style) => style is { } s && s < _thousandsDropped.Length ? _thousandsDropped[(int)s] : 0;

    // The number format of each cell style, by the style's index: its id, and its code when the workbook defines it.
    private static (uint? Id, string? Code)[] StyleFormats(WorkbookPart book)
    {
        var sheet = book.WorkbookStylesPart?.Stylesheet;
        var custom = sheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
        return sheet?.CellFormats?.Elements<CellFormat>()
            .Select(f => (f.NumberFormatId?.Value, f.NumberFormatId?.Value is { } id && custom.TryGetValue(id, out var code) ? code : null))
            .ToArray() ?? [];
    }

    /// <summary>
    /// How many times a format code divides a number by 1,000 before showing it: the commas after its last digit
    /// placeholder (<c>#,##0,,</c> shows 2,512,345,678 as 2,513; <c>#,##0,"천원"</c> as 2,512,346천원). A comma between
    /// digit placeholders only groups the digits. Read from the format's first section, the one for positive numbers.
    /// </summary>
    internal static int ThousandsDropped(string formatCode)
    {
        int dropped = 0, pending = 0;
        var afterDigit = false;
        for (var i = 0; i < formatCode.Length; i++)
        {
            var c = formatCode[i];
            if (c is '0' or '#' or '?')
            {
                pending = 0; // the commas before it were between digits
                afterDigit = true;
                continue;
            }
            if (c == ',' && afterDigit)
            {
                pending++;
                continue;
            }
            dropped += pending;
            pending = 0;
            if (c == ';')
            {
                return dropped;
            }
            if (c == '.')
            {
                continue; // the fraction's digits may follow, and commas after them
            }
            afterDigit = false;
            if (c == '"')
            {
                i = formatCode.IndexOf('"', i + 1) is var end and >= 0 ? end : formatCode.Length;
            }
            else if (c == '[')
            {
                i = formatCode.IndexOf(']', i + 1) is var end and >= 0 ? end : formatCode.Length;
            }
            else if (c is '\\' or '_' or '*')
            {
                i++;
            }
        }
        return dropped + pending;
    }

    /// <summary>
    /// Whether a format code shows a date: it has a day or a year once its literal text (\-), its sections in brackets
    /// ([$-412], [Red]) and its quoted text ("년") are left out.
    /// </summary>
    internal static bool ShowsADate(string formatCode)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < formatCode.Length; i++)
        {
            var c = formatCode[i];
            if (quoted)
            {
                quoted = c != '"';
            }
            else if (bracket)
            {
                bracket = c != ']';
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '[')
            {
                bracket = true;
            }
            else if (c == '\\' || c == '_' || c == '*')
            {
                i++; // the next character is shown as it is (or is a padding or fill character)
            }
            else if (c is 'y' or 'Y' or 'd' or 'D')
            {
                return true; // an m alone may be minutes; "General" and 0.00E+00 have neither
            }
        }
        return false;
    }

    /// <summary>
    /// The date, as yyyy-MM-dd, that a number of days <paramref name="raw"/> stands for in a cell of style
    /// <paramref name="style"/>; null when the style shows no date, or the number is no day Excel shows (a time of day
    /// alone, the 29 February 1900 that never was, past 9999): the number is then read as it is.
    /// </summary>
    public string? Text(uint? style, string raw)
    {
        if (style is not { } s || s >= _dateStyles.Length || !_dateStyles[s]
            || !decimal.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial))
        {
            return null;
        }
        var day = (int)Math.Min(decimal.Floor(serial), LastDay + 1); // a time of day after the date is not part of it
        DateOnly? date = _from1904
            ? (day <= LastDay - 1462 ? Day0Of1904.AddDays(day) : null)
            : day switch
            {
                < 1 or 60 or > LastDay => null,
                < 60 => Day0Of1900.AddDays(day),
                _ => Day0After1900Feb.AddDays(day),
            };
        return date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
