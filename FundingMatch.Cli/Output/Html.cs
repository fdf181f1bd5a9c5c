using System.Globalization;
using System.Text;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Cli.Output;

/// <summary>
/// One self-contained HTML page (<c>--format html</c>): inline CSS and SVG, no script and no external asset, printable on
/// A4. Every text from an input file goes through <see cref="E"/>; charts carry a <c>&lt;title&gt;</c> on every mark
/// and a table under them with the same numbers, and colour is never the only signal (in-kind money is hatched, and
/// every status is a word and a symbol).
/// </summary>
internal sealed class Html(RenderContext ctx)
{
    /// <summary>Width of every chart's drawing area in SVG user units.</summary>
    public const int ChartWidth = 1000;

    private readonly TextWriter _w = ctx.Writer;
    private int _charts;

    public RenderContext Context => ctx;

    public string T(string korean, string english) => ctx.T(korean, english);

    /// <summary>Text escaped for HTML content and attribute values.</summary>
    public static string E(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                // Control characters are shown as escapes, as in every other format.
                < ' ' or '\u007f' => sb.Append(E(Cells.Plain(c.ToString()))),
                _ => sb.Append(c),
            };
        }
        return sb.ToString();
    }

    /// <summary>An amount as every report writes it; in Korean with the compact reading after it: 2,500,000,000원 (25억원).</summary>
    public string Money(Won amount) => !ctx.Korean ? $"{amount} won"
        : amount.Value is > -10_000 and < 10_000 ? $"{amount}원" // below 1만 the compact reading says the same thing again
        : $"{amount}원 ({amount.ToString("K", CultureInfo.InvariantCulture)})";

    public void Raw(string html) => _w.Write(html);

    public void Line(string html) => _w.Write(html + "\n");

    public void Begin(string title)
    {
        Line("<!DOCTYPE html>");
        Line($"<html lang=\"{(ctx.Korean ? "ko" : "en")}\">");
        Line("<head>");
        Line("<meta charset=\"utf-8\">");
        Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Line($"<meta name=\"generator\" content=\"fundingmatch {E(Library.Version)}\">");
        Line($"<title>{E(title)}</title>");
        Line($"<style>{Style}</style>");
        Line("</head>");
        Line("<body>");
        Line("<main>");
        Line($"<h1>{E(title)}</h1>");
    }

    public void End()
    {
        Line($"<footer><p>fundingmatch {E(Library.Version)} · {T("모든 금액은 원 단위 정수이며 반올림 규칙은 각 수치에 적었습니다.", "Every amount is whole won; each figure names its rounding.")}</p></footer>");
        Line("</main>");
        Line("</body>");
        Line("</html>");
    }

    /// <summary>A pass/fail band: a symbol and a word, not only a colour.</summary>
    public void Band(bool passes, string text) =>
        Line($"<p class=\"band {(passes ? "pass" : "fail")}\" role=\"status\"><span aria-hidden=\"true\">{(passes ? "✔" : "✖")}</span> {E(text)}</p>");

    /// <summary>A status word with its symbol: pass ✔, fail ✖, warning ▲.</summary>
    public static string Status(string cssClass, string word)
    {
        var symbol = cssClass switch { "pass" => "✔", "warn" => "▲", _ => "✖" };
        return $"<span class=\"status {cssClass}\"><span aria-hidden=\"true\">{symbol}</span> {E(word)}</span>";
    }

    /// <summary>A table: a caption, headers, rows of cells (already HTML), numeric columns right-aligned.</summary>
    public void Table(string caption, IReadOnlyList<(string Header, bool Numeric)> columns, IEnumerable<IReadOnlyList<string>> rows, string? cssClass = null)
    {
        Line($"<table{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>");
        Line($"<caption>{E(caption)}</caption>");
        Line("<thead><tr>" + string.Concat(columns.Select(c => $"<th scope=\"col\"{(c.Numeric ? " class=\"num\"" : "")}>{E(c.Header)}</th>")) + "</tr></thead>");
        Line("<tbody>");
        foreach (var row in rows)
        {
            var sb = new StringBuilder("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                sb.Append(columns[i].Numeric ? "<td class=\"num\">" : "<td>").Append(row[i]).Append("</td>");
            }
            Line(sb.Append("</tr>").ToString());
        }
        Line("</tbody>");
        Line("</table>");
    }

    /// <summary>A piece of a bar: an amount of one source and kind.</summary>
    public sealed record Segment(string Key, FundingKind Kind, Won Amount, string Label);

    /// <summary>A mark across a bar at an amount: a limit, a cap.</summary>
    public sealed record Mark(string Key, Won At, string Label);

    /// <summary>
    /// A horizontal stacked bar on a scale of <paramref name="scale"/> won to <see cref="ChartWidth"/> units, with
    /// marks across it. Every segment has its amount in <c>data-amount</c> and a <c>&lt;title&gt;</c>; in-kind segments
    /// are hatched.
    /// </summary>
    public void StackedBar(string label, IReadOnlyList<Segment> segments, Won scale, IReadOnlyList<Mark> marks, string? id = null)
    {
        const int barY = 18, barHeight = 28, height = 70;
        var n = ++_charts;
        Line($"<figure class=\"chart\"{(id is null ? "" : $" data-chart=\"{E(id)}\"")}>");
        Line($"<svg role=\"img\" aria-label=\"{E(label)}\" viewBox=\"0 0 {ChartWidth} {height}\" preserveAspectRatio=\"none\" data-scale=\"{scale.Value.ToString(CultureInfo.InvariantCulture)}\">");
        Line($"<defs><pattern id=\"hatch{n}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"transparent\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#fff\" stroke-width=\"3\"/></pattern></defs>");
        Line($"<rect class=\"track\" x=\"0\" y=\"{barY}\" width=\"{ChartWidth}\" height=\"{barHeight}\"/>");
        var x = Won.Zero;
        foreach (var s in segments.Where(s => s.Amount.Value > 0))
        {
            var title = $"{s.Label}: {Money(s.Amount)}";
            var attrs = $"x=\"{Units(x, scale)}\" y=\"{barY}\" width=\"{Units(s.Amount, scale)}\" height=\"{barHeight}\"";
            Raw($"<g class=\"seg {E(s.Key)}{(s.Kind == FundingKind.InKind ? " inkind" : "")}\" data-key=\"{E(s.Key)}\" data-kind=\"{FundingSources.Name(s.Kind)}\" data-amount=\"{s.Amount.Value.ToString(CultureInfo.InvariantCulture)}\">");
            Raw($"<title>{E(title)}</title><rect {attrs}/>");
            if (s.Kind == FundingKind.InKind)
            {
                Raw($"<rect class=\"hatch\" {attrs} style=\"fill:url(#hatch{n})\"/>");
            }
            Line("</g>");
            x += s.Amount;
        }
        foreach (var (m, i) in marks.Select((m, i) => (m, i)))
        {
            var at = Units(Won.Min(m.At, scale), scale);
            var textY = i % 2 == 0 ? 12 : height - 6;
            Line($"<g class=\"mark\" data-mark=\"{E(m.Key)}\" data-amount=\"{m.At.Value.ToString(CultureInfo.InvariantCulture)}\"><title>{E($"{m.Label}: {Money(m.At)}")}</title>" +
                $"<line x1=\"{at}\" x2=\"{at}\" y1=\"{barY - 6}\" y2=\"{barY + barHeight + 6}\"/>" +
                $"<text x=\"{at}\" y=\"{textY}\" text-anchor=\"{(m.At.Value * 10 > scale.Value * 8 ? "end" : "middle")}\">{E(m.Label)}</text></g>");
        }
        Line("</svg>");
        Line("</figure>");
    }

    /// <summary>
    /// Horizontal bars side by side, one a row, each on its own track and all on a scale of <paramref name="scale"/> won:
    /// requested, entitlement and award; planned, confirmed and returned. Each carries its amount and a <c>&lt;title&gt;</c>.
    /// </summary>
    public void Bars(string label, IReadOnlyList<Segment> rows, Won scale, string id) => Line(BarsMarkup(label, rows, scale, id, barHeight: 16, gap: 6));

    /// <summary>
    /// <see cref="Bars"/> as markup, to stand in a table's cell: bars of <paramref name="barHeight"/> pixels,
    /// <paramref name="gap"/> apart.
    /// </summary>
    public string BarsMarkup(string label, IReadOnlyList<Segment> rows, Won scale, string id, int barHeight, int gap)
    {
        var height = rows.Count * (barHeight + gap);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart bars\" data-chart=\"{E(id)}\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"{E(label)}\" viewBox=\"0 0 {ChartWidth} {height}\" preserveAspectRatio=\"none\" style=\"height:{height}px\" data-scale=\"{scale.Value.ToString(CultureInfo.InvariantCulture)}\">\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = i * (barHeight + gap);
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"track\" x=\"0\" y=\"{y}\" width=\"{ChartWidth}\" height=\"{barHeight}\"/>\n");
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"seg {E(r.Key)}\" data-key=\"{E(r.Key)}\" data-kind=\"{FundingSources.Name(r.Kind)}\" data-amount=\"{r.Amount.Value.ToString(CultureInfo.InvariantCulture)}\">" +
                $"<title>{E($"{r.Label}: {Money(r.Amount)}")}</title><rect x=\"0\" y=\"{y}\" width=\"{Units(Won.Max(r.Amount, Won.Zero), scale)}\" height=\"{barHeight}\"/></g>\n");
        }
        return sb.Append("</svg>\n</figure>").ToString();
    }

    /// <summary>A legend: one swatch a source and kind, with its name (the same words as the table).</summary>
    public void Legend(IEnumerable<(string Key, FundingKind Kind, string Label)> items)
    {
        var sb = new StringBuilder("<ul class=\"legend\">");
        foreach (var (key, kind, label) in items)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li><svg width=\"16\" height=\"12\" aria-hidden=\"true\"><g class=\"seg {E(key)}{(kind == FundingKind.InKind ? " inkind" : "")}\"><rect width=\"16\" height=\"12\"/>");
            if (kind == FundingKind.InKind)
            {
                sb.Append("<line x1=\"0\" y1=\"12\" x2=\"12\" y2=\"0\" stroke=\"#fff\" stroke-width=\"3\"/>");
            }
            sb.Append(CultureInfo.InvariantCulture, $"</g></svg> {E(label)}</li>");
        }
        Line(sb.Append("</ul>").ToString());
    }

    /// <summary>The source and kind as the reports name them: 국비 (현물), national (in kind).</summary>
    public string SourceLabel(FundingSource source, FundingKind kind) => ctx.Korean
        ? FundingSources.KoreanName(source) + (kind == FundingKind.InKind ? " (현물)" : " (현금)")
        : FundingSources.Name(source) + (kind == FundingKind.InKind ? " (in kind)" : " (cash)");

    /// <summary>An amount's position on a scale, in chart units, written invariantly with up to 2 decimals.</summary>
    public static string Units(Won amount, Won scale)
    {
        if (scale.Value <= 0)
        {
            return "0";
        }
        var units = (decimal)amount.Value * ChartWidth / scale.Value;
        return decimal.Round(units, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
    }

    private const string Style = """
        @page{size:A4;margin:14mm}
        *{box-sizing:border-box}
        body{font-family:"Noto Sans KR","NanumGothic","Malgun Gothic",system-ui,sans-serif;color:#1a1a1a;margin:0;background:#fff;font-size:14px;line-height:1.45}
        main{max-width:980px;margin:0 auto;padding:16px 20px}
        h1{font-size:22px;margin:8px 0 4px}
        h2{font-size:18px;margin:22px 0 6px;border-bottom:2px solid #1a1a1a;padding-bottom:2px}
        h3{font-size:15px;margin:16px 0 4px}
        .meta{color:#444;margin:0 0 6px}
        .band{font-size:16px;font-weight:700;padding:8px 12px;border:2px solid;border-radius:4px}
        .band.pass{background:#e8f5e9;border-color:#2e7d32;color:#1b5e20}
        .band.fail{background:#fdecea;border-color:#c62828;color:#8e0000}
        .status{font-weight:700;white-space:nowrap}
        .status.pass{color:#1b5e20}.status.fail{color:#8e0000}.status.warn{color:#8a5a00}
        table{border-collapse:collapse;margin:6px 0 10px;width:100%;font-size:13px}
        caption{text-align:left;font-weight:600;padding:2px 0;color:#333}
        th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}
        th{background:#f1f1f1}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        figure.chart{margin:4px 0}
        figure.chart svg{width:100%;height:70px;display:block}
        figure.chart.bars svg{height:auto}
        .track{fill:#f3f3f3;stroke:#999;stroke-width:1}
        .seg.national rect{fill:#1f4e79}.seg.provincial rect{fill:#2e86ab}.seg.municipal rect{fill:#57a773}
        .seg.local rect{fill:#7fb069}.seg.private rect{fill:#e07a1f}
        .seg.requested rect{fill:#9e9e9e}.seg.entitlement rect{fill:#2e86ab}.seg.award rect{fill:#1f4e79}
        .seg.planned rect{fill:#9e9e9e}.seg.confirmed rect{fill:#1f4e79}.seg.returned rect{fill:#c62828}
        .seg.used rect{fill:#1f4e79}.seg.left rect{fill:#cfd8dc}
        .seg rect.hatch{stroke:none}
        .mark line{stroke:#c62828;stroke-width:3;stroke-dasharray:6 3}
        .mark text{font-size:12px;fill:#8e0000;font-weight:700}
        .legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px}
        .site{break-inside:avoid;border-top:1px solid #ddd;padding-top:4px}
        .findings{margin:4px 0 8px;padding-left:20px}
        .grid td.cell{text-align:center}
        .grid td.cell.changed{outline:3px solid #1a1a1a;outline-offset:-3px}
        h4{font-size:13px;margin:8px 0 0;font-weight:600}
        table.settle td:last-child{width:36%;vertical-align:middle}table.settle figure.chart{margin:0}
        footer{margin-top:24px;color:#555;font-size:12px}
        @media print{main{max-width:none;padding:0}.site{page-break-inside:avoid}}
        """;
}
