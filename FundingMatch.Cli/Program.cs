using System.Text;
using FundingMatch.Cli;
using FundingMatch.Rules;

// The default program's rules are read on another core while the command line is built and parsed (a budget command
// reads them next; a command that does not leaves the work unused). A failure is the command's to report, when it
// reads them itself.
new Thread(() =>
{
    try
    {
        ProgramCatalog.Embedded.TryGet(ProgramCatalog.DefaultProgramId, out _);
    }
    catch (Exception)
    {
        // Reported, if it matters, where the command reads the rules.
    }
})
{ IsBackground = true, Name = "fundingmatch rules" }.Start();

// Korean text reaches the terminal as UTF-8 whatever the console's default; a buffered writer, flushed once at
// the end, so that a report of a million sites is not written a line at a time.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
var code = CliApp.Run(args, stdout, Console.Error, CliEnvironment.FromProcess());
stdout.Flush();
return code;
