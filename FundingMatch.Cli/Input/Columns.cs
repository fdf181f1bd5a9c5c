using System.Globalization;
using System.Text;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Cli.Input;

/// <summary>The columns a budget CSV may have.</summary>
internal enum Column
{
    SiteId,
    SiteName,
    Region,
    National,
    Provincial,
    Municipal,
    Local,
    Private,
    Total,
    FloorArea,
    Firms,
    CompletionDate,
    Requested,
    Score,
    FiscalYear,
    Disbursed,
    Interest,
    InterestExempt,
}

/// <summary>Header names in English and Korean, matched ignoring case, spaces, underscores, hyphens and middle dots.</summary>
internal static partial class Columns
{
    private static readonly (Column Column, string Canonical, string[] Aliases)[] Table =
    [
        (Column.SiteId, "site_id", ["사업장코드", "코드", "ID", "site"]),
        (Column.SiteName, "site_name", ["사업장명", "사업명", "센터명", "시설명", "name"]),
        (Column.Region, "region", ["지역", "지자체", "소재지"]),
        // 국고보조금 is the subsidy law's word for it, as the brief quotes it.
        (Column.National, "national", ["국비", "국고보조금", "국고", "국비보조금"]),
        (Column.Provincial, "provincial", ["시도비", "시·도비", "도비", "광역비"]),
        (Column.Municipal, "municipal", ["시군구비", "시·군·구비", "시비", "군비", "구비", "기초비"]),
        (Column.Local, "local", ["지방비", "지자체부담", "지자체부담금"]),
        // 민자 as the 2020 round's reports write it (마포: 민자 84억).
        (Column.Private, "private", ["민간", "민간부담", "민간부담금", "민자", "자부담", "자부담금"]),
        (Column.Total, "total", ["총사업비", "합계"]),
        (Column.FloorArea, "floor_area_m2", ["연면적", "면적", "floor_area"]),
        (Column.Firms, "firms", ["소공인수", "업체수"]),
        (Column.CompletionDate, "completion_date", ["준공일", "완공일", "완료일", "준공예정일", "완공예정일"]),
        (Column.Requested, "requested", ["신청액", "요청액"]),
        (Column.Score, "score", ["점수", "평가점수"]),
        (Column.FiscalYear, "fiscal_year", ["회계연도", "연도", "year"]),
        (Column.Disbursed, "disbursed", ["교부액", "교부금액"]),
        (Column.Interest, "interest", ["이자", "발생이자"]),
        (Column.InterestExempt, "interest_exempt", ["이자반환면제", "이자 반환 면제", "이자면제"]),
    ];

    private static readonly Dictionary<string, Column> ByKey = Table
        .SelectMany(t => t.Aliases.Append(t.Canonical).Select(a => (Key: Normalize(a), t.Column)))
        .DistinctBy(x => x.Key)
        .ToDictionary(x => x.Key, x => x.Column, StringComparer.Ordinal);

    public static string Canonical(Column c) => Table.First(t => t.Column == c).Canonical;

    public static string Accepted(Column c)
    {
        var t = Table.First(x => x.Column == c);
        return $"{t.Canonical} ({string.Join(", ", t.Aliases)})";
    }

    /// <summary>The funding source an amount column holds, or null for any other column.</summary>
    public static FundingSource? Source(Column c) => c switch
    {
        Column.National => FundingSource.National,
        Column.Provincial => FundingSource.Provincial,
        Column.Municipal => FundingSource.Municipal,
        Column.Local => FundingSource.Local,
        Column.Private => FundingSource.Private,
        _ => null,
    };

    /// <summary>
    /// Reads a header cell: its column, the kind of money (cash unless it says in kind) and any unit. A kind is
    /// <c>_inkind</c>/<c>_cash</c> after an English source name, or <c>(현물)</c>/<c>(현금)</c> (also <c>(in-kind)</c>,
    /// <c>(cash)</c>) after any source name; a unit is in parentheses: <c>시군구비(현물)(억원)</c>, <c>national_inkind (million won)</c>.
    /// </summary>
    public static HeaderCell ParseHeader(string header)
    {
        var name = header.Trim();
        AmountUnit? unit = null;
        FundingKind? kind = null;
        var bad = (string?)null;
        while (name.Length > 0 && (name.EndsWith(')') || name.EndsWith(']')))
        {
            var open = name.LastIndexOfAny(['(', '[']);
            if (open <= 0)
            {
                break;
            }
            var inner = name[(open + 1)..^1];
            if (TryParseUnit(inner, out var u) && unit is null)
            {
                unit = u;
            }
            else if (TryParseKind(inner, out var k) && kind is null)
            {
                kind = k;
            }
            else
            {
                bad ??= inner;
            }
            name = name[..open].TrimEnd();
        }
        var key = Normalize(name);
        if (kind is null)
        {
            foreach (var (suffix, k) in KindSuffixes)
            {
                if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.Ordinal) && ByKey.TryGetValue(key[..^suffix.Length], out var c) && Source(c) is not null)
                {
                    return new HeaderCell(c, k, unit, bad, KindWithoutSource: false);
                }
            }
        }
        if (ByKey.TryGetValue(key, out var column))
        {
            return new HeaderCell(column, kind ?? FundingKind.Cash, unit, kind is not null && Source(column) is null ? "현물/현금" : bad, KindWithoutSource: false);
        }
        // 현물 or 현금 alone names no source: it cannot be read as anyone's money.
        return new HeaderCell(null, FundingKind.Cash, unit, bad, KindWithoutSource: TryParseKind(name, out _) || (key.Length == 0 && kind is not null));
    }

    private static readonly (string Suffix, FundingKind Kind)[] KindSuffixes = [("inkind", FundingKind.InKind), ("cash", FundingKind.Cash)];

    /// <summary>현물, in-kind (inkind), 현금 or cash.</summary>
    public static bool TryParseKind(string text, out FundingKind kind)
    {
        (var ok, kind) = Normalize(text) switch
        {
            "현물" or "inkind" => (true, FundingKind.InKind),
            "현금" or "cash" => (true, FundingKind.Cash),
            _ => (false, FundingKind.Cash),
        };
        return ok;
    }

    /// <summary>Whether a column holds money: a source's, the total, or what was requested, disbursed or earned as interest.</summary>
    public static bool HoldsMoney(Column column) => column is not (Column.SiteId or Column.SiteName or Column.Region or Column.FloorArea or Column.Firms
        or Column.CompletionDate or Column.Score or Column.FiscalYear or Column.InterestExempt);

    /// <summary>A unit as budgets write it: 원, 천원, 만원 (or 만), 백만원, 억원 (or 억), and won, thousand won, ten thousand won, million won, eok.</summary>
    public static bool TryParseUnit(string text, out AmountUnit unit)
    {
        var key = Normalize(text.Replace("단위", "", StringComparison.Ordinal).Replace("unit", "", StringComparison.OrdinalIgnoreCase).Trim(' ', ':', '：'));
        (bool, AmountUnit) result = key switch
        {
            "원" or "won" or "krw" => (true, AmountUnit.Won),
            "천원" or "thousandwon" or "thousand" or "thousandkrw" => (true, AmountUnit.Thousand),
            "만원" or "만" or "tenthousandwon" or "tenthousand" or "manwon" => (true, AmountUnit.TenThousand),
            "백만원" or "millionwon" or "million" or "millionkrw" => (true, AmountUnit.Million),
            "억원" or "억" or "eok" or "eokwon" or "hundredmillionwon" or "100millionwon" => (true, AmountUnit.Eok),
            _ => (false, AmountUnit.Won),
        };
        (var ok, unit) = result;
        return ok;
    }

    /// <summary>
    /// A cell above the header that names the unit: <c>(단위: 백만원)</c>, <c>(unit: thousand won)</c>, as sheets write
    /// it in parentheses or brackets (<c>[ ]</c>, <c>&lt; &gt;</c>, <c>【 】</c>, <c>〈 〉</c>) or none, with 단위 or 금액단위, a colon
    /// or a space; or at the end of a title in such brackets: <c>2020년 사업비 현황 (단위: 억원)</c>.
    /// </summary>
    public static bool TryParseUnitLine(string line, out AmountUnit unit)
    {
        unit = AmountUnit.Won;
        var s = line.Normalize(NormalizationForm.FormKC).Trim().TrimEnd(',', ';', '\t', ' ').Trim('"').Trim();
        if (TryParseUnitText(s, out unit))
        {
            return true;
        }
        // A title with the unit after it, in brackets.
        var open = s.Length > 0 && Closing(s[^1]) is { } pair ? s.LastIndexOf(pair.Open) : -1;
        return open > 0 && TryParseUnitText(s[open..], out unit);
    }

    private static (char Open, char Close)? Closing(char c) => c switch
    {
        ')' => ('(', ')'),
        ']' => ('[', ']'),
        '>' => ('<', '>'),
        '】' => ('【', '】'),
        '〉' => ('〈', '〉'),
        _ => null,
    };

    private static bool TryParseUnitText(string s, out AmountUnit unit)
    {
        unit = AmountUnit.Won;
        if (s.Length >= 2 && Closing(s[^1]) is { } pair && s[0] == pair.Open)
        {
            s = s[1..^1].Trim();
        }
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        var split = colon >= 0 ? colon : s.IndexOf(' ', StringComparison.Ordinal);
        // A mark before the label, as notes under a table title have it: ※ 단위: 백만원.
        if (split <= 0 || Normalize(s[..split].TrimStart('※', '*', '■', '□', '▶', '○', '●', '-', ' ')) is not ("단위" or "금액단위" or "unit" or "units"))
        {
            return false;
        }
        // (단위: 백만원, %) gives the money's unit and the ratios': the one money unit among the parts is the unit.
        var units = s[(split + 1)..].Split([',', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => TryParseUnit(part, out var u) ? u : (AmountUnit?)null)
            .OfType<AmountUnit>()
            .Distinct()
            .ToList();
        if (units.Count != 1)
        {
            return false;
        }
        unit = units[0];
        return true;
    }

    /// <summary>
    /// Whether a cell above the header means to give a unit (단위 or unit followed by a colon or a unit word), whether or
    /// not <see cref="TryParseUnitLine"/> can read it: a unit line not read would leave every amount misread.
    /// "단위사업별 예산", a title, does not.
    /// </summary>
    public static bool MentionsAUnit(string cell) => UnitMention().IsMatch(cell.Normalize(NormalizationForm.FormKC));

    /// <summary>
    /// Whether a cell is a unit statement alone, nothing named before it (<c>(단위: 천원)</c>, <c>※ 단위: 백만원</c>):
    /// in the header row such a cell is the file's unit, where <c>사업비(단위: 원)</c> is a column with a name.
    /// </summary>
    public static bool IsUnitAlone(string cell)
    {
        var text = cell.Normalize(NormalizationForm.FormKC);
        var mention = UnitMention().Match(text);
        return mention.Success && text.AsSpan(0, mention.Index).Trim(" \t([{<【〈※*").IsEmpty;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:금액\s*)?단위\s*(?::|(?:천|만|백만|십억|억|조)?\s*원|억|만)|\bunits?\s*:", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex UnitMention();

    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || c is '_' or '-' or '·' or '.' or '・' or '\uFEFF')
            {
                continue;
            }
            sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}

/// <summary>What a header cell says: its column (null when unknown), the kind of money, its unit, and what in it could not be read.</summary>
/// <param name="Column">The column, or null.</param>
/// <param name="Kind">Cash unless the header says in kind.</param>
/// <param name="Unit">The unit in parentheses, if any.</param>
/// <param name="Unreadable">A part in parentheses that is neither a unit nor a kind, or a kind on a column that holds no money.</param>
/// <param name="KindWithoutSource">The header is 현물 or 현금 alone: money with no source.</param>
internal sealed record HeaderCell(Column? Column, FundingKind Kind, AmountUnit? Unit, string? Unreadable, bool KindWithoutSource);
