using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FundingMatch.Text;

namespace FundingMatch.Cli.Input;

/// <summary>
/// Excel workbooks (.xlsx), read with the Open XML SDK: one sheet becomes lines of CSV text, one line a sheet row with
/// the sheet's own row numbers, so that the CSV reader's header, unit and amount rules apply unchanged and every
/// message can name the sheet and the cell (<c>B7</c>). Numbers stored as numbers and as text both work.
/// </summary>
internal static class Workbooks
{
    public static bool IsWorkbook(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether bytes start as a workbook's do: a ZIP archive's first local file header. No CSV starts so, and a
    /// workbook saved or downloaded under a .csv name, or piped in, is read as the workbook it is.
    /// </summary>
    public static bool StartsAsWorkbook(ReadOnlySpan<byte> start) => start.StartsWith("PK\u0003\u0004"u8);

    /// <summary>As <see cref="StartsAsWorkbook(ReadOnlySpan{byte})"/>, for a seekable stream, left where it was.</summary>
    public static bool StartsAsWorkbook(Stream stream) => StartsAsWorkbook(TextEncodings.Peek(stream, stackalloc byte[4]));

    /// <summary>
    /// Whether a seekable stream, left where it was, starts as an Excel 97-2003 workbook (.xls) does: an OLE2 compound
    /// file's signature (D0 CF 11 E0 A1 B1 1A E1), which no CSV text has (and which .hwp and .doc files share).
    /// </summary>
    public static bool StartsAsOldWorkbook(Stream stream) =>
        TextEncodings.Peek(stream, stackalloc byte[8]).SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>The sheet <paramref name="sheetName"/> (or the first) of the workbook <paramref name="input"/> as text, with its name and its cells merged over rows.</summary>
    /// <exception cref="InputException">The file is not a workbook, or has no such sheet.</exception>
    public static SheetText ReadSheet(Stream input, string displayName, string? sheetName)
    {
        try
        {
            return ReadSheetOf(input, displayName, sheetName);
        }
        catch (Exception e) when (IsBrokenPackage(e))
        {
            // Found by fuzzing: a damaged workbook fails anywhere in the package (the zip, a part's XML, a missing
            // part), not only when it is opened. Whatever the part, it is a file that cannot be read, not a crash.
            throw new InputException(new InputProblem(displayName, null, null, null, null, new LocalizedText(
                $"Excel 통합 문서(.xlsx)로 읽을 수 없습니다: {Output.Cells.Shown(e.Message)}", $"cannot be read as an Excel workbook (.xlsx): {Output.Cells.Shown(e.Message)}")));
        }
    }

    // What the Open XML SDK and the zip, packaging and XML readers under it throw for a damaged package ("Specified
    // part does not exist in the package" is an InvalidOperationException; a relationship with a bad URI an
    // ArgumentException; a row number that is not a number, r="J", a FormatException or OverflowException when the
    // SDK parses it). The code around the SDK here throws none of these.
    private static bool IsBrokenPackage(Exception e) =>
        e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or System.Xml.XmlException
            or InvalidOperationException or NotSupportedException or ArgumentException or FormatException or OverflowException;

    private static SheetText ReadSheetOf(Stream input, string displayName, string? sheetName)
    {
        using (var document = SpreadsheetDocument.Open(input, isEditable: false))
        {
            var book = document.WorkbookPart ?? throw NotAWorkbook(displayName);
            var sheets = book.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
            // By default the first sheet of cells a reader of the workbook sees: a hidden sheet (a lookup table, an old
            // version) is not the budget, nor is a chart on a sheet of its own; named with --sheet, any sheet.
            bool IsWorksheet(Sheet s) => s.Id?.Value is { } part && book.TryGetPartById(part, out var p) && p is WorksheetPart;
            var sheet = sheetName is null
                ? sheets.FirstOrDefault(s => (s.State?.Value is null || s.State.Value == SheetStateValues.Visible) && IsWorksheet(s))
                : sheets.FirstOrDefault(s => s.Name?.Value == sheetName);
            if (sheet?.Id?.Value is not { } id)
            {
                var names = string.Join(", ", sheets.Select(s => s.Name?.Value));
                throw new InputException(new InputProblem(displayName, null, null, null, sheetName, sheetName is null
                    ? new LocalizedText("통합 문서에 셀이 있는 시트가 없습니다", "the workbook has no sheet of cells")
                    : new LocalizedText($"시트 '{sheetName}'이(가) 없습니다. 있는 시트: {names}", $"there is no sheet '{sheetName}'; the sheets are {names}")));
            }
            if (!book.TryGetPartById(id, out var found) || found is not WorksheetPart { Worksheet: { } worksheet })
            {
                throw found is ChartsheetPart
                    ? new InputException(new InputProblem(displayName, null, null, null, sheetName, new LocalizedText(
                        $"시트 '{sheet.Name?.Value}'은(는) 차트 시트입니다: 셀이 있는 시트를 고르십시오", $"the sheet '{sheet.Name?.Value}' is a chart, not a sheet of cells")))
                    : Broken(displayName, $"시트 '{sheet.Name?.Value}'의 내용이 없습니다", $"the sheet '{sheet.Name?.Value}' has no worksheet in the package");
            }
            var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(Shown).ToArray() ?? [];
            var formats = ExcelFormats.Of(book);
            var lines = new List<(uint Row, List<string> Cells)>();
            var unknown = new List<UnknownValue>();
            var rowUnknown = new List<(int Column, string Shown, bool IsError)>();
            var scaled = new List<ScaledCell>();
            var rowScaled = new List<(int Column, int Thousands)>();
            foreach (var row in worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                rowUnknown.Clear();
                rowScaled.Clear();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    if (column >= MaxColumns)
                    {
                        throw Broken(displayName, $"셀 {Output.Cells.Shown(cell.CellReference?.Value ?? "")}이(가) Excel의 마지막 열(XFD)을 넘습니다", $"cell {Output.Cells.Shown(cell.CellReference?.Value ?? "")} is past Excel's last column (XFD)");
                    }
                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }
                    if (cell.DataType?.Value == CellValues.Error)
                    {
                        rowUnknown.Add((column, cell.CellValue?.Text ?? "#VALUE!", true));
                    }
                    else if (cell.CellValue is not null && (cell.DataType is null || cell.DataType.Value == CellValues.Number)
                        && formats.Text(cell.StyleIndex?.Value, cell.CellValue.Text) is null && formats.ThousandsDroppedBy(cell.StyleIndex?.Value) is > 0 and var thousands)
                    {
                        rowScaled.Add((column, thousands));
                    }
                    else if (cell.CellFormula is { } formula && cell.CellValue is null)
                    {
                        rowUnknown.Add((column, "=" + formula.Text, false));
                    }
                    // A line break in a cell (Alt+Enter) reads as a space, as in a CSV; one sheet row stays one line.
                    cells.Add(FieldParsers.OneLine(Text(cell, shared, formats)));
                }
                var rowIndex = row.RowIndex?.Value ?? (uint)(lines.Count == 0 ? 1 : lines[^1].Row + 1);
                // Rows come in order and within Excel's 1,048,576: anything else is a damaged sheet (and a row number of
                // four billion would be four billion blank lines).
                if (rowIndex == 0 || rowIndex > MaxRows || (lines.Count > 0 && rowIndex <= lines[^1].Row))
                {
                    throw Broken(displayName, $"행 번호 {rowIndex}이(가) 잘못되었습니다", $"row number {rowIndex} is out of order or past Excel's last row");
                }
                lines.Add((rowIndex, cells));
                unknown.AddRange(rowUnknown.Select(u => new UnknownValue((int)rowIndex, u.Column, u.Shown, u.IsError)));
                scaled.AddRange(rowScaled.Select(c => new ScaledCell((int)rowIndex, c.Column, c.Thousands)));
            }
            // Excel leaves trailing empty cells out: every row is as wide as the widest, as a CSV export would be.
            var width = lines.Count == 0 ? 0 : lines.Max(l => l.Cells.Count);
            foreach (var (_, cells) in lines)
            {
                while (cells.Count < width)
                {
                    cells.Add("");
                }
            }
            return new SheetText(sheet.Name?.Value ?? "", lines, MergedDown(worksheet), unknown, scaled);
        }
    }

    // The merged cells of a sheet that span rows (A3:A5), as Excel keeps them: the value in the first cell, blanks under it.
    private static List<CellRange> MergedDown(Worksheet worksheet)
    {
        var ranges = new List<CellRange>();
        foreach (var merge in worksheet.Descendants<MergeCell>())
        {
            if (CellRange.Parse(merge.Reference?.Value) is { } range && range.LastRow > range.FirstRow)
            {
                ranges.Add(range);
            }
        }
        return ranges;
    }

    /// <summary><c>book.xlsx[Sheet1]</c>: how messages name a sheet.</summary>
    public static string DisplayName(string path, string sheet) => $"{path}[{sheet}]";

    /// <summary>A column's letters: 1 → A, 28 → AB.</summary>
    public static string ColumnLetters(int column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }
        return letters;
    }

    // The text a string shows: its own, or its runs' (rich text); not the phonetic guide (furigana) some keep beside it.
    private static string Shown(OpenXmlElement item) =>
        item.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.Text>()?.Text is { } plain && !item.Elements<Run>().Any()
            ? plain
            : string.Concat(item.ChildElements.Select(e => e switch
            {
                DocumentFormat.OpenXml.Spreadsheet.Text t => t.Text,
                Run r => r.Text?.Text ?? "",
                _ => "",
            }));

    private static string Text(Cell cell, string[] shared, ExcelFormats formats)
    {
        var raw = cell.CellValue?.Text ?? (cell.InlineString is { } inline ? Shown(inline) : "");
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : raw;
        }
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString is { } rich ? Shown(rich) : raw;
        }
        if (cell.DataType?.Value == CellValues.Date)
        {
            // A date kept as ISO 8601 text (t="d", as strict Open XML and some tools write it): the day, as the sheet shows it.
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when)
                ? when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : raw;
        }
        if (cell.DataType?.Value == CellValues.Boolean)
        {
            // Stored as 1 or 0; shown, and saved to CSV, as TRUE or FALSE (which a yes-or-no column reads).
            return raw switch { "1" => "TRUE", "0" => "FALSE", _ => raw };
        }
        // A date typed into Excel is stored as a number of days, shown by its cell's date format: read as the date shown.
        if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
        {
            return formats.Text(cell.StyleIndex?.Value, raw) ?? InThousands(Shown(raw), formats.ThousandsDroppedBy(cell.StyleIndex?.Value));
        }
        return raw;
    }

    /// <summary>
    /// A number as a format that drops <paramref name="thousands"/> groups of three digits shows it, exactly: 2512345678
    /// shown as 2,512 (under (단위: 백만원)) is read as 2512.345678, in the sheet's unit, so that no won is lost.
    /// </summary>
    internal static string InThousands(string number, int thousands)
    {
        if (thousands == 0 || !decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return number;
        }
        return (value / Pow10(3 * Math.Min(thousands, 9))).ToString(PlainDecimal, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A number as Excel shows it, and saves it to CSV: to 15 significant digits, in plain digits. A workbook keeps
    /// the binary number a formula made, to 17 digits: 70% of 4,200만원 is kept as <c>29399999.999999996</c> and shown
    /// as 29,400,000. Up to 15 digits (every amount under 1,000조원) a number typed in is kept as it is. Text that is
    /// not a number is left as it is, for the reader to say so.
    /// </summary>
    internal static string Shown(string raw)
    {
        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value == 0)
        {
            return raw;
        }
        // The place of the first significant digit: 10^(place - 1) <= |value| < 10^place.
        var magnitude = Math.Abs(value);
        var place = 0;
        for (; magnitude >= 1; magnitude /= 10)
        {
            place++;
        }
        for (; magnitude < 0.1m; magnitude *= 10)
        {
            place--;
        }
        const int ExcelDigits = 15;
        var decimals = ExcelDigits - place;
        if (decimals >= 0)
        {
            value = Math.Round(value, Math.Min(decimals, 28), MidpointRounding.AwayFromZero);
        }
        else
        {
            var unit = Pow10(-decimals);
            value = Math.Round(value / unit, MidpointRounding.AwayFromZero) * unit;
        }
        return value.ToString(PlainDecimal, CultureInfo.InvariantCulture);
    }

    // A decimal in plain digits, without the trailing zeros of its scale: 2512.345678, 29400000.
    private const string PlainDecimal = "0.############################";

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }
        return p;
    }

    internal static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                break;
            }
            index = (index * 26) + (c - 'A' + 1);
            if (index > MaxColumns)
            {
                return MaxColumns; // past XFD: the caller says so
            }
        }
        return index == 0 ? null : index - 1;
    }

    internal static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    internal const int MaxColumns = 16_384;

    internal const uint MaxRows = 1_048_576;

    private static InputException Broken(string file, string korean, string english) => new(new InputProblem(file, null, null, null, null,
        new LocalizedText($"Excel 통합 문서(.xlsx)로 읽을 수 없습니다: {korean}", $"cannot be read as an Excel workbook (.xlsx): {english}")));

    private static InputException NotAWorkbook(string file) => new(new InputProblem(file, null, null, null, null,
        new LocalizedText("Excel 통합 문서(.xlsx)가 아닙니다", "not an Excel workbook (.xlsx)")));
}
