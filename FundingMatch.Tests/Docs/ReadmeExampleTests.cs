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
