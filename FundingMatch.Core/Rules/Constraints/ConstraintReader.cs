using FundingMatch.Budgets;

namespace FundingMatch.Rules.Constraints;

/// <summary>
/// What a constraint kind reads from its entry in a rules file: the header and value text the loader has read,
/// and its own keys (sums, a bound). Every problem becomes an error with the file, line, column and key path; a
/// kind's reader returns null when anything was wrong.
/// </summary>
internal sealed class ConstraintReader
{
    private readonly Dictionary<string, JsonMemberAt> _members;
    private readonly JsonNodeAt _node;
    private readonly JsonNodeAt _valueNode;
    private readonly Action<JsonNodeAt, string, string> _error;

    internal ConstraintReader(ConstraintHeader header, string valueText, JsonNodeAt valueNode, JsonNodeAt node, string path,
        Dictionary<string, JsonMemberAt> members, Action<JsonNodeAt, string, string> error)
    {
        Header = header;
        ValueText = valueText;
        _valueNode = valueNode;
        _node = node;
        Path = path;
        _members = members;
        _error = error;
    }

    /// <summary>Key, code, severity, date and citation, as read.</summary>
    public ConstraintHeader Header { get; }

    /// <summary>The value as text (a JSON string, or a number's digits).</summary>
    public string ValueText { get; }

    /// <summary>The entry's key path, e.g. <c>versions[0].constraints[2]</c>.</summary>
    public string Path { get; }

    /// <summary>The value read by <paramref name="parse"/>, or null after an error at the value.</summary>
    public T? Value<T>(Func<string, T> parse)
        where T : struct
    {
        try
        {
            return parse(ValueText);
        }
        catch (FormatException e)
        {
            _error(_valueNode, Path + ".value", e.Message);
            return null;
        }
    }

    /// <summary>
    /// A sum of sources and kinds under <paramref name="key"/>: an array of terms (<c>["national"]</c>,
    /// <c>["private:in-kind"]</c>). Absent, it is <paramref name="fallback"/>, or an error when there is none.
    /// </summary>
    public MoneySelector? Selector(string key, MoneySelector? fallback = null)
    {
        if (!_members.TryGetValue(key, out var member))
        {
            if (fallback is null)
            {
                _error(_node, $"{Path}.{key}", $"missing key '{key}': expected an array of terms, each {MoneySelector.TermHelp}");
            }
            return fallback;
        }
        var path = $"{Path}.{key}";
        if (member.Value is not JsonArrayAt { Items.Count: > 0 } array)
        {
            _error(member.Value, path, $"expected a non-empty array of terms, each {MoneySelector.TermHelp}; found {member.Value.Kind}");
            return null;
        }
        var selector = MoneySelector.None;
        var ok = true;
        for (var i = 0; i < array.Items.Count; i++)
        {
            var item = array.Items[i];
            if (item is not JsonStringAt s || !MoneySelector.TryParse([s.Value], out var one, out _))
            {
                _error(item, $"{path}[{i}]", $"expected {MoneySelector.TermHelp}; found {(item is JsonStringAt t ? $"\"{t.Value}\"" : item.Kind)}");
                ok = false;
                continue;
            }
            if (selector.Overlaps(one))
            {
                _error(item, $"{path}[{i}]", $"'{s.Value}' repeats money an earlier term already counts");
                ok = false;
            }
            selector = selector.Union(one);
        }
        return ok ? selector : null;
    }

    /// <summary>The <c>bound</c> key: <c>at-most</c> or <c>at-least</c>.</summary>
    public BoundDirection? Direction()
    {
        if (!_members.TryGetValue("bound", out var member))
        {
            _error(_node, Path + ".bound", "missing key 'bound': expected \"at-most\" or \"at-least\"");
            return null;
        }
        switch (member.Value)
        {
            case JsonStringAt { Value: "at-most" }:
                return BoundDirection.AtMost;
            case JsonStringAt { Value: "at-least" }:
                return BoundDirection.AtLeast;
            default:
                _error(member.Value, Path + ".bound", $"expected \"at-most\" or \"at-least\", found {(member.Value is JsonStringAt s ? $"\"{s.Value}\"" : member.Value.Kind)}");
                return null;
        }
    }

    /// <summary>Builds the constraint; a contract the constructor refuses (two sides sharing a source, say) becomes an error at the entry.</summary>
    public Constraint? Build(Func<Constraint> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            _error(_node, Path, e.Message.Split(" (Parameter")[0]);
            return null;
        }
    }
}
