using System.Globalization;
using System.Text;
using FundingMatch.Money;
using FundingMatch.Rules.Constraints;
using FundingMatch.Validation;
using FundingMatch.Text;
using NodaTime;
using NodaTime.Text;

namespace FundingMatch.Rules;

/// <summary>
/// Reads a program from a JSON rules file, strictly: an unknown, misplaced or duplicate key, a value of the wrong
/// type or a missing value is an error naming the key, the file and the line; every error in the file is reported.
/// The caller reads the file (the core does no I/O) and passes its bytes or text with the name to report.
/// </summary>
/// <example>
/// <code>
/// {
///   "id": "my-program",
///   "title": { "ko": "예시 사업", "en": "Example program" },
///   "versions": [ {
///     "version": "2024-01-01", "effective": "2024-01-01", "document": "Notice 2024-1",
///     "parameters": {
///       "rounding": { "value": { "unit": 1000, "direction": "down" }, "effective": "2024-01-01", "section": "§4" }
///     },
///     "constraints": [
///       { "key": "national-share-max", "kind": "share-bound", "code": "national-share-exceeded", "severity": "error",
///         "sum": ["national"], "bound": "at-most", "value": "60%", "effective": "2024-01-01", "section": "§2" },
///       { "key": "per-site-cap", "kind": "amount-cap", "code": "site-cap-exceeded", "severity": "error",
///         "sum": ["national"], "value": "30억원", "effective": "2024-01-01", "section": "§3" }
///     ] } ]
/// }
/// </code>
/// </example>
public static class RulesFile
{
    private static readonly string[] RootKeys = ["id", "title", "versions"];
    private static readonly string[] TitleKeys = ["ko", "en"];
    private static readonly string[] VersionKeys = ["version", "effective", "document", "parameters", "constraints"];
    private static readonly string[] ParameterEntryKeys = ["value", "effective", "section", "document"];
    private static readonly string[] ConstraintKeys = ["key", "kind", "code", "severity", "value", "effective", "section", "document", "reading", "per-year"];
    private static readonly string[] RoundingKeys = ["unit", "direction"];

    private static readonly string[] ParameterNames = [ParameterKeys.Rounding, ParameterKeys.RoundTotalCost];

    private static readonly string[] RequiredParameters = [ParameterKeys.Rounding];

    /// <summary>Reads a program from UTF-8 JSON text.</summary>
    /// <param name="utf8">The file's bytes (a UTF-8 byte-order mark is allowed).</param>
    /// <param name="source">The file's name, for error messages.</param>
    /// <exception cref="RulesFileException">The file breaks the format; every problem is listed.</exception>
    public static FundingProgram Parse(ReadOnlySpan<byte> utf8, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var root = JsonTree.ParseDocument(utf8, source);
        var reader = new Reader(source);
        var program = reader.ReadProgram(root);
        if (reader.Errors.Count > 0 || program is null)
        {
            throw new RulesFileException(reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
        }
        return program;
    }

    /// <summary>Reads a program from JSON text.</summary>
    /// <exception cref="RulesFileException">The file breaks the format; every problem is listed.</exception>
    public static FundingProgram Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), source);
    }

    private sealed class Reader(string source)
    {
        public List<RulesFileError> Errors { get; } = [];

        private void Error(int line, int column, string path, string message) =>
            Errors.Add(new RulesFileError(source, line, column, path, message));

        public FundingProgram? ReadProgram(JsonNodeAt root)
        {
            var members = Members(root, "", RootKeys, []);
            if (members is null)
            {
                return null;
            }
            var id = RequiredString(members, root, "", "id");
            if (id is not null && !Names.IsKebab(id))
            {
                var m = members["id"];
                Error(m.Line, m.Column, "id", $"'{id}' is not a program id: expected lower-case letters, digits and hyphens, such as sogongin-center-2020");
            }
            var title = ReadTitle(members, root);
            var versions = new List<ProgramRules>();
            if (Required(members, root, "", "versions") is { } versionsMember)
            {
                if (versionsMember.Value is not JsonArrayAt array)
                {
                    WrongType(versionsMember.Value, "versions", "an array of versions");
                }
                else if (array.Items.Count == 0)
                {
                    Error(array.Line, array.Column, "versions", "a program has at least one version");
                }
                else
                {
                    var seen = new Dictionary<LocalDate, int>();
                    for (var i = 0; i < array.Items.Count; i++)
                    {
                        var version = ReadVersion(array.Items[i], $"versions[{i}]", id ?? "", title);
                        if (version is null)
                        {
                            continue;
                        }
                        if (seen.TryGetValue(version.Effective, out var firstLine))
                        {
                            Error(array.Items[i].Line, array.Items[i].Column, $"versions[{i}]",
                                $"another version (line {firstLine}) takes effect on the same date {Iso(version.Effective)}");
                            continue;
                        }
                        seen[version.Effective] = array.Items[i].Line;
                        versions.Add(version);
                    }
                }
            }
            return Errors.Count == 0 && id is not null && title is not null ? new FundingProgram(id, title, versions) : null;
        }

        private LocalizedText? ReadTitle(Dictionary<string, JsonMemberAt> members, JsonNodeAt root)
        {
            if (Required(members, root, "", "title") is not { } titleMember)
            {
                return null;
            }
            var t = Members(titleMember.Value, "title", TitleKeys, []);
            if (t is null)
            {
                return null;
            }
            var ko = RequiredString(t, titleMember.Value, "title", "ko");
            var en = RequiredString(t, titleMember.Value, "title", "en");
            return ko is null || en is null ? null : new LocalizedText(ko, en);
        }

        private ProgramRules? ReadVersion(JsonNodeAt node, string path, string id, LocalizedText? title)
        {
            var members = Members(node, path, VersionKeys, [.. ParameterNames, .. ConstraintKeys]);
            if (members is null)
            {
                return null;
            }
            var version = RequiredString(members, node, path, "version");
            var effective = RequiredDate(members, node, path, "effective");
            var document = RequiredString(members, node, path, "document");
            var parametersMember = Required(members, node, path, "parameters");
            var constraintsMember = Required(members, node, path, "constraints");
            if (parametersMember is null || version is null || effective is null || document is null || title is null)
            {
                return null;
            }
            var parametersPath = path + ".parameters";
            var p = Members(parametersMember.Value, parametersPath, ParameterNames, ParameterEntryKeys);
            if (p is null)
            {
                return null;
            }
            foreach (var key in RequiredParameters)
            {
                if (!p.ContainsKey(key))
                {
                    Error(parametersMember.Value.Line, parametersMember.Value.Column, parametersPath, $"missing parameter '{key}'");
                }
            }
            var errorsBefore = Errors.Count;
            var context = new ParameterContext(this, p, parametersPath, document, effective.Value);
            var rounding = context.Ref(ParameterKeys.Rounding, ReadRounding);
            var roundTotal = context.Value(ParameterKeys.RoundTotalCost, ReadAmount);
            var constraints = constraintsMember is null ? null : ReadConstraints(constraintsMember.Value, path + ".constraints", document, effective.Value);
            if (Errors.Count > errorsBefore || rounding is null || constraints is null)
            {
                return null;
            }
            return new ProgramRules
            {
                ProgramId = id,
                Title = title,
                Version = version,
                Effective = effective.Value,
                Rounding = rounding,
                RoundTotalCost = roundTotal,
                Constraints = constraints,
            };
        }

        private List<Constraint>? ReadConstraints(JsonNodeAt node, string path, string document, LocalDate versionEffective)
        {
            if (node is not JsonArrayAt array)
            {
                WrongType(node, path, "an array of constraints");
                return null;
            }
            var list = new List<Constraint>();
            var keys = new Dictionary<string, int>(StringComparer.Ordinal);
            var ok = true;
            for (var i = 0; i < array.Items.Count; i++)
            {
                var item = array.Items[i];
                var itemPath = $"{path}[{i}]";
                var constraint = ReadConstraint(item, itemPath, document, versionEffective);
                if (constraint is null)
                {
                    ok = false;
                    continue;
                }
                if (keys.TryGetValue(constraint.Key, out var firstLine))
                {
                    Error(item.Line, item.Column, itemPath + ".key", $"another constraint (line {firstLine}) has the key '{constraint.Key}': keys are distinct");
                    ok = false;
                    continue;
                }
                keys[constraint.Key] = item.Line;
                list.Add(constraint);
            }
            return ok ? list : null;
        }

        private Constraint? ReadConstraint(JsonNodeAt node, string path, string document, LocalDate versionEffective)
        {
            if (node is not JsonObjectAt obj)
            {
                WrongType(node, path, "a constraint object");
                return null;
            }
            // The kind decides which further keys are allowed, so it is read first.
            var kindMember = obj.Members.FirstOrDefault(m => m.Key == "kind");
            if (kindMember is null)
            {
                Error(node.Line, node.Column, path + ".kind", $"missing key 'kind': expected one of {KindNames}");
                return null;
            }
            if (kindMember.Value is not JsonStringAt kindText || ConstraintKinds.Find(kindText.Value) is not { } kind)
            {
                var found = kindMember.Value is JsonStringAt s ? s.Value : null;
                var suggestion = found is null ? null : ConstraintKinds.All.Select(k => k.Name).MinBy(k => Distance(k, found));
                var hint = suggestion is not null && Distance(suggestion, found!) <= 3 ? $"; did you mean '{suggestion}'?" : "";
                Error(kindMember.Value.Line, kindMember.Value.Column, path + ".kind",
                    $"{(found is null ? $"expected a string, found {kindMember.Value.Kind}" : $"'{found}' is not a constraint kind")}: expected one of {KindNames}{hint}");
                return null;
            }
            var allowed = ConstraintKeys.Concat(kind.Keys).ToArray();
            var members = Members(node, path, allowed, []);
            if (members is null)
            {
                return null;
            }
            var errorsBefore = Errors.Count;
            var key = RequiredString(members, node, path, "key");
            if (key is not null && !Names.IsKebab(key))
            {
                var m = members["key"];
                Error(m.Value.Line, m.Value.Column, path + ".key", $"'{key}' is not a constraint key: expected lower-case letters, digits and hyphens, such as per-site-cap");
            }
            var code = RequiredString(members, node, path, "code");
            if (code is not null && !Names.IsKebab(code))
            {
                var m = members["code"];
                Error(m.Value.Line, m.Value.Column, path + ".code", $"'{code}' is not a finding code: expected lower-case letters, digits and hyphens, such as site-cap-exceeded");
            }
            var severityText = RequiredString(members, node, path, "severity");
            Severity? severity = severityText switch
            {
                null => null,
                "error" => Severity.Error,
                "warning" => Severity.Warning,
                _ => null,
            };
            if (severityText is not null && severity is null)
            {
                var m = members["severity"];
                Error(m.Value.Line, m.Value.Column, path + ".severity", $"expected \"error\" or \"warning\", found \"{severityText}\"");
            }
            var effective = RequiredDate(members, node, path, "effective");
            if (effective is { } date && date > versionEffective)
            {
                var m = members["effective"];
                Error(m.Value.Line, m.Value.Column, path + ".effective",
                    $"{Iso(date)} is after the version's own effective date {Iso(versionEffective)}: a version holds only values in force when it takes effect");
            }
            var section = RequiredString(members, node, path, "section");
            var doc = members.ContainsKey("document") ? RequiredString(members, node, path, "document") : document;
            var reading = members.ContainsKey("reading") ? RequiredString(members, node, path, "reading") : null;
            var perYear = false;
            if (members.TryGetValue("per-year", out var perYearMember))
            {
                if (perYearMember.Value is JsonLiteralAt { Token: System.Text.Json.JsonTokenType.True or System.Text.Json.JsonTokenType.False } literal)
                {
                    perYear = literal.Token == System.Text.Json.JsonTokenType.True;
                }
                else
                {
                    WrongValue(perYearMember.Value, path + ".per-year", "true or false");
                }
            }
            string? valueText = null;
            if (Required(members, node, path, "value") is { } valueMember)
            {
                valueText = valueMember.Value switch
                {
                    JsonStringAt s => s.Value,
                    JsonNumberAt n => n.Raw,
                    _ => null,
                };
                if (valueText is null)
                {
                    WrongValue(valueMember.Value, path + ".value", "a string or a number");
                }
            }
            if (Errors.Count > errorsBefore || key is null || code is null || severity is null || effective is null || section is null || doc is null || valueText is null)
            {
                return null;
            }
            var header = new ConstraintHeader(key, code, severity.Value, effective.Value, new Citation(doc, section), reading, perYear);
            var reader = new ConstraintReader(header, valueText, members["value"].Value, node, path, members,
                (at, p, message) => Error(at.Line, at.Column, p, message));
            return kind.Read(reader);
        }

        private static string KindNames => string.Join(", ", ConstraintKinds.All.Select(k => k.Name));

        private sealed class ParameterContext(Reader reader, Dictionary<string, JsonMemberAt> parameters, string path, string document, LocalDate versionEffective)
        {
            public RuleParameter<T>? Value<T>(string key, Func<JsonNodeAt, string, T?> readValue)
                where T : struct =>
                Read<T>(key, (node, path) => readValue(node, path) is { } v ? (true, v) : (false, default));

            public RuleParameter<T>? Ref<T>(string key, Func<JsonNodeAt, string, T?> readValue)
                where T : class =>
                Read<T>(key, (node, path) => readValue(node, path) is { } v ? (true, v) : (false, default!));

            private RuleParameter<T>? Read<T>(string key, Func<JsonNodeAt, string, (bool Ok, T Value)> readValue)
            {
                if (!parameters.TryGetValue(key, out var member))
                {
                    return null;
                }
                var entryPath = $"{path}.{key}";
                var entry = reader.Members(member.Value, entryPath, ParameterEntryKeys, []);
                if (entry is null)
                {
                    return null;
                }
                var valueMember = reader.Required(entry, member.Value, entryPath, "value");
                var effective = reader.RequiredDate(entry, member.Value, entryPath, "effective");
                var section = reader.RequiredString(entry, member.Value, entryPath, "section");
                var doc = entry.ContainsKey("document") ? reader.RequiredString(entry, member.Value, entryPath, "document") : document;
                var (ok, value) = valueMember is null ? (false, default!) : readValue(valueMember.Value, entryPath + ".value");
                if (effective is { } date && date > versionEffective)
                {
                    var m = entry["effective"];
                    reader.Error(m.Line, m.Column, entryPath + ".effective",
                        $"{Iso(date)} is after the version's own effective date {Iso(versionEffective)}: a version holds only values in force when it takes effect");
                    return null;
                }
                return !ok || effective is null || section is null || doc is null
                    ? null
                    : new RuleParameter<T>(value, effective.Value, new Citation(doc, section));
            }
        }

        private Won? ReadAmount(JsonNodeAt node, string path)
        {
            Won amount;
            switch (node)
            {
                case JsonStringAt s:
                    if (!Won.TryParse(s.Value.AsSpan(), AmountUnit.Won, out amount, out var error))
                    {
                        Error(node.Line, node.Column, path, AmountParseErrors.Describe(error, s.Value));
                        return null;
                    }
                    break;
                case JsonNumberAt n when long.TryParse(n.Raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var won):
                    amount = new Won(won);
                    break;
                default:
                    WrongValue(node, path, "an amount: a whole number of won, or a string such as \"25억원\"");
                    return null;
            }
            if (amount.IsNegative)
            {
                Error(node.Line, node.Column, path, $"{amount} is negative: an amount in the rules is zero or more");
                return null;
            }
            return amount;
        }

        private LocalDate? ReadDateValue(JsonNodeAt node, string path)
        {
            if (node is JsonStringAt s && IsoDates.TryParse(s.Value, out var date))
            {
                return date;
            }
            WrongValue(node, path, "a date written yyyy-MM-dd, such as \"2021-12-31\"");
            return null;
        }

        private RoundingPolicy? ReadRounding(JsonNodeAt node, string path)
        {
            var members = Members(node, path, RoundingKeys, []);
            if (members is null)
            {
                return null;
            }
            var unitMember = Required(members, node, path, "unit");
            var directionText = RequiredString(members, node, path, "direction");
            long? unit = null;
            if (unitMember is not null)
            {
                unit = ReadAmount(unitMember.Value, path + ".unit") is { } u && u.Value >= 1 ? u.Value : null;
                if (unit is null)
                {
                    Error(unitMember.Value.Line, unitMember.Value.Column, path + ".unit", "expected a rounding unit of 1 won or more, such as 1000");
                }
            }
            RoundingDirection direction = default;
            if (directionText is not null && !RoundingPolicy.TryParseDirection(directionText, out direction))
            {
                var m = members["direction"];
                Error(m.Value.Line, m.Value.Column, path + ".direction", $"'{directionText}' is not a rounding direction: expected down, up, half-up or half-even");
                return null;
            }
            return unit is null || directionText is null ? null : new RoundingPolicy(unit.Value, direction);
        }

        internal Dictionary<string, JsonMemberAt>? Members(JsonNodeAt node, string path, string[] allowed, string[] belongsDeeper)
        {
            if (node is not JsonObjectAt obj)
            {
                WrongType(node, path, "an object");
                return null;
            }
            var members = new Dictionary<string, JsonMemberAt>(StringComparer.Ordinal);
            foreach (var member in obj.Members)
            {
                var memberPath = path.Length == 0 ? member.Key : $"{path}.{member.Key}";
                if (members.TryGetValue(member.Key, out var first))
                {
                    Error(member.Line, member.Column, memberPath, $"duplicate key '{member.Key}' (first on line {first.Line})");
                    continue;
                }
                if (!allowed.Contains(member.Key, StringComparer.Ordinal))
                {
                    Error(member.Line, member.Column, memberPath, UnknownKeyMessage(member.Key, path, allowed, belongsDeeper));
                    continue;
                }
                members.Add(member.Key, member);
            }
            return members;
        }

        private static string UnknownKeyMessage(string key, string path, string[] allowed, string[] belongsDeeper)
        {
            var where = path.Length == 0 ? "at the top level" : $"in '{path}'";
            if (belongsDeeper.Contains(key, StringComparer.Ordinal))
            {
                return $"misplaced key '{key}' {where}: it belongs one level down ({string.Join(", ", allowed)} are allowed here)";
            }
            var suggestion = allowed.Concat(belongsDeeper).MinBy(k => Distance(k, key));
            var hint = suggestion is not null && Distance(suggestion, key) <= 3 ? $"; did you mean '{suggestion}'?" : "";
            return $"unknown key '{key}' {where}: expected one of {string.Join(", ", allowed)}{hint}";
        }

        internal JsonMemberAt? Required(Dictionary<string, JsonMemberAt> members, JsonNodeAt owner, string path, string key)
        {
            if (members.TryGetValue(key, out var member))
            {
                return member;
            }
            Error(owner.Line, owner.Column, path.Length == 0 ? key : $"{path}.{key}", $"missing key '{key}'");
            return null;
        }

        internal string? RequiredString(Dictionary<string, JsonMemberAt> members, JsonNodeAt owner, string path, string key)
        {
            if (Required(members, owner, path, key) is not { } member)
            {
                return null;
            }
            if (member.Value is JsonStringAt { Value.Length: > 0 } s)
            {
                return s.Value;
            }
            WrongValue(member.Value, path.Length == 0 ? key : $"{path}.{key}", "a non-empty string");
            return null;
        }

        internal LocalDate? RequiredDate(Dictionary<string, JsonMemberAt> members, JsonNodeAt owner, string path, string key) =>
            Required(members, owner, path, key) is { } member ? ReadDateValue(member.Value, $"{path}.{key}") : null;

        private void WrongType(JsonNodeAt node, string path, string expected) =>
            Error(node.Line, node.Column, path, $"expected {expected}, found {node.Kind}");

        private void WrongValue(JsonNodeAt node, string path, string expected)
        {
            var found = node switch
            {
                JsonStringAt s => $"\"{s.Value}\"",
                JsonNumberAt n => n.Raw,
                _ => node.Kind,
            };
            Error(node.Line, node.Column, path, $"expected {expected}, found {found}");
        }
    }

    private static string Iso(LocalDate date) => IsoDates.Format(date);

    // Levenshtein distance, for "did you mean" on a mistyped key.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
