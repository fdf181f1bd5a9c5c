using FundingMatch.Allocation;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;

namespace FundingMatch.Scenarios;

/// <summary>One value a what-if sets: a constraint's key and its new value as text (<c>per-site-cap</c> = <c>30억</c>).</summary>
/// <param name="Key">The constraint's key.</param>
/// <param name="Value">The value, in any form the constraint's kind reads.</param>
public sealed record ScenarioChange(string Key, string Value);

/// <summary>
/// A what-if: a named set of new values for a program's constraints, by key, and optionally the allocation method
/// and award unit. A constraint not named keeps the base value.
/// </summary>
public sealed record Scenario
{
    /// <summary>The keys that are not constraints: <c>method</c> and <c>award-unit</c>.</summary>
    public static IReadOnlyList<string> AllocationKeys { get; } = ["method", "award-unit"];

    /// <summary>The scenario's name, e.g. <c>per-site-cap=30억원, national-share-max=60%</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The constraints it changes, in the order given.</summary>
    public IReadOnlyList<ScenarioChange> Changes { get; init; } = [];

    /// <summary>The allocation method.</summary>
    public AllocationMethod? Method { get; init; }

    /// <summary>The award unit.</summary>
    public Won? AwardUnit { get; init; }

    /// <summary>The base rules with this scenario's values, each changed constraint citing the scenario instead of the program's source.</summary>
    /// <exception cref="FormatException">A key is not a constraint of <paramref name="rules"/>, or a value does not fit it.</exception>
    public ProgramRules Apply(ProgramRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var change in Changes)
        {
            rules = rules.WithValue(change.Key, change.Value, Name);
        }
        return rules;
    }

    /// <summary>
    /// This scenario with <paramref name="key"/> set from <paramref name="text"/>: a constraint of
    /// <paramref name="rules"/> (a share such as <c>60%</c>, an amount such as <c>30억</c>, a count, a date), or
    /// <c>method</c> or <c>award-unit</c>.
    /// </summary>
    /// <exception cref="FormatException">The key is unknown or the value does not fit it; the message says what was expected.</exception>
    public Scenario With(string key, string text, ProgramRules rules)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(rules);
        switch (key)
        {
            case "award-unit":
                try
                {
                    return this with { AwardUnit = ConstraintValues.Amount(text, minimum: 1) };
                }
                catch (FormatException e)
                {
                    throw new FormatException($"award-unit: {e.Message}", e);
                }
            case "method":
                return AllocationNames.TryParseMethod(text, out var method)
                    ? this with { Method = method }
                    : throw new FormatException($"method: '{text}' is not a method: expected equal, proportional or ranked.");
        }
        if (rules.Find(key) is null)
        {
            throw new FormatException($"'{key}' is not a scenario parameter: expected a constraint of {rules.ProgramId} ({string.Join(", ", rules.Constraints.Select(c => c.Key))}), method or award-unit.");
        }
        rules.WithValue(key, text, Name); // validates the value
        return this with { Changes = [.. Changes.Where(c => c.Key != key), new ScenarioChange(key, text)] };
    }
}
