using System.Globalization;
using System.Text;
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

    /// <summary>The sheet <paramref name="sheetName"/> (or the first) of the workbook <paramref name="input"/> as UTF-8 CSV, and its name.</summary>
    /// <exception cref="InputException">The file is not a workbook, or has no such sheet.</exception>
    public static (byte[] Csv, string Sheet) ReadSheet(Stream input, string displayName, string? sheetName)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(input, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new InputException(new InputProblem(displayName, null, null, null, null, new LocalizedText(
                $"Excel 통합 문서(.xlsx)로 읽을 수 없습니다: {e.Message}", $"cannot be read as an Excel workbook (.xlsx): {e.Message}")));
        }
        using (document)
        {
            var book = document.WorkbookPart ?? throw NotAWorkbook(displayName);
            var sheets = book.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            var sheet = sheetName is null ? sheets.FirstOrDefault() : sheets.FirstOrDefault(s => s.Name?.Value == sheetName);
            if (sheet?.Id?.Value is not { } id)
            {
                throw new InputException(new InputProblem(displayName, null, null, null, sheetName, new LocalizedText(
                    $"시트 '{sheetName}'이(가) 없습니다. 있는 시트: {string.Join(", ", sheets.Select(s => s.Name?.Value))}",
                    sheetName is null ? "the workbook has no sheet" : $"there is no sheet '{sheetName}'; the sheets are {string.Join(", ", sheets.Select(s => s.Name?.Value))}")));
            }
            var part = (WorksheetPart)book.GetPartById(id);
            var shared = book.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var lines = new List<(uint Row, List<string> Cells)>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add("");
                    }
                    // A line break in a cell (Alt+Enter) reads as a space, as in a CSV; one sheet row stays one line.
                    cells.Add(FieldParsers.OneLine(Text(cell, shared)));
                }
                lines.Add((row.RowIndex?.Value ?? (uint)(lines.Count == 0 ? 1 : lines[^1].Row + 1), cells));
            }
            // Excel leaves trailing empty cells out: every row is as wide as the widest, as a CSV export would be.
            var width = lines.Count == 0 ? 0 : lines.Max(l => l.Cells.Count);
            var csv = new StringBuilder();
            var nextRow = 1u;
            foreach (var (rowIndex, cells) in lines)
            {
                // Rows the sheet leaves out are blank lines, so that line numbers stay the sheet's row numbers.
                for (; nextRow < rowIndex; nextRow++)
                {
                    csv.Append('\n');
                }
                while (cells.Count < width)
                {
                    cells.Add("");
                }
                csv.Append(string.Join(",", cells.Select(Quote))).Append('\n');
                nextRow = rowIndex + 1;
            }
            return (Encoding.UTF8.GetBytes(csv.ToString()), sheet.Name?.Value ?? "");
        }
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

    private static string Text(Cell cell, string[] shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : raw;
        }
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? raw;
        }
        return raw; // numbers are stored as invariant text already: 2500000000, 7.5
    }

    private static int? ColumnIndex(string? reference)
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
        }
        return index == 0 ? null : index - 1;
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private static InputException NotAWorkbook(string file) => new(new InputProblem(file, null, null, null, null,
        new LocalizedText("Excel 통합 문서(.xlsx)가 아닙니다", "not an Excel workbook (.xlsx)")));
}
