using System.Globalization;
using System.Text;
using FundingMatch.Money;
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
///       "national-share-max": { "value": "60%", "effective": "2024-01-01", "section": "§2" },
///       "local-share-min":    { "value": "40%", "effective": "2024-01-01", "section": "§2" },
///       "local-sources":      { "value": ["provincial", "municipal"], "effective": "2024-01-01", "section": "§2" },
///       "per-site-cap":       { "value": "30억원", "effective": "2024-01-01", "section": "§3" },
///       "rounding":           { "value": { "unit": 1000, "direction": "down" }, "effective": "2024-01-01", "section": "§4" }
///     } } ]
/// }
/// </code>
/// </example>
public static class RulesFile
{
    private static readonly string[] RootKeys = ["id", "title", "versions"];
    private static readonly string[] TitleKeys = ["ko", "en"];
    private static readonly string[] VersionKeys = ["version", "effective", "document", "parameters"];
    private static readonly string[] ParameterEntryKeys = ["value", "effective", "section", "document"];
    private static readonly string[] RoundingKeys = ["unit", "direction"];

    private static readonly string[] ParameterNames =
    [
        ParameterKeys.NationalShareMax, ParameterKeys.LocalShareMin, ParameterKeys.LocalSources, ParameterKeys.PerSiteCap,
        ParameterKeys.Envelope, ParameterKeys.SitesInRound, ParameterKeys.CompletionDeadline, ParameterKeys.FloorAreaGuideM2,
        ParameterKeys.Rounding, ParameterKeys.RoundTotalCost,
    ];

    private static readonly string[] RequiredParameters =
        [ParameterKeys.NationalShareMax, ParameterKeys.LocalShareMin, ParameterKeys.LocalSources, ParameterKeys.Rounding];

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
            if (id is not null && !IsKebab(id))
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
            var members = Members(node, path, VersionKeys, ParameterNames);
            if (members is null)
            {
                return null;
            }
            var version = RequiredString(members, node, path, "version");
            var effective = RequiredDate(members, node, path, "effective");
            var document = RequiredString(members, node, path, "document");
            if (Required(members, node, path, "parameters") is not { } parametersMember)
            {
                return null;
            }
            var parametersPath = path + ".parameters";
            var p = Members(parametersMember.Value, parametersPath, ParameterNames, ParameterEntryKeys);
            if (p is null || version is null || effective is null || document is null || title is null)
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
            var nationalShareMax = context.Value(ParameterKeys.NationalShareMax, ReadShare);
            var localShareMin = context.Value(ParameterKeys.LocalShareMin, ReadShare);
            var localSources = context.Value(ParameterKeys.LocalSources, ReadSources);
            var perSiteCap = context.Value(ParameterKeys.PerSiteCap, ReadAmount);
            var envelope = context.Value(ParameterKeys.Envelope, ReadAmount);
            var sites = context.Value(ParameterKeys.SitesInRound, ReadPositiveInt);
            var deadline = context.Value(ParameterKeys.CompletionDeadline, ReadDateValue);
            var floorArea = context.Value(ParameterKeys.FloorAreaGuideM2, ReadPositiveDecimal);
            var rounding = context.Ref(ParameterKeys.Rounding, ReadRounding);
            var roundTotal = context.Value(ParameterKeys.RoundTotalCost, ReadAmount);
            if (Errors.Count > errorsBefore || nationalShareMax is null || localShareMin is null || localSources is null || rounding is null)
            {
                return null;
            }
            return new ProgramRules
            {
                ProgramId = id,
                Title = title,
                Version = version,
                Effective = effective.Value,
                NationalShareMax = nationalShareMax,
                LocalShareMin = localShareMin,
                LocalSources = localSources,
                PerSiteCap = perSiteCap,
                Envelope = envelope,
                SitesInRound = sites,
                CompletionDeadline = deadline,
                FloorAreaGuideM2 = floorArea,
                Rounding = rounding,
                RoundTotalCost = roundTotal,
            };
        }

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

        private Share? ReadShare(JsonNodeAt node, string path)
        {
            if (node is not JsonStringAt s || !Share.TryParse(s.Value, out var share))
            {
                WrongValue(node, path, "a percentage such as \"50%\"");
                return null;
            }
            if (share < Share.Zero || share > Share.Whole)
            {
                Error(node.Line, node.Column, path, $"'{s.Value}' is outside 0% to 100%");
                return null;
            }
            return share;
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

        private int? ReadPositiveInt(JsonNodeAt node, string path)
        {
            if (node is JsonNumberAt n && int.TryParse(n.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
            {
                return value;
            }
            WrongValue(node, path, "a whole number of 1 or more");
            return null;
        }

        private decimal? ReadPositiveDecimal(JsonNodeAt node, string path)
        {
            if (node is JsonNumberAt n && decimal.TryParse(n.Raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }
            WrongValue(node, path, "a positive number");
            return null;
        }

        private LocalDate? ReadDateValue(JsonNodeAt node, string path)
        {
            if (node is JsonStringAt s && LocalDatePattern.Iso.Parse(s.Value) is { Success: true } result)
            {
                return result.Value;
            }
            WrongValue(node, path, "a date written yyyy-MM-dd, such as \"2021-12-31\"");
            return null;
        }

        private FundingSource? ReadSources(JsonNodeAt node, string path)
        {
            const string expected = "an array of \"provincial\", \"municipal\" and/or \"private\"";
            if (node is not JsonArrayAt array || array.Items.Count == 0)
            {
                WrongValue(node, path, expected);
                return null;
            }
            var sources = FundingSource.None;
            var ok = true;
            for (var i = 0; i < array.Items.Count; i++)
            {
                var item = array.Items[i];
                if (item is not JsonStringAt s || !FundingSources.TryParse(s.Value, out var source) || source == FundingSource.National)
                {
                    WrongValue(item, $"{path}[{i}]", "\"provincial\", \"municipal\" or \"private\"");
                    ok = false;
                    continue;
                }
                if (sources.HasFlag(source))
                {
                    Error(item.Line, item.Column, $"{path}[{i}]", $"'{s.Value}' is listed twice");
                    ok = false;
                }
                sources |= source;
            }
            return ok ? sources : null;
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

    private static bool IsKebab(string id) =>
        id.Length > 0 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && id[0] != '-' && id[^1] != '-';

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

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
