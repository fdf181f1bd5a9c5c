using System.Globalization;
using System.Text;
using FundingMatch.Money;

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
}

/// <summary>Header names in English and Korean, matched ignoring case, spaces, underscores, hyphens and middle dots.</summary>
internal static class Columns
{
    private static readonly (Column Column, string Canonical, string[] Aliases)[] Table =
    [
        (Column.SiteId, "site_id", ["사업장코드", "코드", "ID", "site"]),
        (Column.SiteName, "site_name", ["사업장명", "사업명", "센터명", "name"]),
        (Column.Region, "region", ["지역", "지자체"]),
        (Column.National, "national", ["국비"]),
        (Column.Provincial, "provincial", ["시도비", "시·도비", "광역비"]),
        (Column.Municipal, "municipal", ["시군구비", "시·군·구비", "기초비"]),
        (Column.Local, "local", ["지방비"]),
        (Column.Private, "private", ["민간", "민간부담", "자부담"]),
        (Column.Total, "total", ["총사업비", "합계"]),
        (Column.FloorArea, "floor_area_m2", ["연면적", "면적", "floor_area"]),
        (Column.Firms, "firms", ["소공인수", "업체수"]),
        (Column.CompletionDate, "completion_date", ["준공일", "완공일", "완료일"]),
        (Column.Requested, "requested", ["신청액", "요청액"]),
        (Column.Score, "score", ["점수", "평가점수"]),
    ];

    private static readonly Dictionary<string, Column> ByKey = Table
        .SelectMany(t => t.Aliases.Append(t.Canonical).Select(a => (Key: Normalize(a), t.Column)))
        .DistinctBy(x => x.Key)
        .ToDictionary(x => x.Key, x => x.Column, StringComparer.Ordinal);

    public static bool IsAmount(Column c) => c is Column.National or Column.Provincial or Column.Municipal or Column.Local
        or Column.Private or Column.Total or Column.Requested;

    public static string Canonical(Column c) => Table.First(t => t.Column == c).Canonical;

    public static string Accepted(Column c)
    {
        var t = Table.First(x => x.Column == c);
        return $"{t.Canonical} ({string.Join(", ", t.Aliases)})";
    }

    /// <summary>Reads a header cell: its column and any unit in parentheses, <c>국비(백만원)</c> or <c>national (million won)</c>.</summary>
    public static bool TryParseHeader(string header, out Column column, out AmountUnit? unit, out bool badUnit)
    {
        unit = null;
        badUnit = false;
        var name = header;
        var open = header.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            open = header.IndexOf('[', StringComparison.Ordinal);
        }
        if (open > 0 && (header.EndsWith(')') || header.EndsWith(']')))
        {
            name = header[..open];
            var inner = header[(open + 1)..^1];
            if (TryParseUnit(inner, out var u))
            {
                unit = u;
            }
            else
            {
                badUnit = true;
            }
        }
        return ByKey.TryGetValue(Normalize(name), out column);
    }

    /// <summary>A unit as budgets write it: 원, 천원, 백만원, 억원 (or 억), and won, thousand won, million won, eok.</summary>
    public static bool TryParseUnit(string text, out AmountUnit unit)
    {
        var key = Normalize(text.Replace("단위", "", StringComparison.Ordinal).Replace("unit", "", StringComparison.OrdinalIgnoreCase).Trim(' ', ':', '：'));
        (bool, AmountUnit) result = key switch
        {
            "원" or "won" or "krw" => (true, AmountUnit.Won),
            "천원" or "thousandwon" or "thousand" or "thousandkrw" => (true, AmountUnit.Thousand),
            "백만원" or "millionwon" or "million" or "millionkrw" => (true, AmountUnit.Million),
            "억원" or "억" or "eok" or "eokwon" or "hundredmillionwon" or "100millionwon" => (true, AmountUnit.Eok),
            _ => (false, AmountUnit.Won),
        };
        (var ok, unit) = result;
        return ok;
    }

    /// <summary>A line before the header that only names the unit: <c>(단위: 백만원)</c>, <c>(unit: thousand won)</c>.</summary>
    public static bool TryParseUnitLine(string line, out AmountUnit unit)
    {
        unit = AmountUnit.Won;
        var s = line.Trim().TrimEnd(',', ';', '\t', ' ').Trim('"').Trim();
        if (!s.StartsWith('(') || !s.EndsWith(')'))
        {
            return false;
        }
        var inner = s[1..^1];
        var colon = inner.IndexOfAny([':', '：']);
        if (colon < 0)
        {
            return false;
        }
        var label = Normalize(inner[..colon]);
        return label is "단위" or "unit" or "units" && TryParseUnit(inner[(colon + 1)..], out unit);
    }

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
