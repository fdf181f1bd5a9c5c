using System.Globalization;
using System.Text;
using CsvHelper;
using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Text;
using NodaTime;
using NodaTime.Text;

namespace FundingMatch.Cli.Input;

/// <summary>One row of a budget CSV: the site's budget, and the applicant columns when they are read.</summary>
/// <summary>What a row of a budget file is.</summary>
internal enum RowKind
{
    /// <summary>A site.</summary>
    Site,

    /// <summary>A totals row (합계, 총계, 계, Total): the sum of the file's sites above it (or below it, right under the header), checked, never a site.</summary>
    Totals,

    /// <summary>A subtotal row (소계, Subtotal, 서울 소계): the sum of its group, the sites since the last subtotal (or, over them, up to the next).</summary>
    Subtotal,
}

internal sealed record BudgetRow(SiteBudget Site, Won? Requested, decimal? Score)
{
    /// <summary>A site, or a totals row whose <see cref="SiteBudget.SiteId"/> is its label.</summary>
    public RowKind Kind { get; init; } = RowKind.Site;

    /// <summary>교부액 on an actuals row, if given.</summary>
    public Won? Disbursed { get; init; }

    /// <summary>이자 on an actuals row, if given.</summary>
    public Won? Interest { get; init; }

    /// <summary>이자 반환 면제 on an actuals row, if given.</summary>
    public bool? InterestExempt { get; init; }
}

/// <summary>How to read budget files.</summary>
internal sealed record BudgetReadOptions(AmountUnit DefaultUnit, EncodingChoice Encoding, bool ApplicantColumns = false, bool SettlementColumns = false, string? Sheet = null);

/// <summary>
/// Collects input problems: every error up to <see cref="MaxErrors"/> is kept, the rest counted, so a file with a
/// million bad rows still says how many there were.
/// </summary>
internal sealed class ProblemLog
{
    public const int MaxErrors = 100;

    private readonly List<InputProblem> _problems = [];

    public int ErrorCount { get; private set; }

    public int Omitted { get; private set; }

    public IReadOnlyList<InputProblem> Problems => _problems;

    public bool HasErrors => ErrorCount > 0;

    public void Add(InputProblem problem)
    {
        if (!problem.IsWarning)
        {
            ErrorCount++;
            if (ErrorCount > MaxErrors)
            {
                Omitted++;
                return;
            }
        }
        _problems.Add(problem);
    }

    /// <summary>
    /// Adds the problems of <paramref name="part"/>, the log of a part of a file read on its own, from
    /// <paramref name="next"/> on: those of the lines before <paramref name="beforeLine"/>, or with null all that are
    /// left and the errors it counted without keeping them (once, at the part's end). Taken so around the part's rows,
    /// the problems come in the order of the file read in a row.
    /// </summary>
    public void AddFrom(ProblemLog part, ref int next, int? beforeLine)
    {
        var problems = part._problems;
        while (next < problems.Count && (beforeLine is not { } limit || (problems[next].Line is { } line && line < limit)))
        {
            Add(problems[next++]);
        }
        if (beforeLine is null && part.Omitted > 0)
        {
            ErrorCount += part.Omitted;
            Omitted += part.Omitted;
        }
    }
}

/// <summary>
/// Reads budget CSVs (English or Korean headers, UTF-8 or CP949, amounts in any form the core parses) with CsvHelper,
/// streaming row by row: a row is parsed from the field bytes and handed on before the next is read.
/// </summary>
internal static partial class BudgetCsvReader
{
    /// <summary>
    /// Reads the rows of <paramref name="path"/>, reporting problems to <paramref name="log"/>; rows with errors are not
    /// returned. A large plain file is read in parts of about <paramref name="partBytes"/>, one after another (0: in a
    /// row), with the same rows and problems.
    /// </summary>
    public static IEnumerable<BudgetRow> Read(string path, string displayName, BudgetReadOptions options, ProblemLog log, int partBytes = DefaultPartBytes)
    {
        using var file = BudgetFile.Open(path, displayName, options, log, partBytes);
        foreach (var row in file?.Rows(log) ?? [])
        {
            yield return row;
        }
    }

    /// <summary>
    /// Reads the rows of a budget file open as <paramref name="input"/> (a seekable stream; a workbook when
    /// <paramref name="isWorkbook"/>), naming it <paramref name="displayName"/> in problems.
    /// </summary>
    /// <exception cref="InputException">A workbook that cannot be read, or has no such sheet.</exception>
    public static IEnumerable<BudgetRow> Read(Stream input, bool isWorkbook, string displayName, BudgetReadOptions options, ProblemLog log)
    {
        using var file = BudgetFile.Open(input, isWorkbook, displayName, options, log, partBytes: 0);
        foreach (var row in file?.Rows(log) ?? [])
        {
            yield return row;
        }
    }

    /// <summary>
    /// Checks the rows of <paramref name="path"/> as <see cref="Read(string, string, BudgetReadOptions, ProblemLog)"/>
    /// does, reporting exactly the same problems, without building a site: each good row is handed to
    /// <paramref name="row"/> as a <see cref="ScannedRow"/> (its kind, id and the sum of its amounts), valid only during the
    /// call. The first of two passes over a file too large to hold.
    /// </summary>
    public static void Scan(string path, string displayName, BudgetReadOptions options, ProblemLog log, ScannedRowHandler row)
    {
        using var file = BudgetFile.Open(path, displayName, options, log, partBytes: 0);
        file?.Scan(log, row);
    }

    /// <summary>Where the header is, what it says, and the unit a line above it gives.</summary>
    /// <param name="Unit">The unit of a unit line above the header, if any.</param>
    /// <param name="HeaderLine">The 1-based line of the header (of its top row, for a two-row header).</param>
    /// <param name="LinesBefore">The lines before the header's last row, where the CSV reader starts.</param>
    /// <param name="Headers">The header cells, a two-row header's rows already combined.</param>
    /// <param name="UnreadUnit">A row above the header that means to give a unit but names none FundingMatch reads: its line and cell.</param>
    private sealed record HeaderLayout(AmountUnit? Unit, int HeaderLine, int LinesBefore, IReadOnlyList<string>? Headers, (int Line, string Cell)? UnreadUnit = null);

    /// <summary>
    /// Finds the header as analysts' sheets have it: the first of the first 20 rows that names the required columns
    /// (site_id and national), alone or with the row under it as a two-row header (<c>자부담</c> over <c>현금 | 현물</c>,
    /// <c>지방비</c> over <c>도비 | 시비</c>), with title lines and a unit line (<c>(단위: 억원)</c>) above it skipped; the
    /// unit line, wherever it stands above the header, gives the file's unit. With no such row, the first row is the
    /// header (and says what it lacks). Rows are CSV records: a quoted cell may hold a line break. The stream is left at
    /// the header's last row, for the CSV reader to read as its header.
    /// </summary>
    private static HeaderLayout FindHeader(Stream stream, Encoding encoding)
    {
        const int MaxRowsBeforeHeader = 20;
        var start = stream.Position;
        var head = new byte[64 * 1024];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (n == 0 || head.AsSpan(0, n).IndexOfAnyExcept(" \t\r\n,"u8) < 0)
        {
            // Nothing but blank space is an empty file.
            stream.Position = stream.Length;
            return new HeaderLayout(null, 1, 0, null);
        }
        var records = HeadRecords.Split(head.AsSpan(0, n), encoding, MaxRowsBeforeHeader + 1);
        AmountUnit? unit = null;
        (int, string)? unread = null;
        for (var i = 0; i < records.Count && i < MaxRowsBeforeHeader; i++)
        {
            var record = records[i];
            var under = i + 1 < records.Count ? records[i + 1] : null;
            var combined = under is not null && HeaderRows.IsSubHeader(under.Cells) ? HeaderRows.Combine(record.Cells, under.Cells) : null;
            var (names, last) = combined is not null && HeaderRows.NamesRequiredColumns(combined) ? (combined, i + 1)
                : HeaderRows.NamesRequiredColumns(record.Cells) ? (record.Cells, i)
                : (null, -1);
            if (names is not null)
            {
                // A row under the header may give each column its unit: 국비 over (백만원).
                if (last + 1 < records.Count && HeaderRows.IsUnitsRow(records[last + 1].Cells))
                {
                    names = HeaderRows.WithUnits(names, records[++last].Cells);
                }
                stream.Position = start + records[last].Offset;
                return new HeaderLayout(unit, record.Line + 1, records[last].Line, names, unread);
            }
            // Above the header (its own cells may carry units: 국비(단위: 백만원) is a header's, not a unit line).
            if (HeaderRows.IsUnitRow(record.Cells, out var u))
            {
                unit = u;
                continue;
            }
            if (unread is null && HeaderRows.UnitMention(record.Cells) is { } mention)
            {
                unread = (record.Line + 1, mention);
            }
        }
        if (records.Count == 0)
        {
            // A quote opened in the first row and never closed (no record ends in the head): no header to find.
            stream.Position = start;
            return new HeaderLayout(null, 1, 0, null);
        }
        // No header among the first rows: the first row after a unit line, if any, is read as the header; its errors say what it lacks.
        var first = records.Count > 1 && HeaderRows.IsUnitRow(records[0].Cells, out var firstUnit)
            ? (Record: records[1], Unit: (AmountUnit?)firstUnit)
            : (Record: records[0], Unit: null);
        stream.Position = start + first.Record.Offset;
        return new HeaderLayout(first.Unit, first.Record.Line + 1, first.Record.Line, first.Record.Cells);
    }

    private sealed record Mapped(int Index, Column Column, FundingKind Kind, string Header, AmountUnit Unit)
    {
        public bool IsText { get; } = Column is Column.SiteId or Column.SiteName or Column.Region;

        /// <summary>Whether the column holds money: a source's, the total, or what was requested, disbursed or earned as interest.</summary>
        public bool IsAmount { get; } = Columns.HoldsMoney(Column);

        /// <summary>Won a unit of this column.</summary>
        public long Scale { get; } = Unit.WonPerUnit();

        /// <summary>The largest count of units that fits in a long once scaled.</summary>
        public long MaxUnits { get; } = long.MaxValue / Unit.WonPerUnit();

        /// <summary>Whose money the column is, if it is a source's.</summary>
        public FundingSource? Source { get; } = Columns.Source(Column);
    }

    private sealed class HeaderMap(List<Mapped> columns, int count)
    {
        // An array: the columns are walked for every row of a file.
        public Mapped[] Columns { get; } = [.. columns];

        public int Count { get; } = count;
    }

    private static HeaderMap? MapHeader(IReadOnlyList<string> headers, string file, int headerLine, BudgetReadOptions options, AmountUnit? fileUnit, ProblemLog log)
    {
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            log.Add(new InputProblem(file, headerLine, null, null, null, new LocalizedText("머리글 행이 없습니다", "there is no header row")));
            return null;
        }
        if (headers.Count == 1 && (headers[0].Contains(';', StringComparison.Ordinal) ? ";" : headers[0].Contains('\t', StringComparison.Ordinal) ? "tab" : null) is { } separator)
        {
            // A sheet saved with semicolons (Excel in some locales) or tabs ("Text (Tab delimited)"): its header is one
            // cell, and every required column would be reported missing, which says nothing of why.
            var (ko, en) = separator == ";" ? ("세미콜론(;)", "semicolons (;)") : ("탭", "tabs");
            log.Add(new InputProblem(file, headerLine, 1, headers[0], null, new LocalizedText(
                $"머리글이 {ko}으로 나뉜 한 칸입니다: 쉼표로 나뉜 CSV여야 합니다. Excel에서 'CSV(쉼표로 분리)'로 다시 저장하십시오",
                $"the header is one cell with its names separated by {en}: expected comma-separated values; save the sheet from Excel as 'CSV (Comma delimited)'")));
            return null;
        }
        var errorsBefore = log.ErrorCount;
        var unitCells = UnitInHeader(headers, file, headerLine, ref fileUnit, log);
        var mapped = new List<Mapped>();
        var seen = new Dictionary<(Column, FundingKind), int>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (unitCells.Contains(i))
            {
                continue;
            }
            var header = headers[i];
            var cell = Columns.ParseHeader(header);
            if (cell.KindWithoutSource)
            {
                log.Add(new InputProblem(file, headerLine, i + 1, header, null, new LocalizedText(
                    "현물·현금만으로는 누구의 돈인지 알 수 없습니다: 재원 이름 뒤에 붙이십시오 (예: 자부담(현물), 시군구비(현물), 민간(현금))",
                    "현물 (in kind) or 현금 (cash) alone names no source: write it after a source name, such as 자부담(현물), 시군구비(현물), private_inkind")));
                continue;
            }
            if (cell.Column is not { } column || (!options.ApplicantColumns && column is Column.Requested or Column.Score)
                || (!options.SettlementColumns && column is Column.Disbursed or Column.Interest or Column.InterestExempt))
            {
                log.Add(new InputProblem(file, headerLine, i + 1, header, null, header.Trim().Length == 0
                    ? new LocalizedText("이름이 없는 열은 읽지 않습니다", "a column without a name is not read")
                    : new LocalizedText("알 수 없는 열이라 읽지 않습니다", "unknown column, not read"), IsWarning: true));
                continue;
            }
            if (cell.Unreadable is { } bad)
            {
                log.Add(new InputProblem(file, headerLine, i + 1, header, null, Columns.Source(column) is null && bad == "현물/현금"
                    ? new LocalizedText("현물·현금은 재원 열에만 붙일 수 있습니다", "현물/현금 (in kind, cash) belongs only after a source column")
                    : new LocalizedText(
                        $"머리글 괄호 안의 '{bad}'을(를) 알 수 없습니다: 단위(원, 천원, 만원, 백만원, 억원) 또는 현물·현금이어야 합니다",
                        $"'{bad}' in the header is neither a unit (원, 천원, 만원, 백만원, 억원: won, thousand won, ten thousand won, million won, eok) nor a kind (현물, 현금)")));
                continue;
            }
            if (seen.TryGetValue((column, cell.Kind), out var first))
            {
                var what = Columns.Canonical(column) + (cell.Kind == FundingKind.InKind ? "_inkind" : "");
                log.Add(new InputProblem(file, headerLine, i + 1, header, null,
                    new LocalizedText($"{first + 1}번째 열과 같은 항목({what})이 또 있습니다", $"duplicate header: column {first + 1} is {what} already")));
                continue;
            }
            seen[(column, cell.Kind)] = i;
            mapped.Add(new Mapped(i, column, cell.Kind, header.Trim(), cell.Unit ?? fileUnit ?? options.DefaultUnit));
        }
        var found = string.Join(", ", headers.Select(h => $"'{h}'"));
        void Require(string what, string accepted) => log.Add(new InputProblem(file, headerLine, null, null, null,
            new LocalizedText($"필수 열 {what}이(가) 없습니다. 찾은 열: {found}; 쓸 수 있는 이름: {accepted}",
                $"missing required column {what}; found {found}; accepted: {accepted}")));
        bool Has(Column c) => seen.ContainsKey((c, FundingKind.Cash)) || seen.ContainsKey((c, FundingKind.InKind));
        if (!Has(Column.SiteId))
        {
            Require("site_id", Columns.Accepted(Column.SiteId));
        }
        if (!Has(Column.National))
        {
            Require("national", Columns.Accepted(Column.National));
        }
        // National money alone is no matching budget: at least one other source must be there to be judged.
        if (!Has(Column.Provincial) && !Has(Column.Municipal) && !Has(Column.Local) && !Has(Column.Private))
        {
            Require("beside national: provincial, municipal, local or private",
                $"{Columns.Accepted(Column.Provincial)}; {Columns.Accepted(Column.Municipal)}; {Columns.Accepted(Column.Local)}; {Columns.Accepted(Column.Private)}");
        }
        return log.ErrorCount > errorsBefore ? null : new HeaderMap(mapped, headers.Count);
    }

    /// <summary>
    /// A unit stated in a cell of the header row itself, beside the column names (<c>(단위: 천원)</c> in its last cell),
    /// which gives the file's unit as a line above the header does: read as an unknown column, it left every plain
    /// amount in won. A unit there that cannot be read, or that is not the unit a line above gives, is an error.
    /// The cells that state a unit, which are no columns.
    /// </summary>
    private static HashSet<int> UnitInHeader(IReadOnlyList<string> headers, string file, int headerLine, ref AmountUnit? fileUnit, ProblemLog log)
    {
        var cells = new HashSet<int>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            // 국비(단위: 백만원) is a column with its unit, not the file's; 사업비(단위: 원) a column not read.
            if (header.Length == 0 || Columns.ParseHeader(header).Column is not null || !Columns.IsUnitAlone(header))
            {
                continue;
            }
            cells.Add(i);
            if (!Columns.TryParseUnitLine(header, out var stated))
            {
                log.Add(new InputProblem(file, headerLine, i + 1, header, null, new LocalizedText(
                    "머리글 행의 단위를 읽을 수 없습니다: (단위: 원, 천원, 만원, 백만원, 억원) 중 하나로 쓰십시오",
                    "a unit in the header row that cannot be read: write it as (단위: 원, 천원, 만원, 백만원 or 억원), or (unit: million won)")));
            }
            else if (fileUnit is { } other && other != stated)
            {
                log.Add(new InputProblem(file, headerLine, i + 1, header, null, new LocalizedText(
                    $"머리글 행의 단위({stated.KoreanName()})가 위에서 밝힌 단위({other.KoreanName()})와 다릅니다: 하나만 남기십시오",
                    $"the header row's unit ({stated.KoreanName()}) is not the unit stated above it or beside it ({other.KoreanName()}): keep one")));
            }
            else
            {
                fileUnit = stated;
            }
        }
        return cells;
    }

    private static void ReportMalformed(List<CsvMalformedRecord> malformed, string file, int skippedLines, int headerCount, ProblemLog log)
    {
        foreach (var m in malformed)
        {
            var line = m.LineNumber > 0 ? (int)m.LineNumber + skippedLines : (int?)null;
            var raw = m.RawRecord.Split('\n')[0].TrimEnd('\r');
            raw = raw.Length > 80 ? raw[..80] + "…" : raw;
            var message = m.Reason == CsvMalformedReason.FieldCountMismatch
                ? new LocalizedText($"이 행의 필드 수가 머리글의 {headerCount}개와 다릅니다", $"the row does not have the header's {headerCount} fields")
                : new LocalizedText($"따옴표가 잘못되었습니다 ({m.Reason})", $"malformed quotes ({ReasonText(m.Reason)})");
            log.Add(new InputProblem(file, line, null, null, null, message with
            {
                Korean = message.Korean + $": {raw}",
                English = message.English + $": {raw}",
            }));
        }
        malformed.Clear();
    }

    private static string ReasonText(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "a quote that is never closed",
        CsvMalformedReason.LineBreakInQuotes => "a line break inside quotes",
        _ => reason.ToString(),
    };

    private static void Error(ProblemLog log, string file, int line, Mapped m, ReadOnlySpan<byte> value, string ko, string en) =>
        log.Add(new InputProblem(file, line, m.Index + 1, m.Header, Encoding.UTF8.GetString(value), new LocalizedText(ko, en)));

    /// <summary>
    /// Reads and checks every field of the current record into <paramref name="cells"/>: false when the row has an
    /// error (each reported) or is a row of empty cells. Text cells are left in the record, read when asked for.
    /// </summary>
    private static bool ReadCells(CsvReader csv, HeaderMap map, int line, ProblemLog log, RowCells cells)
    {
        var first = 0;
        while (first < csv.FieldCount && csv.IsEmpty(first))
        {
            first++;
        }
        if (first == csv.FieldCount || IsNote(csv, first))
        {
            return false; // a row of empty cells, as Excel writes below a table, or a note: no data to lose
        }

        var file = cells.File;
        var buffer = cells.Buffer;
        var errorsBefore = log.ErrorCount;
        Mapped? siteIdColumn = null;
        cells.Clear(line);
        // One amount a (source, kind) column, in header order. 지방비 is money of its own on a row that leaves the
        // provincial and municipal cells blank; on a row that fills either, it is their stated sum, checked, not money.
        var lines = cells.Lines;

        foreach (var m in map.Columns)
        {
            // A text cell stays in the record (read when asked for); every other cell is checked from its bytes.
            var bytes = m.IsText ? default : csv.GetSpan(m.Index);
            switch (m.Column)
            {
                case Column.SiteId:
                    cells.SiteIdIndex = m.Index;
                    siteIdColumn = m;
                    break;
                case Column.SiteName:
                    cells.NameIndex = m.Index;
                    break;
                case Column.Region:
                    cells.RegionIndex = m.Index;
                    break;
                case Column.CompletionDate:
                    if (!bytes.IsEmpty)
                    {
                        if (FieldParsers.TryParseDate(bytes, out var date))
                        {
                            cells.Completion = date;
                        }
                        else if (FieldParsers.WrongWeekday(bytes) is var (day, weekday))
                        {
                            var iso = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                            Error(log, file, line, m, bytes, $"요일이 날짜와 맞지 않습니다: {iso}은(는) {weekday}요일입니다", $"the day of the week is not the date's: {iso} is a {day.DayOfWeek} ({weekday})");
                        }
                        else
                        {
                            Error(log, file, line, m, bytes, "날짜가 아닙니다: 2021-12-31, 2021.12.31, 2021. 12. 31., 2021/12/31, 2021년 12월 31일, 20211231처럼 연도부터 온전히 써야 합니다", "not a date: expected the year first, in full, such as 2021-12-31, 2021.12.31, 2021. 12. 31., 2021/12/31, 2021년 12월 31일 or 20211231");
                        }
                    }
                    break;
                case Column.FloorArea:
                    if (!bytes.IsEmpty)
                    {
                        if (FieldParsers.TryParseArea(bytes, out var area))
                        {
                            cells.FloorArea = area;
                        }
                        else
                        {
                            Error(log, file, line, m, bytes, "면적이 아닙니다: 0 이상의 숫자(m²)여야 합니다 (예: 1,487)", "not a floor area: expected a number of m² of zero or more, such as 1,487");
                        }
                    }
                    break;
                case Column.Firms:
                    if (!bytes.IsEmpty)
                    {
                        int count;
                        // Plain digits straight away (most files); separators and the rest through the general parser.
                        if ((FieldParsers.TryParseDigits(bytes, out var digits) && digits <= int.MaxValue && (count = (int)digits) >= 0)
                            || FieldParsers.TryParseCount(bytes, out count))
                        {
                            cells.Firms = count;
                        }
                        else
                        {
                            Error(log, file, line, m, bytes, "업체 수가 아닙니다: 0 이상의 정수여야 합니다 (예: 551, 551개, 551개사)", "not a number of firms: expected a whole number of zero or more, such as 551, 551개 or 551개사");
                        }
                    }
                    break;
                case Column.FiscalYear:
                    if (!bytes.IsEmpty)
                    {
                        if (int.TryParse(bytes, NumberStyles.None, CultureInfo.InvariantCulture, out var parsedYear) && parsedYear is >= 1900 and <= 2999)
                        {
                            cells.FiscalYear = parsedYear;
                        }
                        else
                        {
                            Error(log, file, line, m, bytes, "회계연도가 아닙니다: 2020처럼 네 자리 연도여야 합니다", "not a fiscal year: expected a four-digit year such as 2020");
                        }
                    }
                    break;
                case Column.InterestExempt:
                    if (!bytes.IsEmpty)
                    {
                        var text = Encoding.UTF8.GetString(bytes).Trim();
                        // As Korean sheets mark it: 예/아니오, O/X, ○/×, 해당/해당 없음, 면제/미면제.
                        cells.InterestExempt = Columns.Normalize(text) switch
                        {
                            "yes" or "y" or "true" or "예" or "o" or "○" or "◯" or "해당" or "면제" => true,
                            "no" or "n" or "false" or "아니오" or "아니요" or "x" or "×" or "✕" or "해당없음" or "비해당" or "미면제" => false,
                            _ => null,
                        };
                        if (cells.InterestExempt is null)
                        {
                            Error(log, file, line, m, bytes, "예 또는 아니오여야 합니다 (예, 아니오, O, X, ○, ×, 해당, 해당 없음, 면제, 미면제)",
                                "expected yes or no (예 or 아니오; O or X, ○ or ×, 해당 or 해당 없음, 면제 or 미면제)");
                        }
                    }
                    break;
                case Column.Score:
                    if (!bytes.IsEmpty)
                    {
                        if (FieldParsers.TryParseScore(bytes, out var value))
                        {
                            cells.Score = value;
                        }
                        else
                        {
                            Error(log, file, line, m, bytes, "점수가 아닙니다: 숫자여야 합니다 (예: 87.5, 87.5점)", "not a score: expected a number such as 87.5 or 87.5점");
                        }
                    }
                    break;
                default:
                    // A blank cell, or a dash as Excel sheets write for nothing, is no money in an optional column;
                    // in the required national column it is an error at its cell, never a silent 0.
                    // Amounts start with a digit: one inline test, and the call is made only for the rest.
                    if (bytes.IsEmpty || (!char.IsAsciiDigit((char)bytes[0]) && FieldParsers.IsNothing(bytes)))
                    {
                        if (m.Column == Column.National && m.Kind == FundingKind.Cash)
                        {
                            Error(log, file, line, m, bytes, "국비가 비어 있습니다: 필수 열이니 0이면 0이라고 쓰십시오",
                                "the national amount is blank: the column is required, so write 0 for none");
                        }
                        break;
                    }
                    cells.RowHasSplit |= m.Column is Column.Provincial or Column.Municipal;
                    if (!TryParseAmount(bytes, m, buffer, out var amount, out var parseError))
                    {
                        // A 10 MB cell is shown by its first 40 characters, once.
                        var text = Output.Cells.Shown(Encoding.UTF8.GetString(bytes));
                        Error(log, file, line, m, bytes, AmountParseErrors.DescribeKorean(parseError, text), AmountParseErrors.Describe(parseError, text));
                        break;
                    }
                    if (amount.IsNegative)
                    {
                        Error(log, file, line, m, bytes, "금액이 음수입니다: 예산 금액은 0 이상이어야 합니다", "a negative amount: budget amounts are zero or more");
                        break;
                    }
                    if (m.Column == Column.Local)
                    {
                        cells.LocalCells.Add(new BudgetLine(FundingSource.Local, m.Kind, amount));
                    }
                    else if (m.Source is { } source)
                    {
                        lines.Add(new BudgetLine(source, m.Kind, amount));
                    }
                    else if (m.Column == Column.Total)
                    {
                        cells.Total = amount;
                    }
                    else if (m.Column == Column.Requested)
                    {
                        cells.Requested = amount;
                    }
                    else if (m.Column == Column.Disbursed)
                    {
                        cells.Disbursed = amount;
                    }
                    else if (m.Column == Column.Interest)
                    {
                        cells.Interest = amount;
                    }
                    break;
            }
        }
        // A totals row names itself in the id cell; or, with the id left blank, as Excel sheets do, in the name cell or
        // in the row's first cell (a 연번 or 구분 column before the id: 합계 | | | 50 | 50).
        var siteId = cells.SiteIdChars();
        cells.Kind = TotalsLabel(siteId) ?? (siteId.IsEmpty ? TotalsLabel(cells.Name()) : null) ?? RowKind.Site;
        if (cells.Kind == RowKind.Site && siteId.IsEmpty && TotalsLabel(Encoding.UTF8.GetString(csv.GetSpan(first))) is { } kind)
        {
            cells.Kind = kind;
            cells.LabelIndex = first;
        }
        if (cells.Kind == RowKind.Site && siteId.IsEmpty && siteIdColumn is { } idColumn)
        {
            Error(log, file, line, idColumn, [], "사업장코드가 비어 있습니다", "the site id is empty");
        }
        return log.ErrorCount == errorsBefore;
    }

    /// <summary>
    /// Whether a row is a note, as Korean sheets write them under (or among) the rows of a table: one cell, its first
    /// non-empty one, that starts with a note mark (<c>※ 자료: 중소벤처기업부</c>, <c>* 국비는 1곳당 25억원 이내</c>,
    /// <c>주1) 현물 포함</c>, <c>자료: …</c>, <c>출처: …</c>), every other cell empty. It holds no money, and is no site.
    /// </summary>
    private static bool IsNote(CsvReader csv, int first)
    {
        var cell = csv.GetSpan(first);
        // Every mark starts with '*' or a byte of a character past ASCII: a row that starts with an id or an amount is
        // none, and is done with at once.
        if (cell.IsEmpty || (cell[0] != (byte)'*' && cell[0] < 0x80))
        {
            return false;
        }
        for (var i = first + 1; i < csv.FieldCount; i++)
        {
            if (!csv.IsEmpty(i))
            {
                return false;
            }
        }
        return NoteMark().IsMatch(Encoding.UTF8.GetString(cell));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:※|\*|＊|주\s*[0-9]*\s*\)|註\s*[0-9]*\s*\)|(?:자료|출처|비고)\s*[:：])", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NoteMark();

    /// <summary>
    /// 합계, 총계, 계, Total (a totals row) or 소계, Subtotal (a subtotal row), ignoring case and spaces, and a group's
    /// subtotal by its name (<c>서울 소계</c>, <c>소계(서울)</c>, <c>Seoul subtotal</c>); null for anything else.
    /// </summary>
    private static RowKind? TotalsLabel(ReadOnlySpan<char> cell)
    {
        if (!MayBeTotalsLabel(cell))
        {
            return null;
        }
        var label = Columns.Normalize(cell.ToString());
        return label switch
        {
            "합계" or "총계" or "계" or "총합계" or "total" or "grandtotal" or "sum" => RowKind.Totals,
            "소계" or "subtotal" => RowKind.Subtotal,
            _ when label.EndsWith("소계", StringComparison.Ordinal) || label.StartsWith("소계(", StringComparison.Ordinal)
                || label.EndsWith("subtotal", StringComparison.Ordinal) || label.StartsWith("subtotal(", StringComparison.Ordinal) => RowKind.Subtotal,
            _ => null,
        };
    }

    // Every label above is at most 16 characters and starts (after spaces) with one of these, or (a group's subtotal)
    // ends in 계 or subtotal: a site id almost never does, so the normalizing (which allocates) runs on a few rows, not
    // on every row.
    private static bool MayBeTotalsLabel(ReadOnlySpan<char> cell)
    {
        var text = cell.Trim();
        if (text.Length is 0 or > 32)
        {
            return false;
        }
        // No plain label has a digit, and normalizing never removes an ASCII one: an id such as S0000001 is no label.
        return (text.Length <= 16 && !text.ContainsAnyInRange('0', '9') && text[0] is '합' or '총' or '계' or '소' or 'T' or 't' or 'S' or 's' or 'G' or 'g' or 'Ｔ' or 'ｔ' or 'Ｓ' or 'ｓ' or 'Ｇ' or 'ｇ')
            || text[^1] is '계' || (text[^1] is ')' && text[0] is '소' or 'S' or 's') || text.EndsWith("subtotal", StringComparison.OrdinalIgnoreCase);
    }

    // Amounts are parsed from the field's bytes: plain digits straight away (the common case of an Excel export),
    // anything else through a reused char buffer into the core's parser. No string per field on the hot path.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool TryParseAmount(ReadOnlySpan<byte> bytes, Mapped column, Span<char> buffer, out Won amount, out AmountParseError error)
    {
        if (FieldParsers.TryParseDigits(bytes, out var digits) && digits <= column.MaxUnits)
        {
            amount = new Won(digits * column.Scale);
            error = AmountParseError.None;
            return true;
        }
        return TryParseAnyAmount(bytes, column.Unit, buffer, out amount, out error);
    }

    private static bool TryParseAnyAmount(ReadOnlySpan<byte> bytes, AmountUnit unit, Span<char> buffer, out Won amount, out AmountParseError error)
    {
        if (bytes.Length <= buffer.Length && Encoding.UTF8.TryGetChars(bytes, buffer, out var written))
        {
            return Won.TryParse(buffer[..written], unit, out amount, out error);
        }
        return Won.TryParse(Encoding.UTF8.GetString(bytes).AsSpan(), unit, out amount, out error);
    }
}
