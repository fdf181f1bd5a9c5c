using FundingMatch.Validation;
using NodaTime;

namespace FundingMatch.Rules.Constraints;

/// <summary>What every constraint has, whatever its kind: a stable key, a finding code, a severity, an effective date and a citation.</summary>
/// <param name="Key">The stable key, kebab-case (<c>per-site-cap</c>): findings name it, and what-ifs vary the constraint by it.</param>
/// <param name="Code">The code of the finding it gives when broken (<c>site-cap-exceeded</c>): part of the public contract.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Effective">The date the constraint's value takes effect.</param>
/// <param name="Citation">Where it is stated.</param>
/// <param name="Reading">How FundingMatch reads the source where the text leaves room, and the evidence; null when the text is plain.</param>
/// <param name="PerYear">
/// True when the constraint holds in every fiscal year as well as for the whole project (<c>"per-year": true</c>;
/// 시행령 §4② defines the subsidy rate per fiscal year): a budget split by year is also judged year by year.
/// </param>
public sealed record ConstraintHeader(string Key, string Code, Severity Severity, LocalDate Effective, Citation Citation, string? Reading = null, bool PerYear = false)
{
    /// <summary>The same header citing a what-if scenario instead of the program's source.</summary>
    public ConstraintHeader ForScenario(string scenario, string programId, string version) => this with
    {
        Citation = new Citation($"what-if scenario '{scenario}'", $"{Key} changed from the base program {programId} {version}"),
    };
}
