using System.Globalization;
using System.Text;

namespace FundingMatch.Cli.Output;

/// <summary>
/// A plain-text table whose columns stay aligned with Korean text: Hangul and other East Asian wide characters
/// take two terminal columns, so widths are counted in display columns, not characters.
/// </summary>
internal sealed class TextTable(params (string Header, bool RightAligned)[] columns)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"expected {columns.Length} cells, got {cells.Length}", nameof(cells));
        }
        // A cell from an input file may hold control characters (ESC): printed as \u001b, they cannot drive the terminal.
        _rows.Add([.. cells.Select(c => Cells.Plain(c))]);
    }

    public void WriteTo(TextWriter writer)
    {
        var widths = columns.Select((c, i) => _rows.Select(r => DisplayWidth(r[i])).Append(DisplayWidth(c.Header)).Max()).ToArray();
        WriteRow(writer, columns.Select(c => c.Header).ToArray(), widths);
        writer.Write(string.Join("  ", widths.Select(w => new string('-', w))).TrimEnd());
        writer.Write('\n');
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                sb.Append("  ");
            }
            var pad = new string(' ', widths[i] - DisplayWidth(cells[i]));
            sb.Append(columns[i].RightAligned ? pad + cells[i] : cells[i] + pad);
        }
        writer.Write(sb.ToString().TrimEnd());
        writer.Write('\n');
    }

    /// <summary>Writes rows as an aligned text table, or as a Markdown table.</summary>
    public static void Write(TextWriter writer, bool markdown, (string Header, bool RightAligned)[] headers, IEnumerable<string[]> rows)
    {
        if (markdown)
        {
            writer.Line("| " + string.Join(" | ", headers.Select(h => h.Header)) + " |");
            writer.Line("|" + string.Join("|", headers.Select(h => h.RightAligned ? "---:" : "---")) + "|");
            foreach (var row in rows)
            {
                writer.Line("| " + string.Join(" | ", row.Select(Cells.Markdown)) + " |");
            }
            return;
        }
        var table = new TextTable(headers);
        foreach (var row in rows)
        {
            table.Add(row);
        }
        table.WriteTo(writer);
    }

    /// <summary>The number of terminal columns <paramref name="text"/> takes.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += RuneWidth(rune);
        }
        return width;
    }

    private static int RuneWidth(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format || rune.Value == 0)
        {
            return 0;
        }
        var v = rune.Value;
        // East Asian Wide and Fullwidth ranges (Unicode TR 11), the ones budgets meet: Hangul, CJK, fullwidth forms.
        return v is >= 0x1100 and <= 0x115F
            or >= 0x2E80 and <= 0x303E
            or >= 0x3041 and <= 0x33FF
            or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF
            or >= 0xA000 and <= 0xA4CF
            or >= 0xA960 and <= 0xA97F
            or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x20000 and <= 0x3FFFD
            ? 2
            : 1;
    }
}
