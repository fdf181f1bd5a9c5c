using System.Text;
using FundingMatch.Cli;

// Korean text must reach the terminal as UTF-8 whatever the console's default.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return CliApp.Run(args, Console.Out, Console.Error, CliEnvironment.FromProcess());
