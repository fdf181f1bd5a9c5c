using System.Text;
using FundingMatch.Cli;

// Korean text reaches the terminal as UTF-8 whatever the console's default; a buffered writer, flushed once at
// the end, so that a report of a million sites is not written a line at a time.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
var code = CliApp.Run(args, stdout, Console.Error, CliEnvironment.FromProcess());
stdout.Flush();
return code;
