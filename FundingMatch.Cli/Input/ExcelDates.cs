using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FundingMatch.Cli.Input;

/// <summary>
/// Which cell styles of a workbook show a number as a date, and the date a number of days stands for (ECMA-376
/// Part 1, §18.8.30 numFmt and §18.17.4 dates): a date typed into Excel is stored as days since 1900 (or 1904), and
/// a reader that took the number would see 44561 where the sheet shows 2021-12-31.
/// </summary>
internal sealed class ExcelDates
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

    internal ExcelDates(bool[] dateStyles, bool from1904)
    {
        _dateStyles = dateStyles;
        _from1904 = from1904;
    }

    /// <summary>The date styles and the date system of <paramref name="book"/>.</summary>
    public static ExcelDates Of(WorkbookPart book)
    {
        var sheet = book.WorkbookStylesPart?.Stylesheet;
        var custom = sheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
        var styles = sheet?.CellFormats?.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id && (BuiltInDates.Contains(id) || (custom.TryGetValue(id, out var code) && ShowsADate(code))))
            .ToArray() ?? [];
        return new ExcelDates(styles, book.Workbook?.WorkbookProperties?.Date1904?.Value == true);
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
