using System.Text;
using FundingMatch.Money;

namespace FundingMatch.Cli.Input;

/// <summary>A CSV record at the head of a file: where it starts, the 0-based line it starts on, and its cells.</summary>
internal sealed record HeadRecord(int Offset, int Line, IReadOnlyList<string> Cells);

/// <summary>
/// Splits the head of a file into CSV records (RFC 4180: a quoted cell may hold commas, doubled quotes and line
/// breaks), to find the header before the CSV reader starts. Only the first records are split; a record cut by the
/// end of the head is dropped.
/// </summary>
internal static class HeadRecords
{
    public static List<HeadRecord> Split(ReadOnlySpan<byte> head, Encoding encoding, int maxRecords)
    {
        var records = new List<HeadRecord>();
        var line = 0;
        var start = 0;
        var startLine = 0;
        var quoted = false;
        for (var i = 0; i < head.Length && records.Count < maxRecords; i++)
        {
            var b = head[i];
            if (b == (byte)'"')
            {
                quoted = !quoted; // a doubled quote toggles twice
            }
            else if (b == (byte)'\n')
            {
                line++;
                if (!quoted)
                {
                    records.Add(new HeadRecord(start, startLine, Cells(encoding.GetString(head[start..i]))));
                    start = i + 1;
                    startLine = line;
                }
            }
        }
        if (records.Count < maxRecords && start < head.Length && !quoted)
        {
            records.Add(new HeadRecord(start, startLine, Cells(encoding.GetString(head[start..]))));
        }
        return records;
    }

    private static List<string> Cells(string record)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var text = record.TrimEnd('\r');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                if (quoted && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }
        cells.Add(cell.ToString().Trim());
        return cells;
    }
}

/// <summary>
/// Header rows as analysts' sheets have them: a unit line, and a two-row header whose top row groups the columns
/// under it (Excel writes a merged cell's label in its first column and leaves the rest blank):
/// <code>
/// 사업장코드, 국비, 지방비,    ,  자부담,
///           ,     ,   도비, 시비,  현금, 현물
/// </code>
/// reads as <c>사업장코드, 국비, 도비, 시비, 자부담(현금), 자부담(현물)</c>.
/// </summary>
internal static class HeaderRows
{
    /// <summary>
    /// A row above the header with a unit line, <c>(단위: 억원)</c>, in any cell: alone, or beside a title (in its own
    /// cell or at the end of the title's).
    /// </summary>
    public static bool IsUnitRow(IReadOnlyList<string> cells, out AmountUnit unit)
    {
        unit = AmountUnit.Won;
        foreach (var cell in cells)
        {
            if (cell.Length > 0 && Columns.TryParseUnitLine(cell, out unit))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The first cell of a row above the header that means to give a unit, if any (see <see cref="Columns.MentionsAUnit"/>).</summary>
    public static string? UnitMention(IReadOnlyList<string> cells) => cells.FirstOrDefault(c => c.Length > 0 && Columns.MentionsAUnit(c));

    /// <summary>A header names at least the site id and national money; a title line ("2020년 소공인 복합지원센터 사업비") does not.</summary>
    public static bool NamesRequiredColumns(IReadOnlyList<string> cells)
    {
        bool id = false, national = false;
        foreach (var cell in cells)
        {
            var column = Columns.ParseHeader(cell).Column;
            id |= column == Column.SiteId;
            national |= column == Column.National;
        }
        return id && national;
    }

    /// <summary>
    /// The second row of a two-row header: a blank first cell (the site id's cell, merged down or left blank) and
    /// nothing but header words in the rest: column names, 현금/현물, or 계 for a group's total. A site row has an id;
    /// a totals row has amounts.
    /// </summary>
    public static bool IsSubHeader(IReadOnlyList<string> cells)
    {
        if (cells.Count == 0 || cells[0].Length > 0)
        {
            return false;
        }
        var words = 0;
        foreach (var cell in cells)
        {
            if (cell.Length == 0)
            {
                continue;
            }
            var (name, _) = SplitParentheses(cell);
            if (Columns.ParseHeader(cell).Column is null && !Columns.TryParseKind(name, out _) && !IsGroupTotal(name))
            {
                return false;
            }
            words++;
        }
        return words > 0;
    }

    /// <summary>The columns a two-row header means, one name a column, as a one-row header would write them.</summary>
    public static List<string> Combine(IReadOnlyList<string> top, IReadOnlyList<string> under)
    {
        var names = new List<string>(Math.Max(top.Count, under.Count));
        var group = "";
        for (var i = 0; i < Math.Max(top.Count, under.Count); i++)
        {
            var upper = i < top.Count ? top[i] : "";
            var lower = i < under.Count ? under[i] : "";
            if (upper.Length > 0)
            {
                group = upper; // a merged cell's label stands in its first column and covers the blanks after it
            }
            else if (lower.Length == 0)
            {
                group = "";
            }
            names.Add(lower.Length == 0 ? upper : Name(group, lower));
        }
        return names;
    }

    // 자부담 over 현물 is 자부담(현물); 지방비 over 계 is 지방비 (their stated sum); 지방비 over 도비 is 도비, with the
    // group's unit when the lower cell gives none: 사업비(억원) over 국비 is 국비(억원).
    private static string Name(string group, string lower)
    {
        if (group.Length == 0)
        {
            return lower;
        }
        var (lowerName, lowerParens) = SplitParentheses(lower);
        var (groupName, groupParens) = SplitParentheses(group);
        if (Columns.TryParseKind(lowerName, out _))
        {
            return $"{groupName}({lowerName}){groupParens}{lowerParens}";
        }
        if (IsGroupTotal(lowerName) && Columns.Source(Columns.ParseHeader(groupName).Column ?? Column.SiteId) is not null)
        {
            return groupName + groupParens + lowerParens;
        }
        return lowerParens.Length == 0 && Columns.ParseHeader(group).Unit is not null ? lower + groupParens : lower;
    }

    /// <summary>
    /// A row under the header that gives each amount column its unit, as some sheets do: <c>(백만원)</c> or <c>백만원</c>
    /// under the amounts; a label (<c>단위</c>, <c>(단위)</c>), another column's unit (<c>(개)</c>, <c>㎡</c>) or nothing
    /// under the rest.
    /// </summary>
    public static bool IsUnitsRow(IReadOnlyList<string> cells)
    {
        var units = 0;
        foreach (var cell in cells)
        {
            if (cell.Length == 0 || Columns.Normalize(Unbracketed(cell)) is "단위" or "unit" or "units"
                or "개" or "개소" or "개사" or "곳" or "명" or "건" or "m2" or "평" or "%" or "일" or "년" or "월" or "년월일")
            {
                continue;
            }
            if (!Columns.TryParseUnit(Unbracketed(cell), out _))
            {
                return false;
            }
            units++;
        }
        return units > 0;
    }

    /// <summary>The header's names with the units a row under it gives the columns that hold money: 국비 over (백만원) is 국비(백만원).</summary>
    public static List<string> WithUnits(IReadOnlyList<string> names, IReadOnlyList<string> units)
    {
        var named = new List<string>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var unit = i < units.Count ? Unbracketed(units[i]) : "";
            named.Add(unit.Length > 0 && Columns.TryParseUnit(unit, out _) && Columns.ParseHeader(names[i]).Column is { } column && Columns.HoldsMoney(column)
                ? $"{names[i]}({unit})"
                : names[i]);
        }
        return named;
    }

    private static string Unbracketed(string cell) => cell.Trim().Trim('(', ')', '[', ']', '（', '）', '<', '>', '【', '】').Trim();

    private static bool IsGroupTotal(string name) => Columns.Normalize(name) is "계" or "소계" or "합계" or "total" or "subtotal";

    // 자부담(백만원) → (자부담, (백만원)): the name, and what stands in parentheses after it.
    private static (string Name, string Parentheses) SplitParentheses(string cell)
    {
        var open = cell.IndexOfAny(['(', '[']);
        return open <= 0 ? (cell.Trim(), "") : (cell[..open].Trim(), cell[open..].Trim());
    }
}
