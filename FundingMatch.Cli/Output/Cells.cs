using System.Text;
using FundingMatch.Text;

namespace FundingMatch.Cli.Output;

/// <summary>Escaping for the text formats.</summary>
internal static class Cells
{
    /// <summary>
    /// A CSV cell, quoted when it must be (RFC 4180), and defused when a spreadsheet would run it as a formula:
    /// a cell that starts with =, +, -, @, tab or CR gets a leading apostrophe (OWASP's advice for CSV injection).
    /// Numbers written by FundingMatch itself (such as -1,000 for a negative headroom) are passed as <paramref name="isNumber"/>.
    /// </summary>
    public static string Csv(string value, bool isNumber = false)
    {
        if (!isNumber && value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// A Markdown table cell: pipes escaped, line breaks as spaces, HTML special characters as entities (a site named
    /// &lt;script&gt; is shown as text), control characters made visible.
    /// </summary>
    public static string Markdown(string value) =>
        Plain(value.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal))
            .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>The message of a GitHub Actions workflow command (control characters other than line breaks made visible).</summary>
    public static string GithubData(string value) =>
        Plain(value, keepLineBreaks: true).Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>
    /// Text from an input file made safe to print: control characters (ESC, BEL, ...) written as \u001b so that they
    /// cannot drive a terminal, and invisible ones (a zero-width space, a direction mark, a byte-order mark) so that they
    /// are seen; line breaks too unless <paramref name="keepLineBreaks"/>.
    /// </summary>
    public static string Plain(string value, bool keepLineBreaks = false)
    {
        var span = value.AsSpan();
        if (!span.ContainsAnyInRange('\0', '\u001f') && !span.Contains('\u007f') && !span.ContainsAnyInRange('\u200b', '\u200f')
            && !span.ContainsAnyInRange('\u202a', '\u202e') && !span.ContainsAnyInRange('\u2060', '\u2064') && !span.Contains('\ufeff'))
        {
            return value;
        }
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            // Invisible characters too (a zero-width space pasted from the web, a byte-order mark, a direction mark):
            // shown, an id or an amount that looks right says why it is not.
            if ((char.IsControl(c) && !(keepLineBreaks && c is '\r' or '\n')) || c == '\u007f' || c is (>= '\u200b' and <= '\u200f') or (>= '\u202a' and <= '\u202e') or (>= '\u2060' and <= '\u2064') or '\ufeff')
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>A value from an input file for a message: made plain, and cut to its first 40 characters with a count when longer.</summary>
    public static string Shown(string value)
    {
        var plain = Plain(value);
        return plain.Length <= 40 ? plain : $"{plain[..40]}… ({value.Length.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)} characters)";
    }

    /// <summary>
    /// Where a GitHub Actions annotation points (<c>file=plan.csv,line=7,col=4</c>) for a place in <paramref name="source"/>,
    /// and what its message starts with. A workbook's sheet (<c>book.xlsx[사업비]</c>, one of <paramref name="inputs"/>
    /// with its sheet) is no file of the repository, and its rows no lines of the file: the annotation points at the
    /// workbook, and the message names the sheet and the cell (<c>사업비!B7: </c>).
    /// </summary>
    public static (string Properties, string Prefix) GithubPlace(string source, int? line, int? column, IReadOnlyList<string> inputs, Language language)
    {
        foreach (var input in inputs)
        {
            if (source.Length > input.Length + 2 && source.StartsWith(input, StringComparison.Ordinal) && source[input.Length] == '[' && source[^1] == ']')
            {
                var sheet = source[(input.Length + 1)..^1];
                var cell = line is not { } row ? sheet
                    : column is { } c ? $"{sheet}!{Input.Workbooks.ColumnLetters(c)}{row}"
                    : language == Language.Korean ? $"{sheet} {row}행" : $"{sheet} row {row}";
                return ($"file={GithubProperty(input)}", cell + ": ");
            }
        }
        return line is { } l
            ? ($"file={GithubProperty(source)},line={l}{(column is { } col ? $",col={col}" : "")}", "")
            : ($"file={GithubProperty(source)}", "");
    }

    /// <summary>A property of a GitHub Actions workflow command (file=, title=).</summary>
    public static string GithubProperty(string value) =>
        GithubData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>Writes lines with \n on every machine.</summary>
    public static void Line(this TextWriter writer, string text = "")
    {
        writer.Write(text);
        writer.Write('\n');
    }

    public static string Join(this IEnumerable<string> parts, string separator) => string.Join(separator, parts);

    public static StringBuilder AppendLf(this StringBuilder sb, string text = "") => sb.Append(text).Append('\n');
}
