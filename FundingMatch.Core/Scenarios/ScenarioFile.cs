using System.Text;
using FundingMatch.Rules;

namespace FundingMatch.Scenarios;

/// <summary>
/// Reads named scenarios from JSON, as strictly as rules files: an unknown or duplicate key, a bad value or a
/// missing name is an error with the file, line and key.
/// </summary>
/// <example>
/// <code>
/// { "scenarios": [
///     { "name": "cap 30억", "per-site-cap": "30억" },
///     { "name": "60/40", "national-share-max": "60%", "local-share-min": "40%", "method": "proportional" } ] }
/// </code>
/// </example>
public static class ScenarioFile
{
    /// <summary>Reads the scenarios of a UTF-8 JSON file.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="source">The file's name, for error messages.</param>
    /// <param name="rules">The program whose constraints the scenarios change, by key.</param>
    /// <exception cref="RulesFileException">The file breaks the format; every problem is listed.</exception>
    public static IReadOnlyList<Scenario> Parse(ReadOnlySpan<byte> utf8, string source, ProgramRules rules)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(rules);
        var root = JsonTree.ParseDocument(utf8, source);
        var errors = new List<RulesFileError>();
        void Error(int line, int column, string path, string message) => errors.Add(new RulesFileError(source, line, column, path, message));
        var scenarios = new List<Scenario>();
        if (root is not JsonObjectAt obj || obj.Members.Count != 1 || obj.Members[0].Key != "scenarios" || obj.Members[0].Value is not JsonArrayAt array)
        {
            Error(root.Line, root.Column, "", "expected an object with one key, \"scenarios\", holding an array of scenarios");
            throw new RulesFileException(errors);
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Items.Count; i++)
        {
            var path = $"scenarios[{i}]";
            if (array.Items[i] is not JsonObjectAt item)
            {
                Error(array.Items[i].Line, array.Items[i].Column, path, "expected an object");
                continue;
            }
            var scenario = new Scenario { Name = "" };
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var m in item.Members)
            {
                var keyPath = $"{path}.{m.Key}";
                if (seen.TryGetValue(m.Key, out var firstLine))
                {
                    Error(m.Line, m.Column, keyPath, $"duplicate key '{m.Key}' (first on line {firstLine})");
                    continue;
                }
                seen[m.Key] = m.Line;
                var text = m.Value switch
                {
                    JsonStringAt s => s.Value,
                    JsonNumberAt n => n.Raw,
                    _ => null,
                };
                if (text is null)
                {
                    Error(m.Value.Line, m.Value.Column, keyPath, $"expected a string or a number, found {m.Value.Kind}");
                    continue;
                }
                if (m.Key == "name")
                {
                    if (text.Length == 0 || !names.Add(text))
                    {
                        Error(m.Value.Line, m.Value.Column, keyPath, text.Length == 0 ? "the name is empty" : $"another scenario is named '{text}'");
                    }
                    scenario = scenario with { Name = text };
                    continue;
                }
                try
                {
                    scenario = scenario.With(m.Key, text, rules);
                }
                catch (FormatException e)
                {
                    Error(m.Line, m.Column, keyPath, e.Message);
                }
            }
            if (!seen.ContainsKey("name"))
            {
                Error(item.Line, item.Column, path, "missing key 'name'");
            }
            scenarios.Add(scenario);
        }
        if (errors.Count > 0)
        {
            throw new RulesFileException(errors);
        }
        return scenarios;
    }

    /// <summary>Reads the scenarios of JSON text.</summary>
    /// <exception cref="RulesFileException">The file breaks the format.</exception>
    public static IReadOnlyList<Scenario> Parse(string json, string source, ProgramRules rules) => Parse(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))), source, rules);
}
