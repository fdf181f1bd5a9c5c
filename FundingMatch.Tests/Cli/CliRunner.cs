using FundingMatch.Cli;

namespace FundingMatch.Tests.Cli;

/// <summary>Runs the fundingmatch command in-process, as a user would run it, and captures what it writes.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Err);

    public static Result Run(params string[] args) => RunIn("en-US", args);

    public static Result RunIn(string uiCulture, params string[] args) => RunWith(new CliEnvironment(uiCulture), args);

    /// <summary>Runs with standard output going to a pipe or a file, not a terminal.</summary>
    public static Result RunPiped(params string[] args) => RunWith(new CliEnvironment("en-US", OutputIsTerminal: false), args);

    /// <summary>
    /// Runs with <paramref name="stdin"/> as standard input (read for a budget file named <c>-</c>): one stream, which,
    /// as the process's own, can be read through only once.
    /// </summary>
    public static Result RunWithInput(byte[] stdin, params string[] args)
    {
        var input = new MemoryStream(stdin, writable: false);
        return RunWith(new CliEnvironment("en-US", OutputIsTerminal: false) { StandardInput = () => input }, args);
    }

    /// <summary>Runs in the environment <paramref name="env"/>.</summary>
    public static Result RunWith(CliEnvironment env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr, env);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    public static string Sample(string name) => TestData.Sample(name);

    /// <summary>Writes a temporary CSV (UTF-8 without BOM unless bytes are given) and returns its path.</summary>
    public static string TempCsv(string content, string name = "budget.csv") => TempFile(System.Text.Encoding.UTF8.GetBytes(content), name);

    public static string TempFile(byte[] bytes, string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "fundingmatch-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
