using FundingMatch.Fuzz;

namespace FundingMatch.Tests;

/// <summary>
/// Every input in the fuzz corpus (<c>fuzz/corpus/TARGET</c>: the seeds, the inputs a fuzzing run kept, and every
/// crash it found, once fixed) goes through its target again: a reader must return a result or its own input error.
/// No fuzzing here; fuzz/run.sh fuzzes.
/// </summary>
public class FuzzCorpusTests
{
    private static string CorpusRoot() => Path.Combine(AppContext.BaseDirectory, "fuzz-corpus");

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.ByName.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.GetFiles(Path.Combine(CorpusRoot(), target)).Order(StringComparer.Ordinal))
            {
                data.Add(target, Path.GetFileName(file));
            }
        }
        return data;
    }

    [Fact]
    public void EveryTarget_HasACorpus()
    {
        foreach (var target in FuzzTargets.ByName.Keys)
        {
            Directory.GetFiles(Path.Combine(CorpusRoot(), target)).ShouldNotBeEmpty(target);
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void ACorpusInput_GivesAResultOrTheReadersOwnError(string target, string file) =>
        Should.NotThrow(() => FuzzTargets.ByName[target](File.ReadAllBytes(Path.Combine(CorpusRoot(), target, file))));
}
