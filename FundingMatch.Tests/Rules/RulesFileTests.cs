using FundingMatch.Money;
using FundingMatch.Rules;
using NodaTime;

namespace FundingMatch.Tests.Rules;

public class RulesFileTests
{
    private static string Valid(string parameters = "", string versionExtra = "", string rootExtra = "") => $$"""
        {
          "id": "test-program",
          "title": { "ko": "시험", "en": "Test" },{{rootExtra}}
          "versions": [
            {
              "version": "v1",
              "effective": "2024-01-01",
              "document": "Doc",{{versionExtra}}
              "parameters": {
                "national-share-max": { "value": "60%", "effective": "2024-01-01", "section": "§1" },
                "local-share-min": { "value": "40%", "effective": "2024-01-01", "section": "§1" },
                "local-sources": { "value": ["provincial", "municipal"], "effective": "2024-01-01", "section": "§1" },
                "rounding": { "value": { "unit": 1000, "direction": "down" }, "effective": "2024-01-01", "section": "§4" }{{(parameters.Length > 0 ? ",\n" + parameters : "")}}
              }
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
    public void Parse_ValidFile_ReadsEveryValueWithItsCitation()
    {
        var program = RulesFile.Parse(Valid(""" "per-site-cap": { "value": "30억원", "effective": "2024-01-01", "section": "§2", "document": "Other doc" } """), "rules.json");
        var rules = program.Latest;
        rules.NationalShareMax.Value.ShouldBe(Share.Percent(60));
        rules.LocalShareMin.Value.ShouldBe(Share.Percent(40));
        rules.PerSiteCap!.Value.ShouldBe(new Won(3_000_000_000));
        rules.PerSiteCap.Citation.ShouldBe(new Citation("Other doc", "§2"));
        rules.NationalShareMax.Citation.ShouldBe(new Citation("Doc", "§1"));
        rules.Rounding.Value.ShouldBe(RoundingPolicy.DownToThousand);
        rules.Envelope.ShouldBeNull();
    }

    [Fact]
    public void Parse_TypoInKey_NamesKeyFileLineAndSuggestion()
    {
        var json = Valid(""" "per-site-cpa": { "value": "30억원", "effective": "2024-01-01", "section": "§2" } """);
        var error = SingleError(json);
        error.Source.ShouldBe("rules.json");
        error.Line.ShouldBe(14);
        error.Path.ShouldBe("versions[0].parameters.per-site-cpa");
        error.Message.ShouldContain("unknown key 'per-site-cpa'");
        error.Message.ShouldContain("did you mean 'per-site-cap'?");
        error.ToString().ShouldStartWith("rules.json:14:");
    }

    [Fact]
    public void Parse_ParameterAtVersionLevel_IsReportedAsMisplaced()
    {
        var error = SingleError(Valid(versionExtra: "\n\"envelope\": { \"value\": \"75억원\", \"effective\": \"2024-01-01\", \"section\": \"x\" },"));
        error.Message.ShouldContain("misplaced key 'envelope'");
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
    public void Parse_WrongType_SaysWhatWasExpected()
    {
        var error = SingleError(Valid(""" "sites-in-round": { "value": "three", "effective": "2024-01-01", "section": "§3" } """));
        error.Path.ShouldBe("versions[0].parameters.sites-in-round.value");
        error.Message.ShouldContain("expected a whole number of 1 or more, found \"three\"");
    }

    [Fact]
    public void Parse_MissingRequiredParameter_IsAnError()
    {
        var json = Valid().Replace("""
                "local-share-min": { "value": "40%", "effective": "2024-01-01", "section": "§1" },

            """, "", StringComparison.Ordinal);
        var error = SingleError(json);
        error.Message.ShouldContain("missing parameter 'local-share-min'");
    }

    [Fact]
    public void Parse_MissingCitation_IsAnError()
    {
        var error = SingleError(Valid(""" "envelope": { "value": "75억원", "effective": "2024-01-01" } """));
        error.Message.ShouldContain("missing key 'section'");
    }

    [Fact]
    public void Parse_SeveralErrors_ReportsEveryOneInFileOrder()
    {
        var json = Valid("""
            "per-site-cap": { "value": "30억원x", "effective": "2024-01-01", "section": "§2" },
            "envelop": { "value": "1", "effective": "2024-01-01", "section": "§2" }
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
        SingleError(json).Path.ShouldBe("versions[0].parameters.national-share-max.value");
    }

    [Fact]
    public void Parse_ParameterEffectiveAfterItsVersion_IsRefused()
    {
        var error = SingleError(Valid(""" "envelope": { "value": "75억원", "effective": "2025-01-01", "section": "§3" } """));
        error.Message.ShouldContain("after the version's own effective date");
    }

    [Fact]
    public void VersionAsOf_PicksTheVersionInForce()
    {
        var program = RulesFile.Parse(File.ReadAllBytes(TestData.Sample("rules/example-60-40.json")), "example-60-40.json");
        program.VersionAsOf(null).PerSiteCap!.Value.ShouldBe(Won.Parse("35억"));
        program.VersionAsOf(new LocalDate(2024, 6, 1)).PerSiteCap!.Value.ShouldBe(Won.Parse("30억"));
        program.VersionAsOf(new LocalDate(2025, 1, 1)).PerSiteCap!.Value.ShouldBe(Won.Parse("35억"));
        Should.Throw<RulesException>(() => program.VersionAsOf(new LocalDate(2023, 12, 31))).Message.ShouldContain("no version in force on 2023-12-31");
    }

    [Fact]
    public void SampleRulesFile_Equals_TheEmbeddedProgram()
    {
        var fromFile = RulesFile.Parse(File.ReadAllBytes(TestData.Sample("rules/sogongin-center-2020.json")), "x").Latest;
        fromFile.ShouldBe(TestData.Rules2020);
    }
}
