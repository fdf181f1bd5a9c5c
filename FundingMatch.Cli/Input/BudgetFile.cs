using System.Text;
using CsvHelper;
using Microsoft.Win32.SafeHandles;
using FundingMatch.Text;

namespace FundingMatch.Cli.Input;

/// <summary>A stretch of a budget file's rows, whole lines, that can be read apart from the rest.</summary>
/// <param name="Start">The offset of its first byte in the file.</param>
/// <param name="End">The offset just past its last byte (the end of a line).</param>
/// <param name="FirstLine">The file's line number of its first line.</param>
internal sealed record BudgetPart(long Start, long End, int FirstLine);

internal static partial class BudgetCsvReader
{
    /// <summary>
    /// The parts a large file is cut into, about this many bytes each. They are small, for a pass that builds sites:
    /// a part's sites are alive until written, and parts of a megabyte (10,000 sites, four at a time) kept so much
    /// young data that the runtime collected its oldest generation 22 times, not twice. A pass that builds nothing
    /// takes them a few at a time (<see cref="BudgetFile.Grouped"/>).
    /// </summary>
    public const int DefaultPartBytes = 64 * 1024;

    /// <summary>
    /// A budget file opened for reading: its encoding found, its header read and mapped (the problems of all this
    /// already reported), and the reader standing at its first row. A plain CSV of several parts' size, whose rows
    /// cannot hold a line break (no quote anywhere under the header, every carriage return before a line feed), also
    /// comes cut into <see cref="Parts"/> at line ends: each part can be read on a thread of its own, with its own
    /// <see cref="ProblemLog"/>, and the parts' rows and problems, taken in order, are exactly those of
    /// <see cref="Rows"/>.
    /// </summary>
    public sealed class BudgetFile : IDisposable
    {
        private readonly Stream? _owned;
        private readonly CsvReader _csv;
        private readonly List<CsvMalformedRecord> _malformed;
        private readonly Encoding _encoding;
        private readonly HeaderMap _map;
        private readonly int _skippedLines;
        private readonly byte[]? _headerRow;
        private readonly Microsoft.Win32.SafeHandles.SafeFileHandle? _handle;
        private readonly System.Collections.Concurrent.ConcurrentBag<byte[]> _buffers = [];
        private readonly int _partBytes;

        private BudgetFile(Stream? owned, CsvReader csv, List<CsvMalformedRecord> malformed, Encoding encoding, HeaderMap map, int skippedLines, string displayName,
            byte[]? headerRow, Microsoft.Win32.SafeHandles.SafeFileHandle? handle, IReadOnlyList<BudgetPart>? parts, int partBytes)
        {
            _partBytes = partBytes;
            _owned = owned;
            _csv = csv;
            _malformed = malformed;
            _encoding = encoding;
            _map = map;
            _skippedLines = skippedLines;
            DisplayName = displayName;
            _headerRow = headerRow;
            _handle = handle;
            Parts = parts;
        }

        /// <summary>The file's name in problems (a workbook's with its sheet).</summary>
        public string DisplayName { get; }

        /// <summary>The file cut at line ends, in order; null when it is read as one (<see cref="Rows"/>, <see cref="Scan"/>).</summary>
        public IReadOnlyList<BudgetPart>? Parts { get; }

        /// <summary>
        /// <see cref="Parts"/> taken <paramref name="count"/> at a time, each run of them one part (the last may be
        /// fewer): larger parts, for a pass that builds nothing from a row, at less cost a part.
        /// </summary>
        public IReadOnlyList<BudgetPart> Grouped(int count)
        {
            var parts = Parts ?? throw new InvalidOperationException("The file was not cut into parts.");
            var grouped = new List<BudgetPart>((parts.Count + count - 1) / count);
            for (var i = 0; i < parts.Count; i += count)
            {
                var last = parts[Math.Min(i + count, parts.Count) - 1];
                grouped.Add(new BudgetPart(parts[i].Start, last.End, parts[i].FirstLine));
            }
            return grouped;
        }

        /// <summary>
        /// Opens <paramref name="path"/>, reporting to <paramref name="log"/> what <see cref="BudgetCsvReader.Read(string, string, BudgetReadOptions, ProblemLog)"/>
        /// reports before the first row; null when no row can be read. A CSV of more than two parts of
        /// <paramref name="partBytes"/> is cut into parts where it can be (0: never).
        /// </summary>
        public static BudgetFile? Open(string path, string displayName, BudgetReadOptions options, ProblemLog log, int partBytes = DefaultPartBytes)
        {
            if (!File.Exists(path))
            {
                log.Add(new InputProblem(displayName, null, null, null, null, Directory.Exists(path)
                    ? new LocalizedText("파일이 아니라 폴더입니다", "is a folder, not a CSV file")
                    : new LocalizedText("파일이 없습니다", "file not found")));
                return null;
            }
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            try
            {
                var file = Open(stream, Workbooks.IsWorkbook(path) || Workbooks.StartsAsWorkbook(stream), displayName, options, log, partBytes, owned: true);
                if (file is null)
                {
                    stream.Dispose();
                }
                return file;
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        /// <summary>As <see cref="Open(string, string, BudgetReadOptions, ProblemLog, int)"/>, for a stream the caller keeps.</summary>
        public static BudgetFile? Open(Stream input, bool isWorkbook, string displayName, BudgetReadOptions options, ProblemLog log, int partBytes) =>
            Open(input, isWorkbook, displayName, options, log, partBytes, owned: false);

        private static BudgetFile? Open(Stream input, bool isWorkbook, string displayName, BudgetReadOptions options, ProblemLog log, int partBytes, bool owned)
        {
            var stream = input;
            SheetText? sheet = null;
            if (isWorkbook)
            {
                // A workbook's sheet becomes CSV text with the sheet's row numbers; messages then name the sheet and cell.
                sheet = Workbooks.ReadSheet(input, displayName, options.Sheet);
                displayName = Workbooks.DisplayName(displayName, sheet.Name);
                stream = new MemoryStream(sheet.ToCsv(), writable: false);
                options = options with { Encoding = EncodingChoice.Utf8 };
                partBytes = 0;
            }
            else if (options.Sheet is { } sheetName)
            {
                // With workbooks and CSV files together, --sheet is for the workbooks; said, not silently dropped.
                log.Add(new InputProblem(displayName, null, null, null, sheetName, new LocalizedText(
                    "--sheet는 Excel 통합 문서(.xlsx)의 시트를 고릅니다: 이 파일은 CSV 텍스트라 그대로 읽습니다",
                    "--sheet picks a sheet of an Excel workbook (.xlsx): this file is CSV text, read as it is"), IsWarning: true));
            }
            if (Workbooks.StartsAsOldWorkbook(stream))
            {
                // Read as CP949 text, its binary records would be one header of mojibake and three missing columns.
                log.Add(new InputProblem(displayName, null, null, null, null, new LocalizedText(
                    "Excel 97-2003 통합 문서(.xls)이거나 다른 이진 문서(.hwp, .doc 같은 복합 파일)라 읽지 않습니다: 시트를 Excel에서 'Excel 통합 문서(*.xlsx)' 또는 'CSV(쉼표로 분리)'로 다시 저장하십시오",
                    "an Excel 97-2003 workbook (.xls) or another binary document (a compound file, as .hwp and .doc are), which FundingMatch does not read: save the sheet from Excel as 'Excel Workbook (*.xlsx)' or 'CSV (Comma delimited)'")));
                return null;
            }
            if (TextEncodings.EndsLinesInCarriageReturns(stream))
            {
                // Read with line feeds for line ends, the whole file would be one header of every cell.
                log.Add(new InputProblem(displayName, null, null, null, null, new LocalizedText(
                    "줄이 캐리지 리턴(CR)만으로 끝납니다 (Mac용 Excel의 'CSV(Macintosh)'): 'CSV UTF-8(쉼표로 분리)'로 다시 저장하십시오",
                    "its lines end in a carriage return alone (Excel for Mac's 'CSV (Macintosh)'): save it again as 'CSV UTF-8 (Comma delimited)'")));
                return null;
            }
            if (TextEncodings.StartsAsUtf16(stream))
            {
                // Excel's "Unicode text" and some exports: read as CP949 it would be one unreadable header, not rows.
                log.Add(new InputProblem(displayName, null, null, null, null, new LocalizedText(
                    "UTF-16 텍스트입니다: Excel에서 'CSV UTF-8(쉼표로 분리)' 또는 'CSV(쉼표로 분리)'로 다시 저장하십시오",
                    "UTF-16 text (it starts with a UTF-16 byte-order mark): save it from Excel as 'CSV UTF-8' or 'CSV' and read that")));
                return null;
            }
            var (encoding, preamble) = TextEncodings.Detect(stream, options.Encoding);
            if (options.Encoding == EncodingChoice.Utf8 || preamble > 0)
            {
                // Told it is UTF-8, or marked as UTF-8 by a byte-order mark: make sure before reading a field, so that a
                // CP949 file is an error, not a crash (found by fuzzing: a mark followed by bytes that are not UTF-8).
                stream.Position = preamble;
                if (!TextEncodings.IsValidUtf8(stream))
                {
                    log.Add(new InputProblem(displayName, null, null, null, null, options.Encoding == EncodingChoice.Utf8
                        ? new LocalizedText(
                            "UTF-8이 아닙니다: 한글 Excel이 저장한 CP949 파일이면 --encoding cp949로 (또는 --encoding 없이) 읽으십시오",
                            "not valid UTF-8: if Korean Excel saved it (CP949), read it with --encoding cp949, or leave --encoding out to detect it")
                        : new LocalizedText(
                            "UTF-8 표시(BOM)로 시작하지만 UTF-8이 아닌 바이트가 있습니다: 파일을 'CSV UTF-8'로 다시 저장하십시오",
                            "starts with a UTF-8 byte-order mark but holds bytes that are not UTF-8: save it again as 'CSV UTF-8'")));
                    return null;
                }
            }
            stream.Position = preamble;
            var layout = FindHeader(stream, encoding);
            if (layout.UnreadUnit is var (unitLine, unitCell))
            {
                // Skipped as a title, it would leave every plain amount in won, a million times too small under 백만원.
                log.Add(new InputProblem(displayName, unitLine, null, null, unitCell, new LocalizedText(
                    "머리글 위의 단위를 읽을 수 없습니다: (단위: 원, 천원, 만원, 백만원, 억원) 중 하나로 쓰십시오",
                    "a unit above the header that cannot be read: write it as (단위: 원, 천원, 만원, 백만원 or 억원), or (unit: million won)")));
                return null;
            }
            var skippedLines = layout.LinesBefore;
            if (stream.Position >= stream.Length)
            {
                log.Add(new InputProblem(displayName, null, null, null, null, new LocalizedText("빈 파일입니다: 머리글 행과 사업장 행이 있어야 합니다", "the file is empty: expected a header row and one row a site")));
                return null;
            }
            if (layout.Headers is null)
            {
                log.Add(new InputProblem(displayName, 1, null, null, null, new LocalizedText(
                    "따옴표가 잘못되었습니다 (첫 행에서 연 따옴표가 닫히지 않습니다)", $"malformed quotes ({ReasonText(CsvMalformedReason.UnterminatedQuote)} in the first row)")));
                return null;
            }

            var headerAt = stream.Position;
            var (parts, headerRow) = partBytes > 0 && stream is FileStream fileStream && stream.Length - headerAt > 2L * partBytes
                ? Cut(fileStream, headerAt, skippedLines + 2, partBytes)
                : (null, null);
            stream.Position = headerAt;
            var csv = CreateCsv(stream, encoding, out var malformed);
            try
            {
                // The reader reads the header's last row as its header (for the field count); the names are the layout's.
                _ = csv.Headers;
                var map = MapHeader(layout.Headers ?? csv.Headers, displayName, layout.HeaderLine, options, layout.Unit, log);
                if (map is null)
                {
                    csv.Dispose();
                    return null;
                }
                if (sheet is not null && ReadSheetCells(sheet, map, layout.LinesBefore + 1, displayName, log))
                {
                    // The rows under the header changed, the header did not: read again from the same place.
                    csv.Dispose();
                    stream = new MemoryStream(sheet.ToCsv(), writable: false) { Position = headerAt };
                    csv = CreateCsv(stream, encoding, out malformed);
                    _ = csv.Headers;
                }
                return new BudgetFile(owned ? input : null, csv, malformed, encoding, map, skippedLines, displayName, headerRow,
                    parts is null ? null : ((FileStream)stream).SafeFileHandle, parts, partBytes);
            }
            catch
            {
                csv.Dispose();
                throw;
            }
        }

        /// <summary>
        /// What a workbook's cells under the header mean beyond their text, in the columns read: cells without a value,
        /// amounts shown in thousands, cells merged down the rows. True when a cell was filled.
        /// </summary>
        private static bool ReadSheetCells(SheetText sheet, HeaderMap map, int headerRow, string file, ProblemLog log)
        {
            Mapped? Read(int row, int column) => row > headerRow ? Array.Find(map.Columns, c => c.Index == column) : null;
            ReportUnknownValues(sheet, Read, file, log);
            ReportScaledWithoutUnit(sheet, Read, file, log);
            return FillMergedDown(sheet, Read, file, log);
        }

        // A cell whose value the sheet does not hold, an Excel error or a formula saved without its result, is an error
        // at that cell: the one would be read as a region or a name (#N/A), the other as blank (no money).
        private static void ReportUnknownValues(SheetText sheet, Func<int, int, Mapped?> read, string file, ProblemLog log)
        {
            foreach (var cell in sheet.Unknown)
            {
                if (read(cell.Row, cell.Column) is { } column)
                {
                    log.Add(new InputProblem(file, cell.Row, cell.Column + 1, column.Header, cell.Shown, cell.IsError
                        ? new LocalizedText("Excel 오류 값입니다: 이 셀의 수식을 고치십시오", "an Excel error value: correct the formula behind it")
                        : new LocalizedText(
                            "결과 값이 저장되지 않은 수식입니다: Excel에서 열어 저장하면(계산되어) 값이 저장됩니다. 또는 값을 직접 쓰십시오",
                            "a formula saved without its result (as tools other than Excel save them): open and save the workbook in Excel, which computes it, or type the value")));
                }
            }
        }

        // An amount shown in thousands is read as shown, in the unit the sheet states: with none stated, the sheet's 2,512
        // would be read as 2,512 won where the cell holds 2,512,345,678. Once a column, at its first such cell.
        private static void ReportScaledWithoutUnit(SheetText sheet, Func<int, int, Mapped?> read, string file, ProblemLog log)
        {
            var reported = new HashSet<int>();
            foreach (var cell in sheet.Scaled)
            {
                if (read(cell.Row, cell.Column) is { IsAmount: true, Unit: Money.AmountUnit.Won } column && reported.Add(cell.Column))
                {
                    var digits = 3 * cell.Thousands;
                    var (ko, en, unit) = cell.Thousands switch
                    {
                        1 => ("천 원", "in thousands", "천원"),
                        2 => ("백만 원", "in millions", "백만원"),
                        _ => ("큰", "scaled", "억원"),
                    };
                    log.Add(new InputProblem(file, cell.Row, cell.Column + 1, column.Header, sheet.Cell(cell.Row, cell.Column), new LocalizedText(
                        $"셀 서식이 금액을 끝자리 {digits}개를 뺀 {ko} 단위로 보여 주는데 이 열의 단위가 원입니다: 시트가 보여 주는 단위를 머리글 위에 (단위: {unit})처럼 쓰거나 머리글에 붙이십시오",
                        $"the cell's format shows its amount with {digits} digits dropped ({en}), but the column's unit is won: state the unit the sheet shows, as (단위: {unit}) above the header or in the column's name")));
                }
            }
        }

        // Cells merged down the rows are read as Excel shows them: one value over every row of the merge, where Excel
        // keeps it in the first cell and blanks under it (which would read as a site with no region, or no name). A
        // region, a name, an id (a site's rows, one a fiscal year), a date or a year is given to each row; an amount or
        // a count cannot be shared among rows, and is an error at its cell. Merges in the header's own rows are left as
        // they are (the two-row header reads their blanks).
        private static bool FillMergedDown(SheetText sheet, Func<int, int, Mapped?> read, string file, ProblemLog log)
        {
            var filled = false;
            foreach (var range in sheet.MergedDown)
            {
                if (read(range.FirstRow, range.FirstColumn) is not { } column || sheet.Cell(range.FirstRow, range.FirstColumn) is not { Length: > 0 } value
                    || !sheet.SpansRowsWithValues(range))
                {
                    continue;
                }
                if (column.Column is Column.SiteId or Column.SiteName or Column.Region or Column.CompletionDate or Column.FiscalYear or Column.InterestExempt)
                {
                    sheet.FillDown(range);
                    filled = true;
                    continue;
                }
                log.Add(new InputProblem(file, range.FirstRow, range.FirstColumn + 1, column.Header, value, new LocalizedText(
                    $"{range.FirstRow}~{range.LastRow}행에 걸쳐 병합된 셀({range})입니다: 금액이나 수는 여러 행이 나눠 가질 수 없으니 병합을 풀고 행마다 값을 쓰십시오",
                    $"a cell merged over rows {range.FirstRow}-{range.LastRow} ({range}): an amount or a count cannot be shared among rows; unmerge the cells and give each row its own value")));
            }
            return filled;
        }

        /// <summary>
        /// The rows of the file read as one, in order, each good row in one reused <see cref="RowCells"/>, problems to
        /// <paramref name="log"/>; then, when the file has no site row and no error, that problem. A file cut into parts
        /// is read part after part, each from memory and trimmed only where a cell has a space or tab at its edge
        /// (the stream reader trims every cell, by CsvHelper's slower path); the rows and problems are the same.
        /// </summary>
        private IEnumerable<RowCells> Records(ProblemLog log)
        {
            var sites = 0;
            var errorsBefore = log.ErrorCount;
            var completed = true;
            var records = Parts is null
                ? Loop(_csv, _malformed, _skippedLines, log, () => completed = false)
                : Parts.SelectMany(part => completed ? PartRecords(part, log, () => completed = false) : []);
            foreach (var cells in records)
            {
                // Counted before the caller finishes the row: a row it then finds bad is an error, and an error
                // already stops the "no site rows" problem below.
                sites += cells.Kind == RowKind.Site ? 1 : 0;
                yield return cells;
            }
            if (completed)
            {
                Finish(log, sites, log.ErrorCount - errorsBefore);
            }
        }

        /// <summary>The rows of the file read as one, built, in order; problems to <paramref name="log"/>.</summary>
        public IEnumerable<BudgetRow> Rows(ProblemLog log)
        {
            foreach (var cells in Records(log))
            {
                if (cells.ToRow(log) is { } row)
                {
                    yield return row;
                }
            }
        }

        /// <summary>The rows of the file read as one, scanned (see <see cref="BudgetCsvReader.Scan(string, string, BudgetReadOptions, ProblemLog, ScannedRowHandler)"/>).</summary>
        public void Scan(ProblemLog log, ScannedRowHandler row)
        {
            foreach (var cells in Records(log))
            {
                if (cells.ToScanned(log, out var scanned))
                {
                    row(in scanned);
                }
            }
        }

        /// <summary>
        /// What the file's reading ends with once every part is read without a stop: the "no site rows" problem when
        /// the parts held <paramref name="sites"/> = 0 sites and <paramref name="errors"/> = 0 errors.
        /// </summary>
        public void Finish(ProblemLog log, int sites, int errors)
        {
            if (sites == 0 && errors == 0)
            {
                // A header and nothing under it is no plan to pass: nothing was judged.
                log.Add(new InputProblem(DisplayName, null, null, null, null, new LocalizedText(
                    "머리글 아래에 사업장 행이 없습니다", "the file has a header but no site rows")));
            }
        }

        /// <summary>
        /// The built rows of one part, in order, its problems to <paramref name="log"/> (the part's own); safe on any
        /// thread, alongside other parts. <paramref name="stopped"/> is called if the part's CSV cannot be read on
        /// (the rows of the file after it are then not read).
        /// </summary>
        public IEnumerable<BudgetRow> Rows(BudgetPart part, ProblemLog log, Action stopped)
        {
            foreach (var cells in PartRecords(part, log, stopped))
            {
                if (cells.ToRow(log) is { } row)
                {
                    yield return row;
                }
            }
        }

        /// <summary>As <see cref="Rows(BudgetPart, ProblemLog, Action)"/>, scanned rather than built.</summary>
        public void Scan(BudgetPart part, ProblemLog log, Action stopped, ScannedRowHandler row)
        {
            foreach (var cells in PartRecords(part, log, stopped))
            {
                if (cells.ToScanned(log, out var scanned))
                {
                    row(in scanned);
                }
            }
        }

        /// <summary>
        /// The checked cells of each good row of one part, in order (one object, reused: valid until the next row), its
        /// problems to <paramref name="log"/>; safe on any thread, alongside other parts, as <see cref="Rows(BudgetPart, ProblemLog, Action)"/>.
        /// </summary>
        public IEnumerable<RowCells> Records(BudgetPart part, ProblemLog log, Action stopped) => PartRecords(part, log, stopped);

        private IEnumerable<RowCells> PartRecords(BudgetPart part, ProblemLog log, Action stopped)
        {
            if (Parts is null || _headerRow is null || _handle is null)
            {
                throw new InvalidOperationException("The file was not cut into parts.");
            }
            // The part is read as a file of its own: the header's row, then the part's lines, numbered from the part's first.
            var length = _headerRow.Length + checked((int)(part.End - part.Start));
            // A buffer a part being read, kept for the next part: large arrays made and dropped a part at a time
            // would have the runtime collect (and trim its pools) over and over.
            if (!_buffers.TryTake(out var bytes) || bytes.Length < length)
            {
                bytes = new byte[Math.Max(length, _headerRow.Length + _partBytes)];
            }
            try
            {
                _headerRow.CopyTo(bytes, 0);
                var read = _headerRow.Length;
                while (read < length)
                {
                    var n = RandomAccess.Read(_handle, bytes.AsSpan(read, length - read), part.Start + read - _headerRow.Length);
                    if (n == 0)
                    {
                        throw new IOException($"{DisplayName}: the file became shorter while it was read");
                    }
                    read += n;
                }
                // Read in place; a part with no space or tab at a cell's edge has nothing to trim, and is read without
                // trimming (a tenth of the reading's time: CsvHelper trims every cell by a slower path).
                var memory = bytes.AsMemory(0, length);
                using var csv = CreateCsv(memory, _encoding, trim: SpaceAtCellEdge(memory.Span), out var malformed);
                _ = csv.Headers;
                foreach (var cells in Loop(csv, malformed, part.FirstLine - 2, log, stopped))
                {
                    yield return cells;
                }
            }
            finally
            {
                _buffers.Add(bytes);
            }
        }

        private IEnumerable<RowCells> Loop(CsvReader csv, List<CsvMalformedRecord> malformed, int skippedLines, ProblemLog log, Action stopped)
        {
            var cells = new RowCells(csv, DisplayName, _map.Columns.Length);
            while (true)
            {
                bool more;
                try
                {
                    more = csv.Read();
                }
                catch (CsvFormatException e)
                {
                    // CsvHelper 34 documents this only for a reader set to reject malformed input; this one skips and
                    // reports it (CsvOptions: MalformedData and FieldCountMismatch Skip, OnMalformedRecord), so no
                    // test reaches here. Kept so that a reader that does throw gives an error at the line, not a stack trace.
                    log.Add(new InputProblem(DisplayName, e.LineNumber > 0 ? (int)e.LineNumber + skippedLines : null, null, null, null,
                        new LocalizedText($"CSV 형식이 잘못되었습니다: {e.Message}", $"malformed CSV: {e.Message}")));
                    stopped();
                    yield break;
                }
                ReportMalformed(malformed, DisplayName, skippedLines, _map.Count, log);
                if (!more)
                {
                    break;
                }
                if (ReadCells(csv, _map, (int)csv.LineNumber + skippedLines, log, cells))
                {
                    yield return cells;
                }
            }
        }

        /// <summary>Lets go of the buffers kept for reading parts (the next part read makes one again).</summary>
        public void ReleaseBuffers() => _buffers.Clear();

        public void Dispose()
        {
            _csv.Dispose();
            _owned?.Dispose();
        }

        private static CsvReader CreateCsv(Stream stream, Encoding encoding, out List<CsvMalformedRecord> malformed) =>
            CsvReader.Create(stream, CsvOptions(encoding, trim: true, out malformed), leaveOpen: true);

        private static CsvReader CreateCsv(ReadOnlyMemory<byte> bytes, Encoding encoding, bool trim, out List<CsvMalformedRecord> malformed) =>
            CsvReader.Create(bytes, CsvOptions(encoding, trim, out malformed));

        /// <summary>
        /// Whether a space or tab stands at the edge of a cell of <paramref name="plain"/> (lines without quotes, every
        /// carriage return before a line feed), where the reader would trim it. Neither byte is part of a UTF-8 or
        /// CP949 character.
        /// </summary>
        internal static bool SpaceAtCellEdge(ReadOnlySpan<byte> plain)
        {
            var at = 0;
            int next;
            while ((next = plain[at..].IndexOfAny((byte)' ', (byte)'\t')) >= 0)
            {
                var i = at + next;
                if (i == 0 || plain[i - 1] is (byte)',' or (byte)'\n' || i + 1 == plain.Length || plain[i + 1] is (byte)',' or (byte)'\r' or (byte)'\n')
                {
                    return true;
                }
                at = i + 1;
            }
            return false;
        }

        private static CsvReaderOptions CsvOptions(Encoding encoding, bool trim, out List<CsvMalformedRecord> malformed)
        {
            var records = new List<CsvMalformedRecord>();
            malformed = records;
            return new CsvReaderOptions
            {
                Separator = ',',
                HasHeader = true,
                TrimWhitespace = trim,
                TrackLineNumbers = true,
                SkipEmptyLines = true,
                // A quoted cell may hold a line break, as Excel writes for Alt+Enter; line numbers stay those of the file
                // (the reader gives the line a record starts on). A quote never closed is one error at the line it opens.
                AllowLineBreaksInQuotes = true,
                Encoding = ReferenceEquals(encoding, TextEncodings.Cp949) ? encoding : null,
                FieldCountMismatch = CsvFieldCountHandling.Skip,
                MalformedData = CsvMalformedDataHandling.Skip,
                MissingField = CsvMissingFieldHandling.ReturnEmpty,
                OnMalformedRecord = records.Add,
                // Ids and names are unique: pooling them costs a lookup a cell for nothing. Regions repeat, and RowCells
                // keeps them itself.
                PoolStrings = false,
                DetectSeparatorHint = false,
            };
        }

        /// <summary>
        /// Cuts the rows after the header's row (which starts at <paramref name="headerAt"/>, its next line being line
        /// <paramref name="firstLine"/>) into parts of about <paramref name="partBytes"/> at line feeds, and gives the
        /// header's row with its line end; null when a record could span lines or line ends are not all line feeds:
        /// a quote anywhere from the header on, or a carriage return not before a line feed (both only in UTF-8 or
        /// CP949 bytes of their own: neither encoding uses these bytes inside a character).
        /// </summary>
        /// <remarks>The rows of a large file are cut in two halves at once, on two threads, split at a line feed.</remarks>
        private static (IReadOnlyList<BudgetPart>? Parts, byte[]? HeaderRow) Cut(FileStream stream, long headerAt, int firstLine, int partBytes)
        {
            var file = stream.SafeFileHandle;
            var length = stream.Length;
            var block = new byte[partBytes];
            var n = ReadFully(file, block, headerAt, length);
            var headerEnd = block.AsSpan(0, n).IndexOf((byte)'\n');
            if (headerEnd < 0 || !Plain(block.AsSpan(0, headerEnd + 1)))
            {
                return (null, null);
            }
            var headerRow = block.AsSpan(0, headerEnd + 1).ToArray();
            var start = headerAt + headerEnd + 1;
            var split = length - start >= 4L * partBytes && Environment.ProcessorCount > 1 ? AfterLineFeedNear(file, start + ((length - start) / 2), length, block) : -1;
            if (split <= start || split >= length)
            {
                return CutRange(file, start, length, block) is { } whole ? ([.. Numbered(whole.Parts, firstLine)], headerRow) : (null, null);
            }
            var (first, second) = TwoThreads.Run(() => CutRange(file, start, split, block), () => CutRange(file, split, length, new byte[partBytes]));
            if (first is null || second is null)
            {
                return (null, null);
            }
            return ([.. Numbered(first.Value.Parts, firstLine), .. Numbered(second.Value.Parts, checked(firstLine + first.Value.Lines))], headerRow);
        }

        // Cuts bytes start to end of the file (which end at a line feed, or at the end of the file) into parts of at most
        // a block, each ending after its last line feed; each part's first line counted from 0, and the lines in all;
        // null when the bytes are not plain, or a line is longer than a block.
        private static (List<BudgetPart> Parts, int Lines)? CutRange(SafeFileHandle file, long start, long end, byte[] block)
        {
            var parts = new List<BudgetPart>();
            var line = 0;
            while (start < end)
            {
                var n = ReadFully(file, block, start, end);
                var last = start + n >= end;
                // A part ends after its last line feed (the range's last part, at the end of the range).
                var cut = last ? n : block.AsSpan(0, n).LastIndexOf((byte)'\n') + 1;
                if (cut <= 0 || !Plain(block.AsSpan(0, cut)))
                {
                    return null;
                }
                parts.Add(new BudgetPart(start, start + cut, line));
                line = checked(line + block.AsSpan(0, cut).Count((byte)'\n'));
                start += cut;
            }
            return (parts, line);
        }

        private static IEnumerable<BudgetPart> Numbered(List<BudgetPart> parts, int firstLine) =>
            parts.Select(part => part with { FirstLine = checked(part.FirstLine + firstLine) });

        // The position after the first line feed from `from` within a block, or -1 when the block has none.
        private static long AfterLineFeedNear(SafeFileHandle file, long from, long end, byte[] block)
        {
            var n = ReadFully(file, block, from, end);
            var at = block.AsSpan(0, n).IndexOf((byte)'\n');
            return at < 0 ? -1 : from + at + 1;
        }

        // Fills the block from `at`, up to `end` of the file; gives how many bytes it read.
        private static int ReadFully(SafeFileHandle file, byte[] block, long at, long end)
        {
            var want = (int)Math.Min(block.Length, end - at);
            var read = 0;
            while (read < want)
            {
                var n = RandomAccess.Read(file, block.AsSpan(read, want - read), at + read);
                if (n == 0)
                {
                    break;
                }
                read += n;
            }
            return read;
        }

        // No quote, and every carriage return right before a line feed (a carriage return at the very end of the file
        // is a line end of its own: not plain).
        private static bool Plain(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Contains((byte)'"'))
            {
                return false;
            }
            var at = 0;
            int cr;
            while ((cr = bytes[at..].IndexOf((byte)'\r')) >= 0)
            {
                at += cr + 1;
                if (at >= bytes.Length || bytes[at] != (byte)'\n')
                {
                    return false;
                }
            }
            return true;
        }
    }
}
