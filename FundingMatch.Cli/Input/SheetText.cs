using System.Text;

namespace FundingMatch.Cli.Input;

/// <summary>A block of a sheet's cells, as Excel names it (<c>A3:B5</c>): rows from 1, columns from 0.</summary>
internal readonly record struct CellRange(int FirstRow, int LastRow, int FirstColumn, int LastColumn)
{
    /// <summary>The range <paramref name="reference"/> names (<c>A3:A5</c>), or null for one that names none.</summary>
    public static CellRange? Parse(string? reference)
    {
        var corners = (reference ?? "").Split(':');
        if (corners.Length != 2 || Corner(corners[0]) is not var (firstRow, firstColumn) || Corner(corners[1]) is not var (lastRow, lastColumn)
            || lastRow < firstRow || lastColumn < firstColumn)
        {
            return null;
        }
        return new CellRange(firstRow, lastRow, firstColumn, lastColumn);
    }

    // B7 → (7, 1); anything else (a column or a row alone, a row past Excel's last) → null.
    private static (int Row, int Column)? Corner(string cell)
    {
        var digits = cell.AsSpan().IndexOfAnyInRange('0', '9');
        if (digits <= 0 || Workbooks.ColumnIndex(cell[..digits]) is not { } column || column >= Workbooks.MaxColumns
            || !int.TryParse(cell.AsSpan(digits), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row)
            || row < 1 || row > Workbooks.MaxRows)
        {
            return null;
        }
        return (row, column);
    }

    public override string ToString() =>
        $"{Workbooks.ColumnLetters(FirstColumn + 1)}{FirstRow}:{Workbooks.ColumnLetters(LastColumn + 1)}{LastRow}";
}

/// <summary>
/// A cell whose value the sheet does not hold: an Excel error (<c>#DIV/0!</c>, <c>#N/A</c>), or a formula saved
/// without its result (as tools other than Excel write them). Its text reads as the error, or blank.
/// </summary>
/// <param name="Row">Its row, from 1.</param>
/// <param name="Column">Its column, from 0.</param>
/// <param name="Shown">The error (<c>#DIV/0!</c>), or the formula (<c>=B2*0.5</c>).</param>
internal readonly record struct UnknownValue(int Row, int Column, string Shown, bool IsError);

/// <summary>A number cell whose format shows it in thousands or millions (<c>#,##0,,</c>), read as shown.</summary>
/// <param name="Thousands">How many groups of three digits the format drops.</param>
internal readonly record struct ScaledCell(int Row, int Column, int Thousands);

/// <summary>
/// A sheet read as text: each row's cells under the sheet's own row number (every row as wide as the widest), the
/// cells it merges over rows, the cells whose value it does not hold, and the numbers it shows in thousands. Written
/// out as CSV, one line a sheet row.
/// </summary>
internal sealed class SheetText(string name, List<(uint Row, List<string> Cells)> rows, IReadOnlyList<CellRange> mergedDown, IReadOnlyList<UnknownValue> unknown,
    IReadOnlyList<ScaledCell> scaled)
{
    public string Name => name;

    /// <summary>The ranges of merged cells that span more than one row, in the sheet's order.</summary>
    public IReadOnlyList<CellRange> MergedDown => mergedDown;

    /// <summary>The cells whose value the sheet does not hold, in the sheet's order.</summary>
    public IReadOnlyList<UnknownValue> Unknown => unknown;

    /// <summary>The number cells shown in thousands or millions, in the sheet's order.</summary>
    public IReadOnlyList<ScaledCell> Scaled => scaled;

    /// <summary>The text of a cell; "" for one the sheet leaves out.</summary>
    public string Cell(int row, int column)
    {
        var at = Find(row);
        return at >= 0 && column < rows[at].Cells.Count ? rows[at].Cells[column] : "";
    }

    /// <summary>
    /// Gives the first column of <paramref name="range"/>, in every row under its first that holds a value of its own,
    /// the first cell's text: the one value Excel shows over the merged cells, which it keeps in the first cell alone.
    /// A row with nothing else in it (a blank, bordered row under the last site; a row the sheet leaves out) stays
    /// blank: a merge makes no row a site.
    /// </summary>
    public void FillDown(CellRange range)
    {
        var text = Cell(range.FirstRow, range.FirstColumn);
        foreach (var cells in RowsWithValuesUnder(range))
        {
            if (range.FirstColumn < cells.Count)
            {
                cells[range.FirstColumn] = text;
            }
        }
    }

    /// <summary>Whether a row under the first of <paramref name="range"/> holds a value of its own: the merge then spans rows of data.</summary>
    public bool SpansRowsWithValues(CellRange range) => RowsWithValuesUnder(range).Any();

    private IEnumerable<List<string>> RowsWithValuesUnder(CellRange range)
    {
        for (var row = range.FirstRow + 1; row <= range.LastRow; row++)
        {
            if (Find(row) is var at and >= 0 && rows[at].Cells.Exists(c => c.Length > 0))
            {
                yield return rows[at].Cells;
            }
        }
    }

    /// <summary>The sheet as UTF-8 CSV, its line numbers the sheet's row numbers (a row the sheet leaves out is a blank line).</summary>
    public byte[] ToCsv()
    {
        var csv = new StringBuilder();
        var nextRow = 1u;
        foreach (var (rowIndex, cells) in rows)
        {
            for (; nextRow < rowIndex; nextRow++)
            {
                csv.Append('\n');
            }
            csv.AppendJoin(',', cells.Select(Workbooks.Quote)).Append('\n');
            nextRow = rowIndex + 1;
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    // The index of row number <paramref name="row"/> in the rows, or the complement of where it would stand.
    private int Find(int row)
    {
        int low = 0, high = rows.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var at = (int)rows[mid].Row;
            if (at == row)
            {
                return mid;
            }
            if (at < row)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return ~low;
    }
}
