using System.Diagnostics;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

/// <summary>
/// Budgets read from standard input (<c>-</c>) and from pipes (a FIFO, /dev/stdin, a shell's <c>&lt;(...)</c>), which
/// can be read only once: check reads its input twice, totals reads a file with fiscal years again.
/// </summary>
public class StandardInputTests
{
    [Fact]
    public void Check_Dash_ReadsStandardInput_AsItReadsTheFile_InBothPasses()
    {
        var path = Sample("sogongin-2020-violations.csv");
        var fromFile = RunPiped("check", path, "--format", "json");
        var fromInput = RunWithInput(File.ReadAllBytes(path), "check", "-", "--format", "json");
        fromInput.ExitCode.ShouldBe(1, fromInput.Err);
        fromInput.ExitCode.ShouldBe(fromFile.ExitCode);
        // The repeated id's finding is from the first pass, the figures from the second: both read the input.
        fromInput.Out.ShouldContain("\"file\":\"stdin\"");
        fromInput.Out.Replace("\"file\":\"stdin\"", "\"file\":\"F\"", StringComparison.Ordinal).Replace("(also at stdin:", "(also at F:", StringComparison.Ordinal)
            .ShouldBe(fromFile.Out.Replace($"\"file\":\"{path}\"", "\"file\":\"F\"", StringComparison.Ordinal).Replace($"(also at {path}:", "(also at F:", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_Dash_NamesStandardInputInItsProblems() =>
        RunWithInput("site_id,national,municipal\na,abc,1\n"u8.ToArray(), "check", "-").Err.ShouldStartWith("stdin:2:2: error: 'abc' is not an amount");

    [Fact]
    public void Check_Dash_ReadsAWorkbook_ByItsFirstBytes()
    {
        var r = RunWithInput(File.ReadAllBytes(Sample("sogongin-2020-reported.xlsx")), "check", "-");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("Summary: 3 sites, 3 passed");
    }

    // A FIFO opened a second time waits for a writer that never comes: the timeout fails that test, not the run.
    [Fact(Timeout = 60_000)]
    public async Task CheckAndTotals_OfAFifo_ReadItOnce_AndAgreeWithTheFile()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "FIFOs are made with mkfifo");
        // Fiscal years: totals stops adding up at the first such row and reads the input again, whole.
        var plan = "site_id,회계연도,국비,시군구비\nx,,1억,1억\na,2020,6억,4억\na,2021,4억,6억\n";
        var file = TempCsv(plan);
        foreach (var command in new[] { "check", "totals" })
        {
            var fifo = Path.Combine(Path.GetDirectoryName(file)!, $"{command}.fifo");
            using (var mkfifo = Process.Start("mkfifo", fifo))
            {
                await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
                mkfifo.ExitCode.ShouldBe(0);
            }
            // Opening a FIFO to write waits for the reader: the command opens it once, and reads what is written once.
            var writer = Task.Run(() => File.WriteAllText(fifo, plan), TestContext.Current.CancellationToken);
            var fromFifo = RunPiped(command, fifo, "--format", "json");
            await writer;
            var fromFile = RunPiped(command, file, "--format", "json");
            fromFifo.ExitCode.ShouldBe(fromFile.ExitCode, fromFifo.Err);
            fromFifo.Out.ShouldBe(fromFile.Out.Replace(file, fifo, StringComparison.Ordinal));
        }
    }
}
