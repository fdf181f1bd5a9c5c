using System.Diagnostics;
using FundingMatch.Cli.Output;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

/// <summary><c>-o</c> destroys nothing: a device stays a device, a link stays a link, a folder is refused by name.</summary>
public class OutputTargetTests
{
    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "fundingmatch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void FileKinds_TellADeviceFromARegularFileAndAFolder()
    {
        var file = Path.Combine(TempDir(), "a.txt");
        FileKinds.Of(file).ShouldBe(FileKind.Missing);
        File.WriteAllText(file, "x");
        FileKinds.Of(file).ShouldBe(FileKind.Regular);
        FileKinds.Of(Path.GetTempPath()).ShouldBe(FileKind.Directory);
        if (OperatingSystem.IsLinux())
        {
            FileKinds.Of("/dev/null").ShouldBe(FileKind.Special);
        }
    }

    [Fact]
    public void FileKinds_TellTheNullDeviceFromAnyOtherFile()
    {
        var file = Path.Combine(TempDir(), "null");
        File.WriteAllText(file, "");
        FileKinds.IsNullDevice(file).ShouldBeFalse();
        FileKinds.IsNullDevice(Path.Combine(TempDir(), "missing")).ShouldBeFalse();
        if (OperatingSystem.IsLinux())
        {
            FileKinds.IsNullDevice("/dev/null").ShouldBeTrue();
            FileKinds.IsNullDevice("/dev/zero").ShouldBeFalse(); // a character device too, which is not the null device
            var link = Path.Combine(TempDir(), "to-null");
            File.CreateSymbolicLink(link, "/dev/null");
            FileKinds.IsNullDevice(link).ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData("the budget")]
    [InlineData("a link to the budget")]
    [InlineData("the rules")]
    public void Output_ToAnInputOfTheCommand_IsRefused_AndTheInputKept(string which)
    {
        var dir = TempDir();
        var budget = Path.Combine(dir, "plan.csv");
        var rules = Path.Combine(dir, "rules.json");
        File.Copy(Sample("sogongin-2020.csv"), budget);
        File.Copy(Sample("rules/example-60-40.json"), rules);
        var output = which switch
        {
            "the budget" => budget,
            "the rules" => rules,
            _ => File.CreateSymbolicLink(Path.Combine(dir, "link.csv"), budget).FullName,
        };
        var before = File.ReadAllBytes(output);
        var r = Run("check", budget, "--rules", rules, "--as-of", "2024-06-01", "-o", output);
        r.ExitCode.ShouldBe(2, r.Err);
        r.Err.ShouldContain($"{output}: error: is also an input of this command: the report would replace it; give another path");
        File.ReadAllBytes(output).ShouldBe(before);
        Directory.GetFiles(dir).Length.ShouldBe(which == "a link to the budget" ? 3 : 2); // no report left beside it
    }

    [Fact]
    public void Output_ToTheNullDevice_WritesThroughAndLeavesTheDevice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var r = Run("check", Sample("sogongin-2020.csv"), "-o", "/dev/null");
        r.ExitCode.ShouldBe(0, r.Err);
        FileKinds.Of("/dev/null").ShouldBe(FileKind.Special);
        Directory.GetFiles("/dev", ".null*").ShouldBeEmpty();
    }

    [Fact]
    public void Output_ThroughASymlink_ReplacesItsTargetAndKeepsTheLink()
    {
        var dir = TempDir();
        var real = Path.Combine(dir, "real.json");
        File.WriteAllText(real, "old");
        var link = Path.Combine(dir, "link.json");
        File.CreateSymbolicLink(link, real);
        var r = Run("check", Sample("sogongin-2020.csv"), "--format", "json", "-o", link);
        r.ExitCode.ShouldBe(0, r.Err);
        new FileInfo(link).LinkTarget.ShouldBe(real);
        File.ReadAllText(real).ShouldStartWith("{");
        Directory.GetFiles(dir).Select(Path.GetFileName).Order().ShouldBe(["link.json", "real.json"]);
    }

    [Fact]
    public async Task Output_ToAFifo_WritesThroughWithoutReplacingIt()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/mkfifo"))
        {
            return;
        }
        var fifo = Path.Combine(TempDir(), "pipe");
        Process.Start("/usr/bin/mkfifo", fifo).WaitForExit();
        var reader = Task.Run(() => File.ReadAllText(fifo), TestContext.Current.CancellationToken);
        var r = Run("check", Sample("sogongin-2020.csv"), "-o", fifo);
        r.ExitCode.ShouldBe(0, r.Err);
        (await reader).ShouldContain("Summary: 3 sites");
        FileKinds.Of(fifo).ShouldBe(FileKind.Special);
    }

    [Fact]
    public void Output_ToAFolderOrAMissingFolder_IsAnErrorNamingThePathGiven()
    {
        var dir = TempDir();
        var folder = Run("check", Sample("sogongin-2020.csv"), "-o", dir);
        folder.ExitCode.ShouldBe(2);
        folder.Err.ShouldContain($"{dir}: error: is a folder");
        var missing = Path.Combine(dir, "nowhere", "out.txt");
        var r = Run("check", Sample("sogongin-2020.csv"), "-o", missing);
        r.ExitCode.ShouldBe(2);
        r.Err.ShouldContain($"{missing}: error: the folder {Path.Combine(dir, "nowhere")} does not exist");
        r.Err.ShouldNotContain(".partial");
    }

    [Fact]
    public void Output_AFailedRun_LeavesTheLastGoodReportAndNoTemporaryFile()
    {
        var dir = TempDir();
        var report = Path.Combine(dir, "report.txt");
        File.WriteAllText(report, "the last good report");
        var r = Run("check", Path.Combine(dir, "no-such.csv"), "-o", report);
        r.ExitCode.ShouldBe(2);
        File.ReadAllText(report).ShouldBe("the last good report");
        Directory.GetFiles(dir).ShouldBe([report]);
    }
}
