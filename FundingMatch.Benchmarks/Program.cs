using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(FundingMatch.Benchmarks.Data).Assembly).Run(args);
