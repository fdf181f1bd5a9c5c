using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CsvHelper;
using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Text;
using NodaTime;

namespace FundingMatch.Cli.Input;

/// <summary>A good row as the first pass sees it: valid only during the call it is given to.</summary>
internal readonly ref struct ScannedRow
{
    public ScannedRow(RowKind kind, ReadOnlySpan<char> siteId, string file, int line, bool hasFiscalYear, ReadOnlySpan<long> amounts)
    {
        Kind = kind;
        SiteId = siteId;
        File = file;
        Line = line;
        HasFiscalYear = hasFiscalYear;
        Amounts = amounts;
    }

    public RowKind Kind { get; }

    /// <summary>The id as <see cref="BudgetRow"/>'s site would have it (on one line).</summary>
    public ReadOnlySpan<char> SiteId { get; }

    public string File { get; }

    public int Line { get; }

    /// <summary>Whether the site would have a fiscal year (a year column filled on a row with money).</summary>
    public bool HasFiscalYear { get; }

    /// <summary>
    /// The sums a command may add up, as <see cref="BudgetRow"/> would give them: the site's total, then the requested,
    /// disbursed, interest, stated total and stated local amounts (0 where not given).
    /// </summary>
    public ReadOnlySpan<long> Amounts { get; }
}

/// <summary>Takes a <see cref="ScannedRow"/>.</summary>
internal delegate void ScannedRowHandler(in ScannedRow row);

internal static partial class BudgetCsvReader
{
    /// <summary>
    /// One record's checked cells, reused for every record of a file. The text cells stay in the CSV record until
    /// asked for, so the first pass over a file makes no string for a good row; the second builds the site.
    /// </summary>
    internal sealed class RowCells(CsvReader csv, string file, int columns)
    {
        private readonly long[] _amounts = new long[6];
        private char[] _id = new char[64];
        private int _idLength;
        private string? _idFolded;

        public string File { get; } = file;

        public char[] Buffer { get; } = new char[256];

        public int Line { get; private set; }

        public RowKind Kind { get; set; }

        public int SiteIdIndex { get; set; }

        public int NameIndex { get; set; }

        public int RegionIndex { get; set; }

        /// <summary>The cell that names a totals row when neither its id nor its name cell does (a 연번 or 구분 column); -1 for none.</summary>
        public int LabelIndex { get; set; }

        public List<BudgetLine> Lines { get; } = new(columns);

        /// <summary>지방비 cells: money of their own, or the stated sum of 시·도비 and 시·군·구비 when a row fills either.</summary>
        public List<BudgetLine> LocalCells { get; } = [];

        public bool RowHasSplit { get; set; }

        public Won? Total { get; set; }

        public Won? Requested { get; set; }

        public Won? Disbursed { get; set; }

        public Won? Interest { get; set; }

        public int? FiscalYear { get; set; }

        public bool? InterestExempt { get; set; }

        public decimal? FloorArea { get; set; }

        public decimal? Score { get; set; }

        public int? Firms { get; set; }

        public LocalDate? Completion { get; set; }

        public void Clear(int line)
        {
            Line = line;
            Kind = RowKind.Site;
            SiteIdIndex = NameIndex = RegionIndex = LabelIndex = -1;
            _idLength = -1;
            _idFolded = null;
            Lines.Clear();
            LocalCells.Clear();
            RowHasSplit = false;
            Total = Requested = Disbursed = Interest = null;
            FiscalYear = Firms = null;
            InterestExempt = null;
            FloorArea = Score = null;
            Completion = null;
        }

        /// <summary>The site id cell on one line, read once a row without making a string (but for a line break in it).</summary>
        public ReadOnlySpan<char> SiteIdChars()
        {
            if (_idFolded is not null)
            {
                return _idFolded;
            }
            if (_idLength < 0)
            {
                _idLength = 0;
                if (SiteIdIndex >= 0)
                {
                    var bytes = csv.GetSpan(SiteIdIndex).Length; // a char a byte at most
                    if (_id.Length < bytes)
                    {
                        _id = new char[Math.Max(bytes, _id.Length * 2)];
                    }
                    _idLength = csv.GetChars(SiteIdIndex, _id);
                    if (_id.AsSpan(0, _idLength).IndexOfAny('\r', '\n') >= 0)
                    {
                        _idFolded = FieldParsers.OneLine(new string(_id, 0, _idLength));
                        return _idFolded;
                    }
                }
            }
            return _id.AsSpan(0, _idLength);
        }

        public string Name() => Text(NameIndex);

        /// <summary>A cell's bytes as read (UTF-8, trimmed as the reader trims); empty for no cell (-1).</summary>
        public ReadOnlySpan<byte> Bytes(int index) => index >= 0 ? csv.GetSpan(index) : default;

        /// <summary>
        /// The facts of the site on this row, for a site judged without being built: false for a row that is no site,
        /// names a fiscal year, or has 지방비 money of its own beside no split (its budget is built then: <see cref="ToRow"/>),
        /// or whose amounts add up past a long (which <see cref="ToRow"/> reports).
        /// </summary>
        // Hot for every site of a large file: optimized from its first call (see JudgedPart.Of).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryFacts(out SiteFacts facts)
        {
            facts = default;
            if (Kind != RowKind.Site || FiscalYear is not null || (LocalCells.Count > 0 && !RowHasSplit))
            {
                return false;
            }
            try
            {
                Won? statedLocal = null;
                if (LocalCells.Count > 0)
                {
                    var local = 0L;
                    foreach (var cell in LocalCells)
                    {
                        local = checked(local + cell.Amount.Value);
                    }
                    statedLocal = new Won(local);
                }
                facts = SiteFacts.Of(CollectionsMarshal.AsSpan(Lines), Total, statedLocal, FloorArea, Firms, Completion);
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        /// <summary>The lines of the site <see cref="TryFacts"/> gave the facts of, in the order its budget has them.</summary>
        public ReadOnlySpan<BudgetLine> FactLines => CollectionsMarshal.AsSpan(Lines);

        /// <summary>The row as the commands take it: a site, or a totals row named by its label.</summary>
        public BudgetRow? ToRow(ProblemLog log)
        {
            var siteId = SiteId();
            SiteBudget site;
            try
            {
                Won? statedLocal = null;
                if (LocalCells.Count > 0 && RowHasSplit)
                {
                    statedLocal = Won.Sum(LocalCells.Select(l => l.Amount));
                }
                else
                {
                    Lines.AddRange(LocalCells);
                }
                site = new SiteBudget
                {
                    SiteId = siteId,
                    Name = Name(),
                    Region = Region(),
                    // The year column may stand anywhere in the row: it is given to the lines once the row is read.
                    Lines = FiscalYear is { } year ? Lines.ConvertAll(l => l with { FiscalYear = year }) : Lines,
                    StatedLocal = statedLocal,
                    StatedTotal = Total,
                    FloorAreaM2 = FloorArea,
                    Firms = Firms,
                    PlannedCompletion = Completion,
                    Origin = new SourceLocation(File, Line),
                };
            }
            catch (OverflowException)
            {
                log.Add(Overflow(siteId));
                return null;
            }
            return new BudgetRow(site, Requested, Score) { Disbursed = Disbursed, Interest = Interest, InterestExempt = InterestExempt, Kind = Kind };
        }

        /// <summary>
        /// The row as the first pass needs it, with the problems <see cref="ToRow"/> would report (amounts that add up
        /// past the range of a long), and no site built.
        /// </summary>
        public bool ToScanned(ProblemLog log, out ScannedRow row)
        {
            var split = LocalCells.Count > 0 && RowHasSplit;
            long total = 0, statedLocal = 0;
            var lines = 0;
            try
            {
                foreach (var line in Lines)
                {
                    total = checked(total + line.Amount.Value);
                }
                foreach (var line in LocalCells)
                {
                    if (split)
                    {
                        statedLocal = checked(statedLocal + line.Amount.Value);
                    }
                    else
                    {
                        total = checked(total + line.Amount.Value);
                    }
                }
                lines = Lines.Count + (split ? 0 : LocalCells.Count);
            }
            catch (OverflowException)
            {
                log.Add(Overflow(SiteId()));
                row = default;
                return false;
            }
            _amounts[0] = total;
            _amounts[1] = Requested?.Value ?? 0;
            _amounts[2] = Disbursed?.Value ?? 0;
            _amounts[3] = Interest?.Value ?? 0;
            _amounts[4] = Total?.Value ?? 0;
            _amounts[5] = statedLocal;
            row = new ScannedRow(Kind, Kind == RowKind.Site ? SiteIdChars() : SiteId(), File, Line, FiscalYear is not null && lines > 0, _amounts);
            return true;
        }

        // A totals row with its id cell blank is named by its label in the name cell, or in the cell before them.
        private string SiteId()
        {
            // The characters SiteIdChars already read (and folded onto one line): not decoded again.
            var id = SiteIdIndex >= 0 ? SiteIdChars().ToString() : "";
            return Kind != RowKind.Site && id.Length == 0 ? (LabelIndex >= 0 ? Text(LabelIndex) : Name()).Trim() : id;
        }

        // A region repeats on many rows: the last few are kept, so that a file's million rows share a few strings.
        private readonly (byte[] Bytes, string Text)[] _regions = new (byte[], string)[16];
        private int _nextRegion;

        /// <summary>The region cell's text: the same string for a region on row after row.</summary>
        public string Region()
        {
            if (RegionIndex < 0)
            {
                return "";
            }
            var bytes = csv.GetSpan(RegionIndex);
            foreach (var (known, text) in _regions)
            {
                if (known is not null && bytes.SequenceEqual(known))
                {
                    return text;
                }
            }
            var region = Text(RegionIndex);
            _regions[_nextRegion] = (bytes.ToArray(), region);
            _nextRegion = (_nextRegion + 1) % _regions.Length;
            return region;
        }

        private string Text(int index) => index >= 0 ? FieldParsers.OneLine(csv.GetString(index)) : "";

        private InputProblem Overflow(string siteId) => new(File, Line, null, null, null, new LocalizedText(
            $"'{Output.Cells.Shown(siteId)}' 행의 금액을 더하면 9,223,372,036,854,775,807원을 넘어 계산할 수 없습니다",
            $"the amounts of '{Output.Cells.Shown(siteId)}' add up to more than 9,223,372,036,854,775,807 won, which cannot be computed"));
    }
}
