namespace FundingMatch.Text;

/// <summary>Checks on the names rules files use.</summary>
internal static class Names
{
    /// <summary>Lower-case ASCII letters, digits and inner hyphens: <c>sogongin-center-2020</c>, <c>per-site-cap</c>.</summary>
    public static bool IsKebab(string? id) =>
        !string.IsNullOrEmpty(id) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && id[0] != '-' && id[^1] != '-';
}
