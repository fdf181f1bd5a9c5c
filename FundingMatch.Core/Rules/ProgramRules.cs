using FundingMatch.Money;
using FundingMatch.Rules.Constraints;
using FundingMatch.Text;
using NodaTime;

namespace FundingMatch.Rules;

/// <summary>
/// One version of a co-funding program's rules: its rounding policy and an ordered list of cited constraints.
/// Immutable; a what-if is a copy with one constraint's value changed (<see cref="WithValue"/>).
/// </summary>
public sealed record ProgramRules
{
    private readonly IReadOnlyList<Constraint> _constraints = [];
    private Constraint[] _site = [];
    private Constraint[] _program = [];

    /// <summary>The program's id, e.g. <c>sogongin-center-2020</c>.</summary>
    public required string ProgramId { get; init; }

    /// <summary>The program's name in Korean and English.</summary>
    public required LocalizedText Title { get; init; }

    /// <summary>The version's name, e.g. <c>2020-06-09</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The date from which this version is in force.</summary>
    public required LocalDate Effective { get; init; }

    /// <summary>The rounding applied to computed upper limits (e.g. down to 1,000 won, 천원 미만 절사).</summary>
    public required RuleParameter<RoundingPolicy> Rounding { get; init; }

    /// <summary>총 사업비: the round's published total project cost, for reference; null when not published.</summary>
    public RuleParameter<Won>? RoundTotalCost { get; init; }

    /// <summary>The constraints, in the order the rules file lists them; keys are distinct.</summary>
    /// <exception cref="ArgumentException">Two constraints share a key.</exception>
    public required IReadOnlyList<Constraint> Constraints
    {
        get => _constraints;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in value)
            {
                ArgumentNullException.ThrowIfNull(c, nameof(value));
                if (!keys.Add(c.Key))
                {
                    throw new ArgumentException($"Two constraints have the key '{c.Key}'.", nameof(value));
                }
            }
            _constraints = value.ToArray();
            _site = value.Where(c => c.Scope == ConstraintScope.Site).ToArray();
            _program = value.Where(c => c.Scope == ConstraintScope.Program).ToArray();
        }
    }

    /// <summary>The constraints about each site, in order.</summary>
    public IReadOnlyList<Constraint> SiteConstraints => _site;

    /// <summary>
    /// <see cref="SiteConstraints"/> as a span, for the loops that run for every site (no enumerator to allocate, no
    /// interface call a constraint).
    /// </summary>
    internal ReadOnlySpan<Constraint> SiteConstraintSpan => _site;

    /// <summary>The constraints about the program as a whole, in order.</summary>
    public IReadOnlyList<Constraint> ProgramConstraints => _program;

    /// <summary>The constraint with <paramref name="key"/>, or null.</summary>
    public Constraint? Find(string key) => _constraints.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal));

    /// <summary>
    /// The national envelope: the first <see cref="EnvelopeBound"/> on national money alone, or null. Allocation hands it out.
    /// </summary>
    public EnvelopeBound? NationalEnvelope =>
        _program.OfType<EnvelopeBound>().FirstOrDefault(e => e.Sum.IsNationalOnly);

    /// <summary>
    /// These rules with the value of constraint <paramref name="key"/> set from <paramref name="text"/>, citing the
    /// what-if <paramref name="scenario"/> instead of the program's source.
    /// </summary>
    /// <exception cref="FormatException">No constraint has that key, or the text does not fit it; the message says what was expected.</exception>
    public ProgramRules WithValue(string key, string text, string scenario)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(text);
        var index = -1;
        for (var i = 0; i < _constraints.Count && index < 0; i++)
        {
            index = _constraints[i].Key == key ? i : -1;
        }
        if (index < 0)
        {
            throw new FormatException($"'{key}' is not a constraint of {ProgramId} {Version}: expected one of {string.Join(", ", _constraints.Select(c => c.Key))}.");
        }
        var old = _constraints[index];
        Constraint changed;
        try
        {
            changed = old.WithValue(text.Trim(), old.Header.ForScenario(scenario, ProgramId, Version));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{key}: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{key}: '{text}' does not fit: {e.Message}", e);
        }
        var list = _constraints.ToArray();
        list[index] = changed;
        return this with { Constraints = list };
    }

    /// <summary>The program-wide parameters (rounding, published total), written for people (<c>fundingmatch rules show</c>).</summary>
    public IReadOnlyList<ParameterInfo> Parameters
    {
        get
        {
            var list = new List<ParameterInfo>
            {
                new(ParameterKeys.Rounding, new LocalizedText("끝수 처리", "rounding"), $"{Rounding.Value.Describe()} ({Rounding.Value.DescribeKorean()})", Rounding.Effective, Rounding.Citation),
            };
            if (RoundTotalCost is { } total)
            {
                list.Add(new(ParameterKeys.RoundTotalCost, new LocalizedText("총 사업비(공고)", "published total project cost"),
                    $"{total.Value} ({total.Value.ToString("K", null)})", total.Effective, total.Citation));
            }
            return list;
        }
    }
}
