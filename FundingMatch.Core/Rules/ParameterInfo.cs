using FundingMatch.Text;
using NodaTime;

namespace FundingMatch.Rules;

/// <summary>One program-wide parameter of a version, written for people (<c>fundingmatch rules show</c>).</summary>
/// <param name="Key">The key a rules file uses, e.g. <c>rounding</c>.</param>
/// <param name="Name">The parameter's name in Korean and English.</param>
/// <param name="Value">The value, written invariantly.</param>
/// <param name="Effective">The date the value takes effect.</param>
/// <param name="Citation">Where the value is stated.</param>
public sealed record ParameterInfo(string Key, LocalizedText Name, string Value, LocalDate Effective, Citation Citation);
