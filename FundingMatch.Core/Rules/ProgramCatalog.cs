
namespace FundingMatch.Rules;

/// <summary>A set of programs by id.</summary>
public sealed class ProgramCatalog
{
    private readonly SortedDictionary<string, FundingProgram> _programs = new(StringComparer.Ordinal);

    /// <summary>Creates a catalog of <paramref name="programs"/>; ids must be distinct.</summary>
    public ProgramCatalog(IEnumerable<FundingProgram> programs)
    {
        ArgumentNullException.ThrowIfNull(programs);
        foreach (var program in programs)
        {
            if (!_programs.TryAdd(program.Id, program))
            {
                throw new ArgumentException($"Program {program.Id} is in the catalog twice.", nameof(programs));
            }
        }
    }

    /// <summary>The id of the program used when none is named: <c>sogongin-center-2020</c>.</summary>
    public const string DefaultProgramId = "sogongin-center-2020";

    /// <summary>
    /// The programs embedded in the library, built from their source documents with every value cited:
    /// <c>sogongin-center-2020</c>, the 2020 round of 소공인 복합지원센터.
    /// </summary>
    public static ProgramCatalog Embedded => LazyEmbedded.Value;

    private static readonly Lazy<ProgramCatalog> LazyEmbedded = new(LoadEmbedded);

    /// <summary>The programs, ordered by id.</summary>
    public IReadOnlyCollection<FundingProgram> Programs => _programs.Values;

    /// <summary>The program with <paramref name="id"/>.</summary>
    /// <exception cref="RulesException">There is no such program; the message lists those there are.</exception>
    public FundingProgram Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _programs.TryGetValue(id, out var program)
            ? program
            : throw new RulesException($"There is no program '{id}': expected one of {string.Join(", ", _programs.Keys)}, or a rules file (.json).");
    }

    /// <summary>Looks up a program without throwing.</summary>
    public bool TryGet(string id, out FundingProgram? program) => _programs.TryGetValue(id, out program);

    private static ProgramCatalog LoadEmbedded()
    {
        var assembly = typeof(ProgramCatalog).Assembly;
        const string prefix = "FundingMatch.Rules.Catalog.";
        var programs = new List<FundingProgram>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            programs.Add(RulesFile.Parse(buffer.ToArray(), "embedded:" + name[prefix.Length..]));
        }
        return new ProgramCatalog(programs);
    }
}
