using FundingMatch.Budgets;
using FundingMatch.Explanations;
using FundingMatch.Money;
using FundingMatch.Text;
using FundingMatch.Totals;
using FundingMatch.Validation;
using NodaTime;

namespace FundingMatch.Rules.Constraints;

/// <summary>
/// One rule of a program, as data: a key, a finding code, a severity, an effective date, a citation and one value.
/// A constraint evaluates itself: whether a budget breaks it, the finding it then gives (Korean and English, expected
/// and actual), the bound it puts on national money, and how its limit is derived for <c>explain</c>.
/// </summary>
/// <remarks>
/// A new kind is a subclass and one line in the rules loader's registration; nothing else in the core or the CLI
/// knows which kinds there are.
/// </remarks>
public abstract class Constraint
{
    /// <summary>Creates a constraint with its header.</summary>
    /// <exception cref="ArgumentException">The key or the code is not kebab-case.</exception>
    protected Constraint(ConstraintHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (!Names.IsKebab(header.Key))
        {
            throw new ArgumentException($"'{header.Key}' is not a constraint key: expected lower-case letters, digits and hyphens.", nameof(header));
        }
        if (!Names.IsKebab(header.Code))
        {
            throw new ArgumentException($"'{header.Code}' is not a finding code: expected lower-case letters, digits and hyphens.", nameof(header));
        }
        ArgumentNullException.ThrowIfNull(header.Citation);
        Header = header;
    }

    /// <summary>The key, code, severity, effective date, citation and reading.</summary>
    public ConstraintHeader Header { get; }

    /// <summary>The stable key (<c>per-site-cap</c>).</summary>
    public string Key => Header.Key;

    /// <summary>The finding code it gives when broken (<c>site-cap-exceeded</c>).</summary>
    public string Code => Header.Code;

    /// <summary>Error or warning.</summary>
    public Severity Severity => Header.Severity;

    /// <summary>The date its value takes effect.</summary>
    public LocalDate Effective => Header.Effective;

    /// <summary>Where it is stated.</summary>
    public Citation Citation => Header.Citation;

    /// <summary>The kind's name as a rules file writes it (<c>share-bound</c>).</summary>
    public abstract string Kind { get; }

    /// <summary>Each site, or the program.</summary>
    public abstract ConstraintScope Scope { get; }

    /// <summary>The type of <see cref="ValueText"/>.</summary>
    public abstract ConstraintValueKind ValueKind { get; }

    /// <summary>The value, written invariantly (<c>50%</c>, <c>2,500,000,000</c>, <c>2021-12-31</c>).</summary>
    public abstract string ValueText { get; }

    /// <summary>The rule in a line: <c>national ≤ 50% of total</c> / <c>국비 ≤ 총사업비의 50%</c>.</summary>
    public abstract LocalizedText Describe();

    /// <summary>The same constraint with another value and header (a what-if).</summary>
    /// <exception cref="FormatException">The text is not a value of this kind; the message says what was expected.</exception>
    public abstract Constraint WithValue(string text, ConstraintHeader header);

    /// <summary>True when <paramref name="site"/> breaks this constraint. A site-scope constraint overrides it; the rest say no.</summary>
    public virtual bool IsBrokenBy(SiteBudget site, RoundingPolicy rounding) => false;

    /// <summary>
    /// True when a site with these facts breaks this constraint: for a constraint that <see cref="JudgesFacts"/>, what
    /// <see cref="IsBrokenBy(SiteBudget, RoundingPolicy)"/> says of a budget with them; false for the rest.
    /// </summary>
    public virtual bool IsBrokenBy(in SiteFacts site, RoundingPolicy rounding) => false;

    /// <summary>
    /// The largest national amount this constraint allows a site with these facts: for a constraint that
    /// <see cref="JudgesFacts"/>, what <see cref="NationalLimit(SiteBudget, RoundingPolicy)"/> says of a budget with
    /// them; null for the rest.
    /// </summary>
    public virtual Won? NationalLimit(in SiteFacts site, RoundingPolicy rounding) => null;

    /// <summary>
    /// Whether this constraint reads nothing of a site but its <see cref="SiteFacts"/>, and says so through the
    /// overloads that take them: a check may then judge a site that passes without building it
    /// (<see cref="BudgetCheck.TryPass"/>). False, the default, has every site judged as a <see cref="SiteBudget"/>.
    /// </summary>
    public virtual bool JudgesFacts => false;

    /// <summary>The finding for a site that breaks this constraint (asked only when <see cref="IsBrokenBy(SiteBudget, RoundingPolicy)"/> is true).</summary>
    public virtual Finding FindingFor(SiteBudget site, RoundingPolicy rounding) =>
        throw new InvalidOperationException($"Constraint {Key} is not about single sites.");

    /// <summary>True when the program as a whole breaks this constraint. A program-scope constraint overrides it.</summary>
    public virtual bool IsBrokenBy(ProgramTotals totals) => false;

    /// <summary>The finding for a program that breaks this constraint.</summary>
    public virtual Finding FindingFor(ProgramTotals totals) =>
        throw new InvalidOperationException($"Constraint {Key} is not about the program as a whole.");

    /// <summary>
    /// The largest national amount this constraint allows <paramref name="site"/>, or null when it does not bound
    /// national money. A constraint bounds national money when the sum it limits from above is national money
    /// alone (a share, a ratio or a cap), or when national money is what a lower bound is measured against.
    /// </summary>
    public virtual Won? NationalLimit(SiteBudget site, RoundingPolicy rounding) => null;

    /// <summary>How this constraint's limit for <paramref name="site"/> is reached, with its citation; null when it has no figure for a site.</summary>
    public virtual Derivation? Derive(SiteBudget site, RoundingPolicy rounding) => null;

    /// <summary>How this constraint's program figure is reached; null when it has none.</summary>
    public virtual Derivation? Derive(ProgramTotals totals) => null;

    /// <summary>A finding about <paramref name="site"/>, with this constraint's code, severity, key and citation.</summary>
    protected Finding SiteFinding(SiteBudget site, string expected, string actual, string korean, string english) =>
        SiteFinding(site, expected, actual, new LocalizedText(korean, english));

    /// <summary>
    /// As <see cref="SiteFinding(SiteBudget, string, string, string, string)"/>, the message written by
    /// <paramref name="message"/> in a language only when it is read in that language (<see cref="LocalizedText.Deferred"/>).
    /// </summary>
    protected Finding SiteFinding(SiteBudget site, string expected, string actual, Func<Language, string> message) =>
        SiteFinding(site, expected, actual, LocalizedText.Deferred(message));

    private Finding SiteFinding(SiteBudget site, string expected, string actual, LocalizedText message)
    {
        ArgumentNullException.ThrowIfNull(site);
        return new Finding
        {
            Code = Code,
            Severity = Severity,
            SiteId = site.SiteId,
            Rule = Key,
            Citation = Citation,
            Expected = expected,
            Actual = actual,
            Message = message,
            Origin = site.Origin,
        };
    }

    /// <summary>A finding about the program, with this constraint's code, severity, key and citation.</summary>
    protected Finding ProgramFinding(string expected, string actual, string korean, string english) => new()
    {
        Code = Code,
        Severity = Severity,
        Rule = Key,
        Citation = Citation,
        Expected = expected,
        Actual = actual,
        Message = new LocalizedText(korean, english),
    };

    /// <summary>A derivation with this constraint's key and citation.</summary>
    protected Derivation Figure(string figure, LocalizedText label, Won value, string? formula, LocalizedText? rounding, params IReadOnlyList<Derivation> inputs) => new()
    {
        Figure = figure,
        Label = label,
        Value = value.ToString(),
        Won = value.Value,
        Formula = formula,
        Rule = Key,
        Citation = Citation,
        Rounding = rounding,
        Note = Describe(),
        Inputs = inputs,
    };

    /// <summary>A given sum, as an input of a derivation.</summary>
    protected static Derivation Given(MoneySelector selector, Won amount) => new()
    {
        Figure = string.Join("+", selector.Terms),
        Label = new LocalizedText(selector.DescribeKorean(), selector.Describe()),
        Value = amount.ToString(),
        Won = amount.Value,
    };

    /// <summary><c>key (kind): rule</c>.</summary>
    public override string ToString() => $"{Key} ({Kind}): {Describe().English}";
}
