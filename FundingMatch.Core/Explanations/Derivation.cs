using System.Text;
using FundingMatch.Rules;
using FundingMatch.Text;

namespace FundingMatch.Explanations;

/// <summary>
/// How a figure was derived: its value, the formula, the rule and citation it rests on, the rounding applied,
/// and the derivations of its inputs. A tree that a renderer prints as text or serialises.
/// </summary>
public sealed record Derivation
{
    /// <summary>A stable name for the figure, e.g. <c>maxNational</c>.</summary>
    public required string Figure { get; init; }

    /// <summary>What the figure is, in Korean and English.</summary>
    public required LocalizedText Label { get; init; }

    /// <summary>The value, written invariantly (amounts with thousands separators).</summary>
    public required string Value { get; init; }

    /// <summary>The value in won, when the figure is an amount.</summary>
    public long? Won { get; init; }

    /// <summary>The formula with its inputs' values, e.g. <c>min(2,500,000,000, 5,750,000,000)</c>; null for a given input.</summary>
    public string? Formula { get; init; }

    /// <summary>The rules-file key of the parameter the figure comes from, if any.</summary>
    public string? Rule { get; init; }

    /// <summary>Where that rule is stated.</summary>
    public Citation? Citation { get; init; }

    /// <summary>The rounding applied, in Korean and English ("1,000원 미만 절사", "down to 1,000 won"); null when none was needed.</summary>
    public LocalizedText? Rounding { get; init; }

    /// <summary>A remark in Korean and English, e.g. which limit binds.</summary>
    public LocalizedText? Note { get; init; }

    /// <summary>The derivations of the inputs.</summary>
    public IReadOnlyList<Derivation> Inputs { get; init; } = [];

    /// <summary>The tree as indented text, one figure a line, in <paramref name="language"/>.</summary>
    public string ToText(Language language = Language.English)
    {
        var sb = new StringBuilder();
        Append(sb, this, 0, language);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, Derivation d, int depth, Language language)
    {
        sb.Append(' ', depth * 2).Append(d.Label.In(language)).Append(" = ");
        if (d.Formula is not null)
        {
            sb.Append(d.Formula).Append(" = ");
        }
        sb.Append(d.Value);
        if (d.Rounding is not null)
        {
            sb.Append(language == Language.Korean ? " (끝수 처리: " : " (rounded ").Append(d.Rounding.In(language)).Append(')');
        }
        if (d.Rule is not null)
        {
            sb.Append(" [").Append(d.Rule);
            if (d.Citation is not null)
            {
                sb.Append(": ").Append(d.Citation.Section);
            }
            sb.Append(']');
        }
        else if (d.Citation is not null)
        {
            // A figure no rule of the program sets (a statute's, say) still names where it comes from.
            sb.Append(" [").Append(d.Citation.Document).Append(' ').Append(d.Citation.Section).Append(']');
        }
        if (d.Note is not null)
        {
            sb.Append("; ").Append(d.Note.In(language));
        }
        sb.Append('\n');
        foreach (var input in d.Inputs)
        {
            Append(sb, input, depth + 1, language);
        }
    }
}
