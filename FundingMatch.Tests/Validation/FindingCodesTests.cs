using FundingMatch.Rules;
using FundingMatch.Validation;

namespace FundingMatch.Tests.Validation;

/// <summary>Finding codes are a public contract (CI jobs match on them): this pins every one with its severity.</summary>
public class FindingCodesTests
{
    [Fact]
    public void BuiltInCodes_ArePinned() =>
        FindingCodes.BuiltIn.ShouldBe([
            ("total-mismatch", Severity.Error),
            ("local-mismatch", Severity.Error),
            ("duplicate-site", Severity.Error),
            ("no-national-funds", Severity.Warning),
            ("negative-amount", Severity.Error),
            ("overrun", Severity.Warning),
            ("spent-over-confirmed", Severity.Warning),
            ("stated-total-mismatch", Severity.Error),
        ]);

    [Fact]
    public void EmbeddedProgramCodes_ArePinned() =>
        ProgramCatalog.Embedded.Programs
            .SelectMany(p => p.Versions.SelectMany(v => v.Constraints.Select(c => $"{p.Id}: {c.Code} {(c.Severity == Severity.Error ? "error" : "warning")}")))
            .ShouldBe([
                "sogongin-center-2020: site-cap-exceeded error",
                "sogongin-center-2020: national-share-exceeded error",
                "sogongin-center-2020: local-share-short error",
                "sogongin-center-2020: envelope-exceeded error",
                "sogongin-center-2020: too-many-sites error",
                "sogongin-center-2020: deadline-missed error",
                "sogongin-center-2020: floor-area-below-guide warning",
                "sogongin-center-2020-strict: site-cap-exceeded error",
                "sogongin-center-2020-strict: national-share-exceeded error",
                "sogongin-center-2020-strict: local-share-short error",
                "sogongin-center-2020-strict: envelope-exceeded error",
                "sogongin-center-2020-strict: too-many-sites error",
                "sogongin-center-2020-strict: deadline-missed error",
                "sogongin-center-2020-strict: floor-area-below-guide warning",
                "sogongin-smart-manufacturing-2025: site-cap-exceeded error",
                "sogongin-smart-manufacturing-2025: total-cap-exceeded error",
                "sogongin-smart-manufacturing-2025: national-share-exceeded error",
                "sogongin-smart-manufacturing-2025: private-share-short error",
                "sogongin-smart-manufacturing-2025: in-kind-exceeded error",
            ]);
}
