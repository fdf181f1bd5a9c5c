using System.Text.RegularExpressions;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Docs;

/// <summary>The README's table of formats and --strict says what the command line does, command by command.</summary>
public partial class ReadmeOptionsTests
{
    [GeneratedRegex(@"^\| (?<commands>`[^|]+`) \| (?<formats>[^|]+) \| (?<strict>[^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"--format <(?<formats>[a-z|]+)>")]
    private static partial Regex FormatHelp();

    [Fact]
    public void TheFormatTable_MatchesEveryCommandsHelp()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var rows = Row().Matches(readme).Where(m => m.Groups["strict"].Value.StartsWith("yes", StringComparison.Ordinal) || m.Groups["strict"].Value.StartsWith("no", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var row in rows)
        {
            var listed = Regex.Replace(row.Groups["formats"].Value, @"\(.*?\)", "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order().ToList();
            foreach (var command in row.Groups["commands"].Value.Split(',', StringSplitOptions.TrimEntries).Select(c => c.Trim('`')))
            {
                var help = Run([.. command.Split(' '), "--help"]).Out;
                FormatHelp().Match(help).Groups["formats"].Value.Split("|").Order().ToList().ShouldBe(listed, command);
                help.Contains("--strict", StringComparison.Ordinal).ShouldBe(row.Groups["strict"].Value.StartsWith("yes", StringComparison.Ordinal), command);
            }
        }
    }
}
