namespace FundingMatch.Tests.Docs;

public class ReadmeExampleTests
{
    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        from.ShouldBeGreaterThanOrEqualTo(0, $"'{start}' not found");
        to.ShouldBeGreaterThan(from, $"'{end}' not found");
        return text[(from + start.Length)..to].Replace("\r", "", StringComparison.Ordinal).Trim('\n');
    }

    [Fact]
    public void ReadmeExample_IsTheCompiledCode()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var source = File.ReadAllText(Path.Combine(FindRepoRoot(), "FundingMatch.Tests", "Docs", "ReadmeExample.cs"));
        Between(readme, "```csharp\n", "```").ShouldBe(Between(source, "// begin-readme\n", "// end-readme"));
    }

    [Fact]
    public void ReadmeSettlementExample_IsTheCompiledCode()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var second = readme[(readme.IndexOf("```csharp\n", StringComparison.Ordinal) + 10)..];
        var source = File.ReadAllText(Path.Combine(FindRepoRoot(), "FundingMatch.Tests", "Docs", "ReadmeSettlementExample.cs"));
        Between(second, "```csharp\n", "```").ShouldBe(Between(source, "// begin-readme-settlement\n", "// end-readme-settlement"));
    }

    [Fact]
    public void ReadmeSettlementExample_RunsTheWorkedExample()
    {
        var mapo = ReadmeSettlementExample.Run();
        mapo.ConfirmedNational.ShouldBe(new FundingMatch.Money.Won(2_343_750_000));
        mapo.NationalReturn.ShouldBe(new FundingMatch.Money.Won(156_250_000));
        mapo.Sources.Sum(s => s.Confirmed.Value).ShouldBe(18_000_000_000);
    }

    [Fact]
    public void ReadmeExample_RunsAndValidatesThe2020Round()
    {
        var report = ReadmeExample.Run();
        report.Sites.Count.ShouldBe(3);
        report.Sites.ShouldAllBe(s => s.Passed);
        report.Totals.All.National.ShouldBe(new FundingMatch.Money.Won(7_500_000_000));
        report.Totals.All.Total.ToString("K", null).ShouldBe("343억원");
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FundingMatch.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("FundingMatch.sln not found above " + AppContext.BaseDirectory);
    }
}
