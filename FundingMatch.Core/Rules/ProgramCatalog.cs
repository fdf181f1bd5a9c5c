
namespace FundingMatch.Rules;

/// <summary>A set of programs by id.</summary>
public sealed class ProgramCatalog
{
    private readonly SortedDictionary<string, FundingProgram> _programs = new(StringComparer.Ordinal);

    // The embedded catalog reads a program's file when it is first asked for (a command uses one program, and parsing
    // all three rules files was a good part of a command's start-up): each id's program read once, by whichever thread
    // asks first, while another thread may read another; null for a catalog made from programs.
    private readonly SortedDictionary<string, Lazy<FundingProgram>>? _embedded;

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

    // The embedded catalog: each resource's file name (without .json) is the id of the program in it.
    private ProgramCatalog(SortedDictionary<string, string> resources)
    {
        _embedded = new(StringComparer.Ordinal);
        foreach (var (id, name) in resources)
        {
            _embedded.Add(id, new Lazy<FundingProgram>(() => Read(id, name), LazyThreadSafetyMode.ExecutionAndPublication));
        }
    }

    /// <summary>The programs, ordered by id.</summary>
    public IReadOnlyCollection<FundingProgram> Programs => _embedded is null ? _programs.Values : [.. _embedded.Values.Select(program => program.Value)];

    /// <summary>The program with <paramref name="id"/>.</summary>
    /// <exception cref="RulesException">There is no such program; the message lists those there are.</exception>
    public FundingProgram Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryGet(id, out var program)
            ? program!
            : throw new RulesException($"There is no program '{id}': expected one of {string.Join(", ", Ids())}, or a rules file (.json).");
    }

    /// <summary>Looks up a program without throwing.</summary>
    public bool TryGet(string id, out FundingProgram? program)
    {
        if (_embedded is null)
        {
            return _programs.TryGetValue(id, out program);
        }
        program = _embedded.TryGetValue(id, out var embedded) ? embedded.Value : null;
        return program is not null;
    }

    private IEnumerable<string> Ids() => _embedded is null ? _programs.Keys : _embedded.Keys;

    // Reads the embedded program id from the resource name.
    private static FundingProgram Read(string id, string name)
    {
        using var stream = typeof(ProgramCatalog).Assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var program = RulesFile.Parse(buffer.ToArray(), "embedded:" + name[EmbeddedPrefix.Length..]);
        if (program.Id != id)
        {
            throw new InvalidOperationException($"The embedded rules file {name} holds program '{program.Id}', not '{id}' as its name says.");
        }
        return program;
    }

    private const string EmbeddedPrefix = "FundingMatch.Rules.Catalog.";

    private static ProgramCatalog LoadEmbedded()
    {
        var resources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in typeof(ProgramCatalog).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(EmbeddedPrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            resources.Add(name[EmbeddedPrefix.Length..^".json".Length], name);
        }
        return new ProgramCatalog(resources);
    }
}
