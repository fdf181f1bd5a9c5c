using System.Globalization;
using FundingMatch.Money;
using FundingMatch.Text;
using NodaTime;
using NodaTime.Text;

namespace FundingMatch.Rules;

/// <summary>
/// One version of a co-funding program's rules: every parameter with its value, effective date and citation.
/// Immutable; a what-if scenario is a copy made with <c>with</c>.
/// </summary>
public sealed record ProgramRules
{
    private readonly RuleParameter<Share> _nationalShareMax = null!;
    private readonly RuleParameter<Share> _localShareMin = null!;
    private readonly RuleParameter<Won>? _perSiteCap;
    private readonly RuleParameter<Won>? _envelope;
    private readonly RuleParameter<int>? _sitesInRound;
    private readonly RuleParameter<decimal>? _floorAreaGuideM2;
    private readonly RuleParameter<FundingSource> _localSources = null!;

    /// <summary>The program's id, e.g. <c>sogongin-center-2020</c>.</summary>
    public required string ProgramId { get; init; }

    /// <summary>The program's name in Korean and English.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>The version's name, e.g. <c>2020-06-09</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The date from which this version is in force.</summary>
    public required LocalDate Effective { get; init; }

    /// <summary>국비 비율 상한: national money is at most this share of a site's total project cost.</summary>
    public required RuleParameter<Share> NationalShareMax
    {
        get => _nationalShareMax;
        init => _nationalShareMax = CheckShare(value, nameof(NationalShareMax));
    }

    /// <summary>지방비 비율 하한: the counted local sources are at least this share of a site's total project cost.</summary>
    public required RuleParameter<Share> LocalShareMin
    {
        get => _localShareMin;
        init => _localShareMin = CheckShare(value, nameof(LocalShareMin));
    }

    /// <summary>Which sources count toward the local share (default: provincial and municipal).</summary>
    public required RuleParameter<FundingSource> LocalSources
    {
        get => _localSources;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Value == FundingSource.None || value.Value.HasFlag(FundingSource.National)
                || (value.Value & ~(FundingSource.Provincial | FundingSource.Municipal | FundingSource.Private)) != 0)
            {
                throw new ArgumentException("The local share counts provincial, municipal and/or private money, and at least one of them.", nameof(LocalSources));
            }
            _localSources = value;
        }
    }

    /// <summary>1곳당 국비 상한: the most national money one site may get; null when the program sets no cap.</summary>
    public RuleParameter<Won>? PerSiteCap
    {
        get => _perSiteCap;
        init => _perSiteCap = CheckNonNegative(value, nameof(PerSiteCap));
    }

    /// <summary>국비 총액: the national money of the whole round; null when not set.</summary>
    public RuleParameter<Won>? Envelope
    {
        get => _envelope;
        init => _envelope = CheckNonNegative(value, nameof(Envelope));
    }

    /// <summary>선정 지자체 수: how many sites the round selects; null when not set.</summary>
    public RuleParameter<int>? SitesInRound
    {
        get => _sitesInRound;
        init
        {
            if (value is not null && value.Value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(SitesInRound), value.Value, "A round selects at least one site.");
            }
            _sitesInRound = value;
        }
    }

    /// <summary>구축 기한: the last day a center may be completed; null when not set.</summary>
    public RuleParameter<LocalDate>? CompletionDeadline { get; init; }

    /// <summary>구축 규모 기준: the guide floor area in m²; a smaller building is a warning, not an error. Null when not set.</summary>
    public RuleParameter<decimal>? FloorAreaGuideM2
    {
        get => _floorAreaGuideM2;
        init
        {
            if (value is not null && value.Value <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(FloorAreaGuideM2), value.Value, "A floor-area guide is positive.");
            }
            _floorAreaGuideM2 = value;
        }
    }

    /// <summary>The rounding applied to computed limits (default: down to 1,000 won, 천원 미만 절사).</summary>
    public required RuleParameter<RoundingPolicy> Rounding { get; init; }

    /// <summary>총 사업비: the round's published total project cost, for reference; null when not published.</summary>
    public RuleParameter<Won>? RoundTotalCost
    {
        get => _roundTotalCost;
        init => _roundTotalCost = CheckNonNegative(value, nameof(RoundTotalCost));
    }

    private readonly RuleParameter<Won>? _roundTotalCost;

    /// <summary>Every parameter that is set, in a fixed order, with its value written for people.</summary>
    public IReadOnlyList<ParameterInfo> Parameters
    {
        get
        {
            var list = new List<ParameterInfo>
            {
                Info(ParameterKeys.NationalShareMax, "국비 비율 상한", "national share max", NationalShareMax, v => v.ToPercentString(6)),
                Info(ParameterKeys.LocalShareMin, "지방비 비율 하한", "local share min", LocalShareMin, v => v.ToPercentString(6)),
                Info(ParameterKeys.LocalSources, "지방비 인정 재원", "sources counted as local", LocalSources, v => FundingSources.Describe(v, ", ")),
            };
            AddIf(list, ParameterKeys.PerSiteCap, "1곳당 국비 상한", "per-site national cap", PerSiteCap, FormatWon);
            AddIf(list, ParameterKeys.Envelope, "국비 총액", "national envelope", Envelope, FormatWon);
            AddIf(list, ParameterKeys.SitesInRound, "선정 지자체 수", "sites in the round", SitesInRound, v => v.ToString(CultureInfo.InvariantCulture));
            AddIf(list, ParameterKeys.CompletionDeadline, "구축 기한", "completion deadline", CompletionDeadline, v => LocalDatePattern.Iso.Format(v));
            AddIf(list, ParameterKeys.FloorAreaGuideM2, "구축 규모 기준(m²)", "floor-area guide (m²)", FloorAreaGuideM2, v => v.ToString("#,0.##", CultureInfo.InvariantCulture));
            list.Add(Info(ParameterKeys.Rounding, "끝수 처리", "rounding", Rounding, v => v.Describe()));
            AddIf(list, ParameterKeys.RoundTotalCost, "총 사업비(공고)", "published total project cost", RoundTotalCost, FormatWon);
            return list;
        }
    }

    private static string FormatWon(Won w) => $"{w} ({w.ToString("K", null)})";

    private static ParameterInfo Info<T>(string key, string ko, string en, RuleParameter<T> p, Func<T, string> format) =>
        new(key, new LocalizedText(ko, en), format(p.Value), p.Effective, p.Citation);

    private static void AddIf<T>(List<ParameterInfo> list, string key, string ko, string en, RuleParameter<T>? p, Func<T, string> format)
    {
        if (p is not null)
        {
            list.Add(Info(key, ko, en, p, format));
        }
    }

    private static RuleParameter<Share> CheckShare(RuleParameter<Share> value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Value < Share.Zero || value.Value > Share.Whole)
        {
            throw new ArgumentOutOfRangeException(name, value.Value, "A share is between 0% and 100%.");
        }
        return value;
    }

    private static RuleParameter<Won>? CheckNonNegative(RuleParameter<Won>? value, string name)
    {
        if (value is not null && value.Value.IsNegative)
        {
            throw new ArgumentOutOfRangeException(name, value.Value, "An amount in the rules is not negative.");
        }
        return value;
    }
}

/// <summary>One parameter of a program version, written for people (<c>fundingmatch rules show</c>).</summary>
/// <param name="Key">The key a rules file uses, e.g. <c>per-site-cap</c>.</param>
/// <param name="Name">The parameter's name in Korean and English.</param>
/// <param name="Value">The value, written invariantly.</param>
/// <param name="Effective">The date the value takes effect.</param>
/// <param name="Citation">Where the value is stated.</param>
public sealed record ParameterInfo(string Key, LocalizedText Name, string Value, LocalDate Effective, Citation Citation);

/// <summary>The keys of the parameters in a rules file (and in what-if scenarios).</summary>
public static class ParameterKeys
{
    /// <summary><c>national-share-max</c>.</summary>
    public const string NationalShareMax = "national-share-max";

    /// <summary><c>local-share-min</c>.</summary>
    public const string LocalShareMin = "local-share-min";

    /// <summary><c>local-sources</c>.</summary>
    public const string LocalSources = "local-sources";

    /// <summary><c>per-site-cap</c>.</summary>
    public const string PerSiteCap = "per-site-cap";

    /// <summary><c>envelope</c>.</summary>
    public const string Envelope = "envelope";

    /// <summary><c>sites-in-round</c>.</summary>
    public const string SitesInRound = "sites-in-round";

    /// <summary><c>completion-deadline</c>.</summary>
    public const string CompletionDeadline = "completion-deadline";

    /// <summary><c>floor-area-guide-m2</c>.</summary>
    public const string FloorAreaGuideM2 = "floor-area-guide-m2";

    /// <summary><c>rounding</c>.</summary>
    public const string Rounding = "rounding";

    /// <summary><c>round-total-cost</c>.</summary>
    public const string RoundTotalCost = "round-total-cost";
}
