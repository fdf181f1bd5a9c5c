using FundingMatch.Text;
using NodaTime;
using NodaTime.Text;

namespace FundingMatch.Rules;

/// <summary>A co-funding program: its id, its name and every version of its rules, oldest first.</summary>
public sealed class FundingProgram
{
    /// <summary>Creates a program from its versions, which must share its id and differ in effective date.</summary>
    public FundingProgram(string id, LocalizedText title, IEnumerable<ProgramRules> versions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(versions);
        var sorted = versions.OrderBy(v => v.Effective).ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException("A program has at least one version.", nameof(versions));
        }
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].ProgramId != id)
            {
                throw new ArgumentException($"Version {sorted[i].Version} belongs to program {sorted[i].ProgramId}, not {id}.", nameof(versions));
            }
            if (i > 0 && sorted[i].Effective == sorted[i - 1].Effective)
            {
                throw new ArgumentException($"Two versions take effect on {LocalDatePattern.Iso.Format(sorted[i].Effective)}.", nameof(versions));
            }
        }
        Id = id;
        Title = title;
        Versions = sorted;
    }

    /// <summary>The program's id.</summary>
    public string Id { get; }

    /// <summary>The program's name.</summary>
    public LocalizedText Title { get; }

    /// <summary>Every version, oldest first.</summary>
    public IReadOnlyList<ProgramRules> Versions { get; }

    /// <summary>The newest version.</summary>
    public ProgramRules Latest => Versions[^1];

    /// <summary>
    /// The version in force on <paramref name="asOf"/>: the newest that took effect on or before it.
    /// With no date, the newest version (there is no hidden "today").
    /// </summary>
    /// <exception cref="RulesException">No version was in force on that date.</exception>
    public ProgramRules VersionAsOf(LocalDate? asOf)
    {
        if (asOf is not { } date)
        {
            return Latest;
        }
        for (var i = Versions.Count - 1; i >= 0; i--)
        {
            if (Versions[i].Effective <= date)
            {
                return Versions[i];
            }
        }
        throw new RulesException(
            $"Program {Id} has no version in force on {LocalDatePattern.Iso.Format(date)}: its first version takes effect on {LocalDatePattern.Iso.Format(Versions[0].Effective)}.");
    }
}
