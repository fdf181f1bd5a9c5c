using System.Text;

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

    /// <summary>A Markdown table cell: pipes escaped, line breaks as spaces.</summary>
    public static string Markdown(string value) =>
        value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>The message of a GitHub Actions workflow command.</summary>
    public static string GithubData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

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
