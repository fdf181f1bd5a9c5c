using NodaTime;

namespace FundingMatch.Rules;

/// <summary>One parameter of a program: its value, the date the value takes effect, and where it is stated.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Effective">The date the value takes effect.</param>
/// <param name="Citation">Where the value is stated.</param>
public sealed record RuleParameter<T>(T Value, LocalDate Effective, Citation Citation);
