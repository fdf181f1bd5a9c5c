using System.CommandLine;
using System.CommandLine.Help;
using FundingMatch.Cli.Commands;
using FundingMatch.Cli.Input;
using FundingMatch.Rules;
using FundingMatch.Text;

namespace FundingMatch.Cli;

/// <summary>What the process gives the command: its streams and the few facts of the environment it reads.</summary>
/// <param name="UiCulture">The UI culture's name, for the default of --lang.</param>
/// <param name="IsCi">True when the CI variable is set.</param>
/// <param name="ErrorIsTerminal">True when standard error is a terminal (for progress output).</param>
/// <param name="OutputIsTerminal">Standard output is a terminal: JSON is indented for a reader; otherwise (a file, a pipe) it is compact.</param>
internal sealed record CliEnvironment(string UiCulture, bool IsCi = false, bool ErrorIsTerminal = false, bool OutputIsTerminal = true)
{
    /// <summary>
    /// The size of the parts a large plain budget file is cut into, to be read on every core; null for the commands'
    /// own sizes. The tests make it small, so that small files are cut too and read as the whole file would be.
    /// </summary>
    public int? PartBytes { get; init; }

    /// <summary>
    /// Standard output is the null device (<c>&gt; /dev/null</c>), which keeps nothing: what a command writes there
    /// never needs taking back, so <c>check</c> may judge while it reads (see <c>CommandRun.CanTakeBackOutput</c>).
    /// </summary>
    public bool OutputKeepsNothing { get; init; }

    /// <summary>Standard input, read when a budget file is named <c>-</c>; the process's own unless a test gives another.</summary>
    public Func<Stream> StandardInput { get; init; } = Console.OpenStandardInput;

    public static CliEnvironment FromProcess() => new(
        System.Globalization.CultureInfo.CurrentUICulture.Name,
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")),
        !Console.IsErrorRedirected,
        !Console.IsOutputRedirected)
    {
        OutputKeepsNothing = Console.IsOutputRedirected && Output.FileKinds.IsNullDevice("/proc/self/fd/1"),
    };
}

/// <summary>Exit codes, documented in --help and the README.</summary>
internal static class ExitCodes
{
    public const int Pass = 0;
    public const int RuleBroken = 1;
    public const int BadInput = 2;
    public const int InternalError = 3;

    public const string Help =
        "Exit codes: 0 the plan passes; 1 the plan breaks a rule (an error finding, or a warning with --strict); " +
        "2 the input or the command line is wrong (nothing was judged).";
}

/// <summary>The <c>fundingmatch</c> command line, runnable in-process with any writers (which is how the tests run it).</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CliEnvironment env)
    {
        var root = Build(env);
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var error in parse.Errors)
            {
                stderr.Write($"fundingmatch: error: {error.Message}\n");
            }
            stderr.Write("Run 'fundingmatch --help' for usage. " + ExitCodes.Help + "\n");
            return ExitCodes.BadInput;
        }
        try
        {
            return parse.Invoke(config);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not a user's mistake: say so plainly, with the detail a report needs.
            stderr.Write($"fundingmatch: internal error (please report it): {e}\n");
            return ExitCodes.InternalError;
        }
    }

    private static RootCommand Build(CliEnvironment env)
    {
        var root = new RootCommand(
            "FundingMatch checks and computes co-funded (matching) public budgets exactly to the won.\n" +
            "Programs are cited rules: the 2020 소공인 복합지원센터 round (national ≤ 50% and 25억원 a site, the rest from local government\n" +
            "and private partners, cash and in kind) by default; see `fundingmatch rules list`.\n" + ExitCodes.Help);
        var common = new CommonOptions(env);
        root.Add(CheckCommand.Create(common));
        root.Add(TotalsCommand.Create(common));
        root.Add(ExplainCommand.Create(common));
        root.Add(AllocateCommand.Create(common));
        root.Add(SettleCommand.Create(common));
        root.Add(ScenariosCommand.Create(common));
        root.Add(RulesCommand.Create(common));
        return root;
    }
}

/// <summary>Options shared by the commands, and turning them into what the commands use.</summary>
internal sealed class CommonOptions(CliEnvironment env)
{
    public CliEnvironment Environment { get; } = env;

    public Option<string> Rules() => new("--rules")
    {
        Description = "The program: an embedded program id or a rules file (.json)",
        HelpName = "program-id|rules.json",
        DefaultValueFactory = _ => ProgramCatalog.DefaultProgramId,
    };

    public Option<string?> AsOf() => new("--as-of")
    {
        Description = "Use the rules version in force on this date (yyyy-MM-dd); default: the newest version",
        HelpName = "yyyy-MM-dd",
    };

    public Option<string> Format(params string[] allowed)
    {
        var o = new Option<string>("--format")
        {
            Description = "Output format",
            DefaultValueFactory = _ => "table",
        };
        o.AcceptOnlyFromAmong(allowed.Length > 0 ? allowed : ["table", "json", "csv", "markdown", "github", "html"]);
        return o;
    }

    public Option<FileInfo?> Output() => new("--output", "-o")
    {
        Description = "Write the output to this file instead of standard output",
        HelpName = "file",
    };

    public Option<string?> Lang()
    {
        var o = new Option<string?>("--lang")
        {
            Description = "Language of messages: ko or en (default: Korean for a ko-* UI culture, else English)",
        };
        o.AcceptOnlyFromAmong("ko", "en");
        return o;
    }

    public Option<string> AmountUnit()
    {
        var o = new Option<string>("--amount-unit")
        {
            Description = "Unit of plain numbers in the CSV (a unit in the header or a (단위: …) line wins): won (원), thousand (천원), tenthousand (만원), million (백만원), eok (억원)",
            DefaultValueFactory = _ => "won",
        };
        o.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !Input.Columns.TryParseUnit(result.Tokens[0].Value, out _))
            {
                result.AddError($"--amount-unit '{result.Tokens[0].Value}' is not a unit: expected won (원), thousand (천원), tenthousand (만원), million (백만원) or eok (억원)");
            }
        });
        return o;
    }

    public Option<string?> Sheet() => new("--sheet")
    {
        Description = "For an Excel workbook (.xlsx): the sheet to read (default: the first not hidden)",
        HelpName = "name",
    };

    public Option<string> Encoding()
    {
        var o = new Option<string>("--encoding")
        {
            Description = "Encoding of the CSV: auto (a BOM, else valid UTF-8, else CP949), utf-8, cp949",
            DefaultValueFactory = _ => "auto",
        };
        o.AcceptOnlyFromAmong("auto", "utf-8", "cp949");
        return o;
    }

    public Option<bool> Strict() => new("--strict") { Description = "Warnings fail the plan too (exit 1)" };

    public Option<bool> Compact() => new("--compact")
    {
        Description = "JSON on one line; the default when the output is not a terminal (a file, a pipe), indented on a terminal",
    };

    public Language LanguageFrom(string? lang) => lang switch
    {
        "ko" => Language.Korean,
        "en" => Language.English,
        _ => Environment.UiCulture.StartsWith("ko", StringComparison.OrdinalIgnoreCase) ? Language.Korean : Language.English,
    };

    public static Money.AmountUnit UnitFrom(string unit) => Input.Columns.TryParseUnit(unit, out var parsed) ? parsed : Money.AmountUnit.Won;

    public static EncodingChoice EncodingFrom(string encoding) => encoding switch
    {
        "utf-8" => EncodingChoice.Utf8,
        "cp949" => EncodingChoice.Cp949,
        _ => EncodingChoice.Auto,
    };
}
