using System.Globalization;
using FundingMatch.Allocation;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Scenarios;

/// <summary>
/// A what-if: a named patch of program parameters applied to a base program version. A parameter left null keeps
/// the base value.
/// </summary>
public sealed record Scenario
{
    /// <summary>The keys a scenario can change, as <c>--vary</c> and scenario files write them.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        ParameterKeys.PerSiteCap, ParameterKeys.NationalShareMax, ParameterKeys.LocalShareMin, ParameterKeys.Envelope,
        ParameterKeys.SitesInRound, "method", "award-unit",
    ];

    /// <summary>The scenario's name, e.g. <c>per-site-cap=30억원, national-share-max=60%</c>.</summary>
    public required string Name { get; init; }

    /// <summary>1곳당 국비 상한.</summary>
    public Won? PerSiteCap { get; init; }

    /// <summary>국비 비율 상한.</summary>
    public Share? NationalShareMax { get; init; }

    /// <summary>지방비 비율 하한.</summary>
    public Share? LocalShareMin { get; init; }

    /// <summary>국비 총액.</summary>
    public Won? Envelope { get; init; }

    /// <summary>선정 지자체 수.</summary>
    public int? SitesInRound { get; init; }

    /// <summary>The allocation method.</summary>
    public AllocationMethod? Method { get; init; }

    /// <summary>The award unit.</summary>
    public Won? AwardUnit { get; init; }

    /// <summary>The base rules with this scenario's values, each citing the scenario instead of the program's source.</summary>
    public ProgramRules Apply(ProgramRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        RuleParameter<T> P<T>(T value, string key) =>
            new(value, rules.Effective, new Citation($"what-if scenario '{Name}'", $"{key} changed from the base program {rules.ProgramId} {rules.Version}"));
        return rules with
        {
            PerSiteCap = PerSiteCap is { } cap ? P(cap, ParameterKeys.PerSiteCap) : rules.PerSiteCap,
            NationalShareMax = NationalShareMax is { } share ? P(share, ParameterKeys.NationalShareMax) : rules.NationalShareMax,
            LocalShareMin = LocalShareMin is { } local ? P(local, ParameterKeys.LocalShareMin) : rules.LocalShareMin,
            Envelope = Envelope is { } envelope ? P(envelope, ParameterKeys.Envelope) : rules.Envelope,
            SitesInRound = SitesInRound is { } sites ? P(sites, ParameterKeys.SitesInRound) : rules.SitesInRound,
        };
    }

    /// <summary>
    /// This scenario with <paramref name="key"/> set from <paramref name="text"/> (an amount such as <c>30억</c>, a share
    /// such as <c>60%</c>, a count, or a method name).
    /// </summary>
    /// <exception cref="FormatException">The key is unknown or the value does not fit it; the message says what was expected.</exception>
    public Scenario With(string key, string text)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(text);
        return key switch
        {
            ParameterKeys.PerSiteCap => this with { PerSiteCap = ScenarioValues.Amount(key, text) },
            ParameterKeys.Envelope => this with { Envelope = ScenarioValues.Amount(key, text) },
            "award-unit" => this with { AwardUnit = ScenarioValues.Amount(key, text, minimum: 1) },
            ParameterKeys.NationalShareMax => this with { NationalShareMax = ScenarioValues.Percent(key, text) },
            ParameterKeys.LocalShareMin => this with { LocalShareMin = ScenarioValues.Percent(key, text) },
            ParameterKeys.SitesInRound => this with { SitesInRound = ScenarioValues.Count(key, text) },
            "method" => this with { Method = ScenarioValues.Method(text) },
            _ => throw new FormatException($"'{key}' is not a scenario parameter: expected one of {string.Join(", ", Keys)}."),
        };
    }
}

/// <summary>Reading scenario values, with messages that say what was expected.</summary>
internal static class ScenarioValues
{
    public static Won Amount(string key, string text, long minimum = 0)
    {
        if (!Won.TryParse(text.AsSpan(), AmountUnit.Won, out var amount, out var error))
        {
            throw new FormatException($"{key}: {AmountParseErrors.Describe(error, text)}");
        }
        if (amount.Value < minimum)
        {
            throw new FormatException($"{key}: {amount} is below {minimum.ToString("#,0", CultureInfo.InvariantCulture)} won.");
        }
        return amount;
    }

    public static Share Percent(string key, string text)
    {
        if (!Share.TryParse(text, out var share) || share > Share.Whole)
        {
            throw new FormatException($"{key}: '{text}' is not a share from 0% to 100%, such as 50% or 12.5%.");
        }
        return share;
    }

    public static int Count(string key, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new FormatException($"{key}: '{text}' is not a whole number of 1 or more.");

    public static AllocationMethod Method(string text) =>
        AllocationNames.TryParseMethod(text, out var method)
            ? method
            : throw new FormatException($"method: '{text}' is not a method: expected equal, proportional or ranked.");
}
