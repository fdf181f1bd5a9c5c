namespace FundingMatch.Rules;

/// <summary>Where a rule comes from: a document and the section of it that states the rule.</summary>
/// <param name="Document">The source document, e.g. the press release of 2020-06-09.</param>
/// <param name="Section">The section within it, e.g. <c>참고 □사업개요 (지원방식)</c>.</param>
public sealed record Citation(string Document, string Section)
{
    /// <summary>"section, document".</summary>
    public override string ToString() => $"{Section}, {Document}";
}
