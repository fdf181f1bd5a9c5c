using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;
using FundingMatch.Validation;
using NodaTime;

namespace FundingMatch.Tests.Rules;

public class RulesFileTests
{
    private const string ShareMax = """
        { "key": "national-share-max", "kind": "share-bound", "code": "national-share-exceeded", "severity": "error",
          "sum": ["national"], "bound": "at-most", "value": "60%", "effective": "2024-01-01", "section": "§1" }
        """;

    // Line 14 is the first constraint's line; extra constraints follow it.
    private static string Valid(string constraints = "", string versionExtra = "", string rootExtra = "", string parameters = "") => $$"""
        {
          "id": "test-program",
          "title": { "ko": "시험", "en": "Test" },{{rootExtra}}
          "versions": [
            {
              "version": "v1",
              "effective": "2024-01-01",
              "document": "Doc",{{versionExtra}}
              "parameters": {
                "rounding": { "value": { "unit": 1000, "direction": "down" }, "effective": "2024-01-01", "section": "§4" }{{(parameters.Length > 0 ? ",\n" + parameters : "")}}
              },
              "constraints": [
        {{ShareMax}}{{(constraints.Length > 0 ? ",\n" + constraints : "")}}
              ]
            }
          ]
        }
        """;

    private static RulesFileError SingleError(string json)
    {
        var e = Should.Throw<RulesFileException>(() => RulesFile.Parse(json, "rules.json"));
        e.Errors.Count.ShouldBe(1, string.Join("\n", e.Errors));
        return e.Errors[0];
    }

    [Fact]
    public void Parse_ValidFile_ReadsEveryConstraintWithItsCitation()
    {
        var program = RulesFile.Parse(Valid("""
            { "key": "per-site-cap", "kind": "amount-cap", "code": "site-cap-exceeded", "severity": "error",
              "sum": ["national"], "value": "30억원", "effective": "2024-01-01", "section": "§2", "document": "Other doc", "reading": "why" }
            """), "rules.json");
        var rules = program.Latest;
        rules.Constraints.Select(c => c.Key).ShouldBe(["national-share-max", "per-site-cap"]);
        var share = rules.Find("national-share-max").ShouldBeOfType<ShareBound>();
        share.Share.ShouldBe(Share.Percent(60));
        share.Sum.ShouldBe(MoneySelector.National);
        share.Base.ShouldBe(MoneySelector.All);
        share.Direction.ShouldBe(BoundDirection.AtMost);
        share.Citation.ShouldBe(new Citation("Doc", "§1"));
        var cap = rules.Find("per-site-cap").ShouldBeOfType<AmountCap>();
        cap.Amount.ShouldBe(new Won(3_000_000_000));
        cap.Citation.ShouldBe(new Citation("Other doc", "§2"));
        cap.Header.Reading.ShouldBe("why");
        cap.Severity.ShouldBe(Severity.Error);
        cap.Effective.ShouldBe(new LocalDate(2024, 1, 1));
        rules.Rounding.Value.ShouldBe(RoundingPolicy.DownToThousand);
        rules.NationalEnvelope.ShouldBeNull();
    }

    [Fact]
    public void Parse_EveryKind_ReadsItsOwnKeys()
    {
        var rules = RulesFile.Parse(Valid("""
            { "key": "in-kind-max", "kind": "share-bound", "code": "in-kind-exceeded", "severity": "warning",
              "sum": ["private:in-kind"], "bound": "at-most", "of": ["private"], "value": "50%", "effective": "2024-01-01", "section": "§5" },
            { "key": "envelope", "kind": "envelope", "code": "envelope-exceeded", "severity": "error",
              "sum": ["national"], "value": 7500000000, "effective": "2024-01-01", "section": "§6" },
            { "key": "sites", "kind": "site-count", "code": "too-many-sites", "severity": "error", "value": 3, "effective": "2024-01-01", "section": "§6" },
            { "key": "deadline", "kind": "completion-deadline", "code": "deadline-missed", "severity": "error", "value": "2021-12-31", "effective": "2024-01-01", "section": "§7" },
            { "key": "area", "kind": "floor-area-guide", "code": "floor-area-below-guide", "severity": "warning", "value": 1000, "effective": "2024-01-01", "section": "§8" }
            """), "r.json").Latest;
        var inKind = rules.Find("in-kind-max").ShouldBeOfType<ShareBound>();
        inKind.Sum.ShouldBe(MoneySelector.Of(FundingSource.Private, FundingKind.InKind));
        inKind.Base.ShouldBe(MoneySelector.Of(FundingSource.Private));
        inKind.Severity.ShouldBe(Severity.Warning);
        rules.NationalEnvelope!.Amount.ShouldBe(new Won(7_500_000_000));
        rules.Find("sites").ShouldBeOfType<SiteCountBound>().MaxSites.ShouldBe(3);
        rules.Find("deadline").ShouldBeOfType<CompletionDeadline>().Deadline.ShouldBe(new LocalDate(2021, 12, 31));
        rules.Find("area").ShouldBeOfType<FloorAreaGuide>().MinimumM2.ShouldBe(1000m);
        rules.SiteConstraints.Select(c => c.Key).ShouldBe(["national-share-max", "in-kind-max", "deadline", "area"]);
        rules.ProgramConstraints.Select(c => c.Key).ShouldBe(["envelope", "sites"]);
    }

    [Fact]
    public void Parse_TypoInKey_NamesKeyFileLineAndSuggestion()
    {
        var e = Should.Throw<RulesFileException>(() => RulesFile.Parse(Valid("""
            { "key": "cap", "kind": "amount-cap", "code": "site-cap-exceeded", "severity": "error",
              "summ": ["national"], "value": "30억원", "effective": "2024-01-01", "section": "§2" }
            """), "rules.json"));
        e.Errors.Select(x => x.Path).ShouldBe(["versions[0].constraints[1].sum", "versions[0].constraints[1].summ"]);
        e.Errors[0].Message.ShouldStartWith("missing key 'sum'");
        var error = e.Errors[1];
        error.Source.ShouldBe("rules.json");
        error.Line.ShouldBe(16);
        error.Path.ShouldBe("versions[0].constraints[1].summ");
        error.Message.ShouldContain("unknown key 'summ'");
        error.Message.ShouldContain("did you mean 'sum'?");
        error.ToString().ShouldStartWith("rules.json:16:");
    }

    [Fact]
    public void Parse_KeyOfAnotherKind_IsUnknownForThisOne()
    {
        var error = SingleError(Valid("""
            { "key": "cap", "kind": "amount-cap", "code": "site-cap-exceeded", "severity": "error",
              "sum": ["national"], "bound": "at-most", "value": "30억원", "effective": "2024-01-01", "section": "§2" }
            """));
        error.Message.ShouldContain("unknown key 'bound'");
    }

    [Fact]
    public void Parse_UnknownKind_ListsTheKindsAndSuggests()
    {
        var error = SingleError(Valid("""
            { "key": "cap", "kind": "ammount-cap", "code": "site-cap-exceeded", "severity": "error", "value": "1", "effective": "2024-01-01", "section": "§2" }
            """));
        error.Path.ShouldBe("versions[0].constraints[1].kind");
        error.Message.ShouldContain("'ammount-cap' is not a constraint kind");
        error.Message.ShouldContain("did you mean 'amount-cap'?");
        error.Message.ShouldContain("share-bound");
    }

    [Fact]
    public void Parse_BadSumTerm_SaysWhatATermIs()
    {
        var error = SingleError(Valid("""
            { "key": "cap", "kind": "amount-cap", "code": "site-cap-exceeded", "severity": "error",
              "sum": ["nationl"], "value": "30억원", "effective": "2024-01-01", "section": "§2" }
            """));
        error.Path.ShouldBe("versions[0].constraints[1].sum[0]");
        error.Message.ShouldContain("private:in-kind");
        error.Message.ShouldContain("found \"nationl\"");
    }

    [Fact]
    public void Parse_RepeatedKey_IsRefused()
    {
        var error = SingleError(Valid(ShareMax));
        error.Message.ShouldContain("has the key 'national-share-max'");
    }

    [Fact]
    public void Parse_BadSeverity_IsRefused() =>
        SingleError(Valid().Replace("\"severity\": \"error\"", "\"severity\": \"fatal\"", StringComparison.Ordinal))
            .Message.ShouldContain("expected \"error\" or \"warning\", found \"fatal\"");

    [Fact]
    public void Parse_ParameterAtVersionLevel_IsReportedAsMisplaced()
    {
        var error = SingleError(Valid(versionExtra: "\n\"rounding\": { \"value\": { \"unit\": 1, \"direction\": \"down\" }, \"effective\": \"2024-01-01\", \"section\": \"x\" },"));
        error.Message.ShouldContain("misplaced key 'rounding'");
        error.Line.ShouldBe(9);
    }

    [Fact]
    public void Parse_DuplicateKey_NamesFirstLine()
    {
        var error = SingleError(Valid(rootExtra: "\n\"id\": \"again\","));
        error.Message.ShouldContain("duplicate key 'id' (first on line 2)");
        error.Line.ShouldBe(4);
    }

    [Fact]
    public void Parse_WrongValue_SaysWhatWasExpected()
    {
        var error = SingleError(Valid("""
            { "key": "sites", "kind": "site-count", "code": "too-many-sites", "severity": "error", "value": "three", "effective": "2024-01-01", "section": "§3" }
            """));
        error.Path.ShouldBe("versions[0].constraints[1].value");
        error.Message.ShouldContain("expected a whole number of 1 or more, found 'three'");
    }

    [Fact]
    public void Parse_MissingRounding_IsAnError()
    {
        var json = Valid().Replace("""
                "rounding": { "value": { "unit": 1000, "direction": "down" }, "effective": "2024-01-01", "section": "§4" }
            """, "", StringComparison.Ordinal);
        SingleError(json).Message.ShouldContain("missing parameter 'rounding'");
    }

    [Fact]
    public void Parse_MissingCitation_IsAnError()
    {
        var error = SingleError(Valid("""
            { "key": "sites", "kind": "site-count", "code": "too-many-sites", "severity": "error", "value": 3, "effective": "2024-01-01" }
            """));
        error.Message.ShouldContain("missing key 'section'");
    }

    [Fact]
    public void Parse_SeveralErrors_ReportsEveryOneInFileOrder()
    {
        var json = Valid("""
            { "key": "cap", "kind": "amount-cap", "code": "site-cap-exceeded", "severity": "error", "sum": ["national"], "value": "30억원x", "effective": "2024-01-01", "section": "§2" },
            { "key": "Bad Key", "kind": "site-count", "code": "too-many-sites", "severity": "error", "value": 3, "effective": "2024-01-01", "section": "§2" }
            """);
        var e = Should.Throw<RulesFileException>(() => RulesFile.Parse(json, "r.json"));
        e.Errors.Count.ShouldBe(2);
        e.Errors[0].Line.ShouldBeLessThan(e.Errors[1].Line);
    }

    [Fact]
    public void Parse_InvalidJson_GivesLine()
    {
        var error = SingleError("{\n  \"id\": \"x\",\n  \"title\" \n}");
        error.Line.ShouldBe(4); // where the reader meets "}" instead of ":"
        error.Message.ShouldStartWith("not valid JSON");
    }

    [Theory]
    [InlineData("\"150%\"")]
    [InlineData("\"abc\"")]
    [InlineData("50")]
    public void Parse_BadShare_IsRefused(string value)
    {
        var json = Valid().Replace("\"60%\"", value, StringComparison.Ordinal);
        SingleError(json).Path.ShouldBe("versions[0].constraints[0].value");
    }

    [Fact]
    public void Parse_ConstraintEffectiveAfterItsVersion_IsRefused() =>
        SingleError(Valid().Replace("\"effective\": \"2024-01-01\", \"section\": \"§1\"", "\"effective\": \"2025-01-01\", \"section\": \"§1\"", StringComparison.Ordinal))
            .Message.ShouldContain("after the version's own effective date");

    [Fact]
    public void VersionAsOf_PicksTheVersionInForce()
    {
        var program = RulesFile.Parse(File.ReadAllBytes(TestData.Sample("rules/example-60-40.json")), "example-60-40.json");
        Cap(program.VersionAsOf(null)).ShouldBe(Won.Parse("35억"));
        Cap(program.VersionAsOf(new LocalDate(2024, 6, 1))).ShouldBe(Won.Parse("30억"));
        Cap(program.VersionAsOf(new LocalDate(2025, 1, 1))).ShouldBe(Won.Parse("35억"));
        Should.Throw<RulesException>(() => program.VersionAsOf(new LocalDate(2023, 12, 31))).Message.ShouldContain("no version in force on 2023-12-31");

        static Won Cap(ProgramRules rules) => rules.Find("per-site-cap").ShouldBeOfType<AmountCap>().Amount;
    }

    [Fact]
    public void SampleRulesFile_IsTheEmbeddedProgramByteForByte()
    {
        using var embedded = typeof(ProgramCatalog).Assembly.GetManifestResourceStream("FundingMatch.Rules.Catalog.sogongin-center-2020.json")!;
        using var buffer = new MemoryStream();
        embedded.CopyTo(buffer);
        File.ReadAllBytes(TestData.Sample("rules/sogongin-center-2020.json")).ShouldBe(buffer.ToArray());
    }
}
