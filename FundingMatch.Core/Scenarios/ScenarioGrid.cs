using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;

namespace FundingMatch.Scenarios;

/// <summary>One parameter's values in a sweep: <c>per-site-cap=20억..30억:1억</c>, <c>national-share-max=40%..60%:5%</c>.</summary>
/// <param name="Key">The parameter.</param>
/// <param name="Values">Its values, as text each scenario is built from, in order from FROM to TO.</param>
public sealed record ParameterRange(string Key, IReadOnlyList<string> Values);

/// <summary>A grid of scenarios: every combination of the values of several ranges.</summary>
public static class ScenarioGrid
{
    /// <summary>The most scenarios a grid may have.</summary>
    public const int MaxScenarios = 100_000;

    /// <summary>
    /// Reads <c>NAME=FROM..TO:STEP</c> (FROM and TO included; TO need not be FROM plus a whole number of steps),
    /// or <c>NAME=VALUE</c> for a single value. Amounts take any form the core parses; shares are percentages.
    /// </summary>
    /// <param name="text">The range.</param>
    /// <param name="rules">The program whose constraints may be varied, by key.</param>
    /// <exception cref="FormatException">The text is not a range; the message says what was expected.</exception>
    public static ParameterRange ParseRange(string text, ProgramRules rules)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rules);
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new FormatException($"'{text}' is not a range: expected NAME=FROM..TO:STEP, such as per-site-cap=20억..30억:5억.");
        }
        var key = text[..eq].Trim();
        var spec = text[(eq + 1)..].Trim();
        var probe = new Scenario { Name = "" };
        var dots = spec.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            probe.With(key, spec, rules); // validates
            return new ParameterRange(key, [spec]);
        }
        var colon = spec.IndexOf(':', dots);
        if (colon < 0)
        {
            throw new FormatException($"'{text}' has no step: expected NAME=FROM..TO:STEP, such as {key}={Example(Kind(key, rules))}.");
        }
        var from = spec[..dots].Trim();
        var to = spec[(dots + 2)..colon].Trim();
        var step = spec[(colon + 1)..].Trim();
        var values = Kind(key, rules) switch
        {
            ConstraintValueKind.Share => ShareSteps(key, from, to, step),
            ConstraintValueKind.Amount => AmountSteps(key, from, to, step),
            ConstraintValueKind.Count => CountSteps(key, from, to, step),
            _ => throw new FormatException($"'{key}' cannot be swept over a range: expected a constraint whose value is a share, an amount or a count ({string.Join(", ", rules.Constraints.Where(c => c.ValueKind is ConstraintValueKind.Share or ConstraintValueKind.Amount or ConstraintValueKind.Count).Select(c => c.Key))}) or award-unit; method and other values take one value."),
        };
        foreach (var v in values)
        {
            probe.With(key, v, rules);
        }
        return new ParameterRange(key, values);
    }

    /// <summary>Every combination of the ranges' values, the first range varying slowest, each scenario named by its values.</summary>
    /// <exception cref="ArgumentException">A key is given twice, or the grid has more than <see cref="MaxScenarios"/> scenarios.</exception>
    public static IReadOnlyList<Scenario> Expand(IReadOnlyList<ParameterRange> ranges, ProgramRules rules, Scenario? common = null)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        ArgumentNullException.ThrowIfNull(rules);
        var duplicate = ranges.GroupBy(r => r.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"{duplicate.Key} is varied twice.", nameof(ranges));
        }
        long count = 1;
        foreach (var r in ranges)
        {
            count *= r.Values.Count;
            if (count > MaxScenarios)
            {
                throw new ArgumentException($"The grid has more than {MaxScenarios.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)} scenarios; use larger steps.", nameof(ranges));
            }
        }
        var result = new List<Scenario> { common ?? new Scenario { Name = "" } };
        foreach (var range in ranges)
        {
            var next = new List<Scenario>(result.Count * range.Values.Count);
            foreach (var s in result)
            {
                foreach (var value in range.Values)
                {
                    next.Add(s.With(range.Key, value, rules) with { Name = s.Name.Length == 0 ? $"{range.Key}={value}" : $"{s.Name}, {range.Key}={value}" });
                }
            }
            result = next;
        }
        return result;
    }

    private static ConstraintValueKind? Kind(string key, ProgramRules rules) =>
        key == "award-unit" ? ConstraintValueKind.Amount : rules.Find(key)?.ValueKind;

    private static string Example(ConstraintValueKind? kind) => kind switch
    {
        ConstraintValueKind.Share => "40%..60%:5%",
        ConstraintValueKind.Count => "3..6:1",
        _ => "20억..30억:5억",
    };

    private static List<string> AmountSteps(string key, string from, string to, string step)
    {
        var a = Amount(key, from);
        var b = Amount(key, to);
        var s = Amount(key + " step", step, minimum: 1);
        Check(key, a <= b);
        var values = new List<string>();
        for (var v = a; v <= b; v += s)
        {
            Limit(values.Count);
            values.Add(v.ToString("K", null));
            if (b.Value - v.Value < s.Value)
            {
                break;
            }
        }
        return values;
    }

    private static List<string> ShareSteps(string key, string from, string to, string step)
    {
        var a = Percent(key, from);
        var b = Percent(key, to);
        var s = Percent(key + " step", step);
        Check(key, a <= b && s > Share.Zero);
        // value_k = a + k × s, exactly, over a common denominator.
        var den = checked(a.Denominator * s.Denominator);
        var values = new List<string>();
        for (long k = 0; ; k++)
        {
            var num = checked((a.Numerator * s.Denominator) + (k * s.Numerator * a.Denominator));
            var v = new Share(num, den);
            if (v > b)
            {
                break;
            }
            Limit(values.Count);
            values.Add(v.ToPercentString(6));
        }
        return values;
    }

    private static List<string> CountSteps(string key, string from, string to, string step)
    {
        var a = Count(key, from);
        var b = Count(key, to);
        var s = Count(key + " step", step);
        Check(key, a <= b);
        var values = new List<string>();
        for (long v = a; v <= b; v += s)
        {
            Limit(values.Count);
            values.Add(v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return values;
    }

    private static Won Amount(string key, string text, long minimum = 0) => Prefixed(key, () => ConstraintValues.Amount(text, minimum));

    private static Share Percent(string key, string text) => Prefixed(key, () => ConstraintValues.Share(text));

    private static int Count(string key, string text) => Prefixed(key, () => ConstraintValues.Count(text));

    private static T Prefixed<T>(string key, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FormatException e)
        {
            throw new FormatException($"{key}: {e.Message}", e);
        }
    }

    private static void Check(string key, bool ok)
    {
        if (!ok)
        {
            throw new FormatException($"{key}: FROM must not be above TO, and the step must be positive.");
        }
    }

    private static void Limit(int count)
    {
        if (count >= MaxScenarios)
        {
            throw new FormatException($"A range has more than {MaxScenarios.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)} values; use a larger step.");
        }
    }
}
