using System.Globalization;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Totals;
using FundingMatch.Validation;
using NodaTime;
using NodaTime.Text;

namespace FundingMatch.Cli.Output;

/// <summary>Renders the result of <c>fundingmatch check</c> in every format.</summary>
internal static class CheckRenderer
{
    /// <summary>Renders a whole report (what the streaming writers do one site at a time).</summary>
    public static void Render(CheckReport report, RenderContext ctx, LocalDate? asOf, bool strict) => Render(report, CreateWriter(ctx, asOf, strict));

    /// <summary>Renders a whole report through <paramref name="writer"/>.</summary>
    public static void Render(CheckReport report, ICheckWriter writer)
    {
        writer.Begin(report.Rules);
        foreach (var site in report.Sites)
        {
            writer.Site(site);
        }
        writer.End(report.ProgramFindings, report.Totals, report.Summary, report.StatedTotals);
    }

    /// <summary>
    /// A writer for the format: json, csv and github write each site as it comes, so a million-row file needs no
    /// more memory than one; table and markdown align or sum over every site and keep them until the end.
    /// </summary>
    public static ICheckWriter CreateWriter(RenderContext ctx, LocalDate? asOf, bool strict) => ctx.Format switch
    {
        OutputFormat.Json => new JsonCheckWriter(ctx, asOf, strict),
        OutputFormat.Csv => new CsvCheckWriter(ctx),
        OutputFormat.Github => new GithubCheckWriter(ctx, strict),
        OutputFormat.Markdown => new BufferedCheckWriter((report) => RenderMarkdown(report, ctx, strict)),
        OutputFormat.Html => new BufferedCheckWriter((report) => HtmlCheckReport.Render(report, ctx, asOf, strict)),
        _ => new BufferedCheckWriter((report) => RenderTable(report, ctx, asOf, strict)),
    };

    private static string Status(SiteAssessment s, RenderContext ctx) =>
        s.Passed ? (s.Findings.Count > 0 ? ctx.T("통과(경고)", "pass (warnings)") : ctx.T("통과", "pass")) : ctx.T("위반", "FAIL");

    public static string Percent(Share? share) => share?.ToPercentString() ?? "-";

    public static string Amount(Won? amount) => amount?.ToString() ?? "-";

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    public static string SummaryLine(CheckSummary s, RenderContext ctx, bool strict)
    {
        var passes = s.PlanPasses(strict);
        return ctx.Korean
            ? $"요약: 사업장 {s.Sites}곳, 통과 {s.Passed}곳, 오류 {s.Errors}건, 경고 {s.Warnings}건 — {(passes ? "통과" : "위반")}{(strict ? " (엄격 모드: 경고도 위반)" : "")}"
            : $"Summary: {Count(s.Sites, "site")}, {s.Passed} passed, {Count(s.Errors, "error")}, {Count(s.Warnings, "warning")} — {(passes ? "PASS" : "FAIL")}{(strict ? " (strict: warnings fail too)" : "")}";
    }

    private static void RenderTable(CheckReport report, RenderContext ctx, LocalDate? asOf, bool strict)
    {
        var w = ctx.Writer;
        var rules = report.Rules;
        w.Line($"{ctx.T("사업", "Program")}: {rules.ProgramId} ({ctx.T("버전", "version")} {rules.Version}) — {rules.Title.In(ctx.Language)}");
        w.Line(asOf is { } d
            ? ctx.T($"기준일: {LocalDatePattern.Iso.Format(d)}", $"Rules as of {LocalDatePattern.Iso.Format(d)}")
            : ctx.T("기준일: 지정 없음 (최신 버전)", "Rules: newest version (no --as-of)"));
        w.Line();
        // In-kind money gets a column of its own only where the file has any: most budgets are all cash.
        var inKind = report.Totals.HasInKind;
        var table = new TextTable([
            (ctx.T("행", "Line"), true), (ctx.T("코드", "Site"), false), (ctx.T("사업장명", "Name"), false), (ctx.T("지역", "Region"), false),
            (ctx.T("국비", "National"), true), (ctx.T("지방비", "Local"), true), (ctx.T("민간", "Private"), true),
            .. inKind ? [(ctx.T("(현물)", "(in kind)"), true)] : Array.Empty<(string, bool)>(),
            (ctx.T("총사업비", "Total"), true),
            (ctx.T("국비비율", "Share"), true), (ctx.T("국비한도", "Max national"), true), (ctx.T("여유액", "Headroom"), true),
            (ctx.T("적용한도", "Binds"), false), (ctx.T("결과", "Status"), false)]);
        foreach (var s in report.Sites)
        {
            var f = s.Figures;
            table.Add([
                s.Site.Origin?.Line.ToString(CultureInfo.InvariantCulture) ?? "",
                s.Site.SiteId, s.Site.Name, s.Site.Region,
                s.Site.National.ToString(), s.Site.Local.ToString(), s.Site.Private.ToString(),
                .. inKind ? [s.Site.InKind.ToString()] : Array.Empty<string>(),
                f.Total.ToString(),
                Percent(f.NationalShare), Amount(f.MaxNational), Amount(f.Headroom),
                f.BindingLimit ?? "-", Status(s, ctx)]);
        }
        table.WriteTo(w);
        if (inKind)
        {
            w.Line(ctx.T("(현물)은 국비·지방비·민간 중 현물로 내는 몫입니다.", "(in kind) is the part of national, local and private money given in kind."));
        }
        // The column names each binding limit by its constraint's key (what --vary takes): what each one says, in the
        // report's language, in the rules' order.
        var binding = report.Sites.Select(s => s.Figures.BindingLimit).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var constraint in rules.SiteConstraints.Where(c => binding.Contains(c.Key)))
        {
            w.Line(Cells.Plain($"{ctx.T("적용한도", "Binds")} {constraint.Key}: {constraint.Describe().In(ctx.Language)}"));
        }

        var findings = report.Sites.SelectMany(s => s.Findings).ToList();
        if (findings.Count > 0)
        {
            w.Line();
            w.Line(ctx.T("사업장별 지적 사항:", "Findings by site:"));
            foreach (var s in report.Sites.Where(s => s.Findings.Count > 0))
            {
                w.Line(Cells.Plain($"  {s.Site.SiteId}{(s.Site.Origin is { } o ? $" ({o})" : "")}"));
                foreach (var finding in s.Findings)
                {
                    w.Line(Cells.Plain($"    {Severity(finding, ctx)} {finding.Code}: {finding.Message.In(ctx.Language)}"));
                }
            }
        }
        if (report.ProgramFindings.Count > 0)
        {
            w.Line();
            w.Line(ctx.T("사업 전체 지적 사항:", "Program findings:"));
            foreach (var finding in report.ProgramFindings)
            {
                w.Line(Cells.Plain($"  {Severity(finding, ctx)} {finding.Code}: {finding.Message.In(ctx.Language)}"));
            }
        }
        w.Line();
        WriteTotalsLines(report.Totals, ctx);
        WriteStatedTotals(report.StatedTotals, ctx, markdown: false);
        w.Line();
        w.Line(SummaryLine(report.Summary, ctx, strict));
    }

    /// <summary>One line a totals row of the files (합계, 소계): checked against the sites it sums, and whether it agrees.</summary>
    private static void WriteStatedTotals(IReadOnlyList<StatedTotalsResult> stated, RenderContext ctx, bool markdown)
    {
        foreach (var t in stated)
        {
            var where = t.Origin?.ToString() ?? "";
            ctx.Writer.Line((markdown ? "- " : "") + (t.Agrees
                ? ctx.T($"'{t.Label}' 행({where})은 {(t.SumsSitesBelow ? "아래" : "위")} 사업장들의 합계와 맞습니다", $"The '{t.Label}' row ({where}) was checked: it agrees with the sites {(t.SumsSitesBelow ? "below" : "above")} it")
                : ctx.T($"'{t.Label}' 행({where})이 {(t.SumsSitesBelow ? "아래" : "위")} 사업장들의 합계와 다릅니다 (stated-total-mismatch)", $"The '{t.Label}' row ({where}) was checked: it does not agree with the sites {(t.SumsSitesBelow ? "below" : "above")} it (stated-total-mismatch)")));
        }
    }

    public static string Severity(Finding f, RenderContext ctx) =>
        f.Severity == Validation.Severity.Error ? ctx.T("[오류]", "[error]") : ctx.T("[경고]", "[warning]");

    public static void WriteTotalsLines(ProgramTotals totals, RenderContext ctx)
    {
        var a = totals.All;
        var w = ctx.Writer;
        w.Line(ctx.T(
            $"합계: 국비 {a.National} · 시·도비 {a.Provincial} · 시·군·구비 {a.Municipal} · 지방비 {a.Local} · 민간 {a.Private} · 총사업비 {a.Total}",
            $"Totals: national {a.National} · provincial {a.Provincial} · municipal {a.Municipal} · local {a.Local} · private {a.Private} · total {a.Total}"));
        if (totals.HasInKind)
        {
            w.Line(ctx.T(
                $"현물: 합계 {a.InKind} ({InKindBySource(a, ctx)})",
                $"In kind: {a.InKind} in all ({InKindBySource(a, ctx)})"));
        }
        var envelope = totals.Envelope is { } e
            ? ctx.T($"; 국비 총액 {e} 중 사용 {totals.EnvelopeUsed}, 잔액 {totals.EnvelopeLeft}", $"; envelope {e}, used {totals.EnvelopeUsed}, left {totals.EnvelopeLeft}")
            : "";
        w.Line(ctx.T($"국비 비율 {Percent(a.NationalShare)}{envelope}", $"National share {Percent(a.NationalShare)}{envelope}"));
    }

    private static string InKindBySource(SourceTotals a, RenderContext ctx) => string.Join(", ", FundingSources.All
        .Where(source => a.Amount(source, FundingKind.InKind) != Won.Zero)
        .Select(source => $"{(ctx.Korean ? FundingSources.KoreanName(source) : FundingSources.Name(source))} {a.Amount(source, FundingKind.InKind)}"));

    public static void WriteTotalsJson(System.Text.Json.Utf8JsonWriter w, ProgramTotals totals)
    {
        w.WriteStartObject("totals");
        WriteSourceTotals(w, totals.All);
        w.Percent("nationalSharePercent", totals.All.NationalShare);
        w.WonOrNull("envelope", totals.Envelope);
        w.Won("envelopeUsed", totals.EnvelopeUsed);
        w.WonOrNull("envelopeLeft", totals.EnvelopeLeft);
        w.WriteStartArray("byRegion");
        foreach (var r in totals.ByRegion)
        {
            w.WriteStartObject();
            w.WriteString("region", r.Region);
            w.WriteNumber("sites", r.Totals.Sites);
            WriteSourceTotals(w, r.Totals);
            w.Percent("nationalSharePercent", r.Totals.NationalShare);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (totals.ByFiscalYear.Count > 0)
        {
            w.WriteStartArray("byFiscalYear");
            foreach (var y in totals.ByFiscalYear)
            {
                w.WriteStartObject();
                w.WriteNumber("fiscalYear", y.FiscalYear);
                w.WriteNumber("sites", y.Totals.Sites);
                WriteSourceTotals(w, y.Totals);
                w.Percent("nationalSharePercent", y.Totals.NationalShare);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteSourceTotals(System.Text.Json.Utf8JsonWriter w, SourceTotals t)
    {
        w.Won("national", t.National);
        w.Won("provincial", t.Provincial);
        w.Won("municipal", t.Municipal);
        w.Won("local", t.Local);
        w.Won("private", t.Private);
        w.Won("inKind", t.InKind);
        w.Won("total", t.Total);
        w.WriteStartArray("amounts");
        foreach (var source in FundingSources.All)
        {
            foreach (var kind in FundingSources.Kinds)
            {
                if (t.Amount(source, kind) is var amount && amount != Won.Zero)
                {
                    w.Amount(source, kind, amount);
                }
            }
        }
        w.WriteEndArray();
    }

    private static string Raw(Won amount) => amount.ToString("R", null);

    private static void RenderMarkdown(CheckReport report, RenderContext ctx, bool strict)
    {
        var w = ctx.Writer;
        var rules = report.Rules;
        w.Line($"### FundingMatch: {Cells.Markdown(rules.Title.In(ctx.Language))}");
        w.Line();
        w.Line($"{ctx.T("사업", "Program")} `{rules.ProgramId}` {ctx.T("버전", "version")} `{rules.Version}`");
        w.Line();
        var inKind = report.Totals.HasInKind;
        w.Line(ctx.T($"| 행 | 코드 | 사업장명 | 지역 | 국비 | 지방비 | 민간 |{(inKind ? " (현물) |" : "")} 총사업비 | 국비비율 | 국비한도 | 여유액 | 결과 |",
            $"| Line | Site | Name | Region | National | Local | Private |{(inKind ? " (in kind) |" : "")} Total | Share | Max national | Headroom | Status |"));
        w.Line($"|---:|---|---|---|---:|---:|---:|{(inKind ? "---:|" : "")}---:|---:|---:|---:|---|");
        foreach (var s in report.Sites)
        {
            var f = s.Figures;
            w.Line($"| {s.Site.Origin?.Line.ToString(CultureInfo.InvariantCulture) ?? ""} | {Cells.Markdown(s.Site.SiteId)} | {Cells.Markdown(s.Site.Name)} | {Cells.Markdown(s.Site.Region)} | {s.Site.National} | {s.Site.Local} | {s.Site.Private} |{(inKind ? $" {s.Site.InKind} |" : "")} {f.Total} | {Percent(f.NationalShare)} | {Amount(f.MaxNational)} | {Amount(f.Headroom)} | {(s.Passed ? "✅" : "❌")} {Status(s, ctx)} |");
        }
        var findings = report.Sites.SelectMany(s => s.Findings).Concat(report.ProgramFindings).ToList();
        if (findings.Count > 0)
        {
            w.Line();
            w.Line(ctx.T("#### 지적 사항", "#### Findings"));
            w.Line();
            foreach (var f in findings)
            {
                var where = f.SiteId is null ? ctx.T("사업 전체", "program") : $"`{Cells.Markdown(f.SiteId)}`{(f.Origin is { } o ? $" ({Cells.Markdown(o.ToString())})" : "")}";
                w.Line($"- {(f.Severity == Validation.Severity.Error ? "❌" : "⚠️")} **{f.Code}** — {where}: {Cells.Markdown(f.Message.In(ctx.Language))}");
            }
        }
        w.Line();
        var a = report.Totals.All;
        w.Line(ctx.T(
            $"합계: 국비 {a.National}, 지방비 {a.Local}, 민간 {a.Private}, 총사업비 {a.Total}{(a.InKind != Won.Zero ? $" (현물 {a.InKind})" : "")} (국비 비율 {Percent(a.NationalShare)})",
            $"Totals: national {a.National}, local {a.Local}, private {a.Private}, total {a.Total}{(a.InKind != Won.Zero ? $" (in kind {a.InKind})" : "")} (national share {Percent(a.NationalShare)})"));
        if (report.StatedTotals.Count > 0)
        {
            w.Line();
            WriteStatedTotals(report.StatedTotals, ctx, markdown: true);
        }
        w.Line();
        w.Line($"**{SummaryLine(report.Summary, ctx, strict)}**");
    }
}

/// <summary>Writes a check's output as the sites come.</summary>
internal interface ICheckWriter
{
    /// <summary>Whether the writer keeps every site and writes nothing before <see cref="End"/>.</summary>
    bool HoldsUntilEnd => false;

    void Begin(ProgramRules rules);

    void Site(SiteAssessment site);

    void End(IReadOnlyList<Finding> programFindings, ProgramTotals totals, CheckSummary summary, IReadOnlyList<StatedTotalsResult> statedTotals);
}

/// <summary>Keeps every site and renders the whole report at the end (table, markdown).</summary>
internal sealed class BufferedCheckWriter(Action<CheckReport> render) : ICheckWriter
{
    private readonly List<SiteAssessment> _sites = [];
    private ProgramRules? _rules;

    public bool HoldsUntilEnd => true;

    public void Begin(ProgramRules rules) => _rules = rules;

    public void Site(SiteAssessment site) => _sites.Add(site);

    public void End(IReadOnlyList<Finding> programFindings, ProgramTotals totals, CheckSummary summary, IReadOnlyList<StatedTotalsResult> statedTotals) =>
        render(new CheckReport(_rules!, _sites, programFindings, totals) { StatedTotals = statedTotals });
}

/// <summary>JSON, one site at a time: the writer is flushed to the output after every site.</summary>
internal sealed class JsonCheckWriter(RenderContext ctx, LocalDate? asOf, bool strict) : ICheckWriter
{
    private readonly MemoryStream _buffer = new();
    // Compact JSON: a site without findings is put together from pre-encoded pieces (the same bytes).
    private readonly CompactSiteJson? _compact = ctx.CompactJson ? new CompactSiteJson(ctx.Language) : null;

    /// <summary>The language of the findings' messages.</summary>
    internal FundingMatch.Text.Language Language => ctx.Language;
    private System.Text.Json.Utf8JsonWriter? _json;
    private Stream? _direct;
    private bool _anySite;

    private System.Text.Json.Utf8JsonWriter W => _json!;

    public void Begin(ProgramRules rules)
    {
        // A UTF-8 stream writer (standard output, a file) takes the JSON bytes as they are; any other writer gets text.
        if (ctx.Writer is StreamWriter { Encoding: System.Text.UTF8Encoding } stream)
        {
            stream.Flush();
            _direct = stream.BaseStream;
        }
        _json = Json.CreateWriter(_direct ?? _buffer, ctx.CompactJson);
        W.WriteStartObject();
        W.Program(rules, ctx);
        if (asOf is { } d)
        {
            W.WriteString("asOf", LocalDatePattern.Iso.Format(d));
        }
        else
        {
            W.WriteNull("asOf");
        }
        W.WriteStartArray("sites");
        Drain();
    }

    public void Site(SiteAssessment s)
    {
        _anySite = true;
        if (_compact?.TryWrite(s, out var json) == true)
        {
            W.WriteRawValue(json, skipInputValidation: true);
        }
        else
        {
            WriteSite(W, s);
        }
        if (_buffer.Length > 1 << 16 || W.BytesPending > 1 << 16)
        {
            Drain();
        }
    }

    /// <summary>
    /// A writer of sites' compact JSON for another thread to use (one each), when this writer writes compact JSON; null
    /// otherwise. What it writes is given back to <see cref="Prepared"/>, in the sites' order.
    /// </summary>
    public SitePreparer? NewPreparer() => _compact is null ? null : new SitePreparer(this);

    /// <summary>
    /// Sites whose JSON a <see cref="NewPreparer"/> wrote, one after another, each after a comma: the same bytes as
    /// <see cref="Site"/> would write for each. <paramref name="firstLength"/> is the length of the first (with its comma).
    /// </summary>
    public void Prepared(ReadOnlySpan<byte> sites, int firstLength)
    {
        if (sites.IsEmpty)
        {
            return;
        }
        if (!_anySite)
        {
            // The first site goes through the writer, which then knows that the array has an element and puts a comma
            // before the next one it writes itself; the others go straight to the output, each with its comma.
            W.WriteRawValue(sites[1..firstLength], skipInputValidation: true);
            _anySite = true;
            sites = sites[firstLength..];
        }
        W.Flush();
        (_direct ?? _buffer).Write(sites);
        if (_buffer.Length > 1 << 16)
        {
            Drain(force: true);
        }
    }

    /// <summary>Writes sites' compact JSON on a thread of its own: what <see cref="JsonCheckWriter.Site"/> writes for each.</summary>
    internal sealed class SitePreparer(JsonCheckWriter owner)
    {
        private readonly CompactSiteJson _compact = new(owner.Language);
        private readonly System.Buffers.ArrayBufferWriter<byte> _general = new(4096);
        private System.Text.Json.Utf8JsonWriter? _writer;

        /// <summary>What <see cref="Append"/> has written since the last <see cref="Clear"/>.</summary>
        public ReadOnlySpan<byte> Written => _compact.Written;

        /// <summary>Starts again from nothing written (the buffer is kept).</summary>
        public void Clear() => _compact.Clear();

        /// <summary>
        /// Appends a comma and the JSON of a site that passed with no finding, from its row's cells (see
        /// <see cref="CompactSiteJson.TryAppendPassing"/>); gives where it starts, or -1, with nothing appended, for a
        /// site to be built and given to <see cref="Append"/>.
        /// </summary>
        public int AppendPassing(int line, ReadOnlySpan<byte> id, ReadOnlySpan<byte> name, string region, ReadOnlySpan<FundingMatch.Budgets.BudgetLine> lines,
            in FundingMatch.Budgets.SiteFacts facts, in FundingMatch.Figures.SiteFigures figures)
        {
            var start = _compact.Written.Length;
            return _compact.TryAppendPassing(line, id, name, region, lines, facts, figures, comma: true) ? start : -1;
        }

        /// <summary>Appends a comma and the JSON of <paramref name="s"/> to <see cref="Written"/>; gives where it starts.</summary>
        public int Append(SiteAssessment s)
        {
            var start = _compact.Written.Length;
            if (_compact.TryAppend(s, comma: true))
            {
                return start;
            }
            // A site with text to escape: through a writer of its own, as the general writer writes it.
            _general.ResetWrittenCount();
            _writer ??= Json.CreateWriter(_general, compact: true);
            _writer.Reset(_general);
            owner.WriteSite(_writer, s);
            _writer.Flush();
            _compact.Append(","u8);
            _compact.Append(_general.WrittenSpan);
            return start;
        }
    }

    /// <summary>A site through the general writer: every site of indented JSON, and a site with findings.</summary>
    internal void WriteSite(System.Text.Json.Utf8JsonWriter w, SiteAssessment s)
    {
        var site = s.Site;
        var f = s.Figures;
        w.WriteStartObject();
        if (site.Origin is { } o)
        {
            w.WriteNumber("line", o.Line);
        }
        w.WriteString("siteId", site.SiteId);
        w.WriteString("siteName", site.Name);
        w.WriteString("region", site.Region);
        w.Won("national", site.National);
        w.Won("provincial", site.Amount(FundingSource.Provincial));
        w.Won("municipal", site.Amount(FundingSource.Municipal));
        w.Won("local", site.Local);
        w.Won("private", site.Private);
        w.Won("inKind", site.InKind);
        w.Won("total", f.Total);
        w.WriteStartArray("amounts");
        foreach (var line in site.LineSpan)
        {
            if (line.Amount != Won.Zero)
            {
                w.Amount(line.Source, line.Kind, line.Amount);
            }
        }
        w.WriteEndArray();
        w.Percent("nationalSharePercent", f.NationalShare);
        w.WonOrNull("maxNational", f.MaxNational);
        w.WonOrNull("headroom", f.Headroom);
        if (f.BindingLimit is { } binding)
        {
            w.WriteString("bindingLimit", binding);
        }
        else
        {
            w.WriteNull("bindingLimit");
        }
        w.WriteString("rounding", f.LimitRounding.Describe());
        w.WriteBoolean("passed", s.Passed);
        w.WriteStartArray("findings");
        foreach (var finding in s.Findings)
        {
            w.Finding(finding, ctx);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public void End(IReadOnlyList<Finding> programFindings, ProgramTotals totals, CheckSummary summary, IReadOnlyList<StatedTotalsResult> statedTotals)
    {
        var w = W;
        w.WriteEndArray();
        CheckRenderer.WriteTotalsJson(w, totals);
        w.WriteStartArray("programFindings");
        foreach (var finding in programFindings)
        {
            w.Finding(finding, ctx);
        }
        w.WriteEndArray();
        if (statedTotals.Count > 0)
        {
            w.WriteStartArray("statedTotals");
            foreach (var t in statedTotals)
            {
                w.WriteStartObject();
                w.WriteString("label", t.Label);
                if (t.Origin is { } o)
                {
                    w.WriteString("file", o.Source);
                    w.WriteNumber("line", o.Line);
                }
                w.WriteBoolean("subtotal", t.Subtotal);
                w.WriteBoolean("agrees", t.Agrees);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartObject("summary");
        w.WriteNumber("sites", summary.Sites);
        w.WriteNumber("errors", summary.Errors);
        w.WriteNumber("warnings", summary.Warnings);
        w.WriteNumber("passed", summary.Passed);
        w.WriteString("result", summary.PlanPasses(strict) ? "pass" : "fail");
        w.WriteEndObject();
        w.WriteEndObject();
        Drain(force: true);
        if (_direct is not null)
        {
            _direct.WriteByte((byte)'\n');
        }
        else
        {
            ctx.Writer.Write('\n');
        }
        w.Dispose();
    }

    // The writer keeps what it has written in its own buffer until this many bytes: a flush a site was a system
    // call a site (28% of a million-site check, measured with dotnet-trace). Memory stays flat all the same.
    private const int FlushAt = 64 * 1024;

    private void Drain(bool force = false)
    {
        if (!force && W.BytesPending < FlushAt)
        {
            return;
        }
        W.Flush();
        if (_direct is null && _buffer.Length > 0)
        {
            ctx.Writer.Write(System.Text.Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
            _buffer.SetLength(0);
        }
    }
}

/// <summary>CSV, one row a site as it comes.</summary>
internal sealed class CsvCheckWriter(RenderContext ctx) : ICheckWriter
{
    public void Begin(ProgramRules rules) =>
        ctx.Writer.Line("file,line,site_id,site_name,region,national,provincial,municipal,local,private,in_kind,national_inkind,provincial_inkind,municipal_inkind,local_inkind,private_inkind,total,national_share_percent,max_national,headroom,binding_limit,status,findings");

    public void Site(SiteAssessment s)
    {
        var site = s.Site;
        var f = s.Figures;
        string[] cells =
        [
            Cells.Csv(site.Origin?.Source ?? ""),
            site.Origin?.Line.ToString(CultureInfo.InvariantCulture) ?? "",
            Cells.Csv(site.SiteId), Cells.Csv(site.Name), Cells.Csv(site.Region),
            Raw(site.National), Raw(site.Amount(FundingSource.Provincial)), Raw(site.Amount(FundingSource.Municipal)), Raw(site.Local), Raw(site.Private),
            Raw(site.InKind), Raw(site.Amount(FundingSource.National, FundingKind.InKind)), Raw(site.Amount(FundingSource.Provincial, FundingKind.InKind)),
            Raw(site.Amount(FundingSource.Municipal, FundingKind.InKind)), Raw(site.Amount(FundingSource.Local, FundingKind.InKind)),
            Raw(site.Amount(FundingSource.Private, FundingKind.InKind)), Raw(f.Total),
            f.NationalShare?.ToPercent(2).ToString(CultureInfo.InvariantCulture) ?? "",
            f.MaxNational is { } max ? Raw(max) : "", f.Headroom is { } headroom ? Raw(headroom) : "",
            f.BindingLimit ?? "",
            s.Passed ? "pass" : "fail",
            Cells.Csv(string.Join(";", s.Findings.Select(x => x.Code))),
        ];
        ctx.Writer.Line(string.Join(",", cells));
    }

    public void End(IReadOnlyList<Finding> programFindings, ProgramTotals totals, CheckSummary summary, IReadOnlyList<StatedTotalsResult> statedTotals)
    {
    }

    private static string Raw(Won amount) => amount.ToString("R", null);
}

/// <summary>GitHub Actions workflow commands, one a finding, pointing at the CSV line of the site.</summary>
internal sealed class GithubCheckWriter(RenderContext ctx, bool strict) : ICheckWriter
{
    public void Begin(ProgramRules rules)
    {
    }

    public void Site(SiteAssessment site)
    {
        foreach (var f in site.Findings)
        {
            Write(f);
        }
    }

    public void End(IReadOnlyList<Finding> programFindings, ProgramTotals totals, CheckSummary summary, IReadOnlyList<StatedTotalsResult> statedTotals)
    {
        foreach (var f in programFindings)
        {
            Write(f);
        }
        ctx.Writer.Line(CheckRenderer.SummaryLine(summary, ctx, strict));
    }

    private void Write(Finding f)
    {
        var level = f.Severity == Validation.Severity.Error || strict ? "error" : "warning";
        var (place, prefix) = f.Origin is { } o ? Cells.GithubPlace(o.Source, o.Line, null, ctx.Inputs, ctx.Language) : ("", "");
        var props = place.Length > 0 ? $"{place},title={Cells.GithubProperty(f.Code)}" : $"title={Cells.GithubProperty(f.Code)}";
        var site = f.SiteId is null ? "" : $"[{f.SiteId}] ";
        ctx.Writer.Line($"::{level} {props}::{Cells.GithubData(prefix + site + f.Message.In(ctx.Language))}");
    }
}
