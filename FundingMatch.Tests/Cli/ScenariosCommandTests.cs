using System.Text.Json;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

public class ScenariosCommandTests
{
    private static readonly string[] Sweep =
        ["scenarios", Sample("sogongin-2020.csv"), "--vary", "per-site-cap=20억..30억:5억", "--vary", "national-share-max=40%..60%:10%"];

    [Fact]
    public void Scenarios_The2020Sweep_PrintsNineScenariosWithStatusAwardAndDiff()
    {
        var r = Run(Sweep);
        r.ExitCode.ShouldBe(0, r.Err);
        for (var i = 1; i <= 9; i++)
        {
            r.Out.ShouldContain($"Scenario {i}: ");
        }
        r.Out.ShouldContain("Scenario 1: per-site-cap=20억원, national-share-max=40% — passing 0, failing 3");
        r.Out.ShouldContain("pass → FAIL");
        r.Out.ShouldContain("-500,000,000");
        r.Out.ShouldContain("Base (the program's rules): passing 3, failing 0");
        r.Err.ShouldBeEmpty(); // no progress bar when standard error is not a terminal
    }

    [Fact]
    public void Scenarios_SameOutputOnEveryRun()
    {
        var first = Run([.. Sweep, "--format", "json"]).Out;
        for (var i = 0; i < 5; i++)
        {
            Run([.. Sweep, "--format", "json"]).Out.ShouldBe(first);
        }
        using var doc = JsonDocument.Parse(first);
        doc.RootElement.GetProperty("scenarios").GetArrayLength().ShouldBe(9);
        var s1 = doc.RootElement.GetProperty("scenarios")[0];
        s1.GetProperty("parameters").GetProperty("per-site-cap").GetInt64().ShouldBe(2_000_000_000);
        s1.GetProperty("sites")[0].GetProperty("awardDelta").GetInt64().ShouldBe(-500_000_000);
        s1.GetProperty("sites")[0].GetProperty("statusChanged").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void Scenarios_Csv_OneRowAScenarioAndSite()
    {
        var lines = Run([.. Sweep, "--format", "csv"]).Out.TrimEnd().Split('\n');
        lines.Length.ShouldBe(1 + 9 * 3);
        lines[1].ShouldBe("\"per-site-cap=20억원, national-share-max=40%\",equal,mapo,false,site-cap-exceeded,2000000000,2000000000,true,2500000000,-500000000");
    }

    [Fact]
    public void Scenarios_FromAFile()
    {
        var file = TempCsv("""{ "scenarios": [ { "name": "bigger envelope", "envelope": "100억", "per-site-cap": "35억" } ] }""", "s.json");
        var r = Run("scenarios", Sample("sogongin-2020.csv"), "--scenarios", file, "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        doc.RootElement.GetProperty("scenarios")[0].GetProperty("allocated").GetInt64().ShouldBe(7_500_000_000); // requests are 25억 each
    }

    [Theory]
    [InlineData("--vary", "per-site-cap=30억..20억:1억")]
    [InlineData("--vary", "colour=red")]
    [InlineData("--scenarios", "/no/such/file.json")]
    public void Scenarios_BadSpec_ExitsTwo(string option, string value)
    {
        var r = Run("scenarios", Sample("sogongin-2020.csv"), option, value);
        r.ExitCode.ShouldBe(2, r.Out);
        r.Err.ShouldNotContain("   at ");
    }

    [Fact]
    public void Scenarios_ABadScenariosFile_IsNamed_AndNotCalledARulesFile()
    {
        var file = TempCsv("""{ "scenarios": [ { "name": "x", "colour": "red" } ] }""", "s.json");
        var r = Run("scenarios", Sample("sogongin-2020.csv"), "--scenarios", file);
        r.ExitCode.ShouldBe(2, r.Out);
        r.Err.ShouldStartWith(file + ":");
        r.Err.ShouldContain("The file named above is wrong; nothing was judged (exit code 2).");
        r.Err.ShouldNotContain("rules file");
    }

    [Fact]
    public void Scenarios_NoneGiven_ExitsTwo() =>
        Run("scenarios", Sample("sogongin-2020.csv")).Err.ShouldContain("no scenarios: give --vary");
}
