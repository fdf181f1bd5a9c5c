using FundingMatch.Fuzz;
using SharpFuzz;

// fundingmatch-fuzz TARGET            : run under afl-fuzz (fuzz/run.sh), one input a run from standard input
// fundingmatch-fuzz TARGET FILE...    : replay files through the target, uninstrumented, and say which one fails
if (args.Length == 0 || !FuzzTargets.ByName.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: FundingMatch.Fuzz {string.Join("|", FuzzTargets.ByName.Keys)} [files to replay]");
    return 2;
}
if (args.Length > 1)
{
    foreach (var file in args.Skip(1))
    {
        Console.WriteLine(file);
        target(File.ReadAllBytes(file));
    }
    return 0;
}
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
