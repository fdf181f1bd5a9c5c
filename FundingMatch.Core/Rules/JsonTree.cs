using System.Text;
using System.Text.Json;

namespace FundingMatch.Rules;

/// <summary>
/// A JSON value with the line and column it starts at: System.Text.Json's DOM drops positions, and a strict
/// rules loader must name the line of every key it refuses.
/// </summary>
internal abstract record JsonNodeAt(int Line, int Column)
{
    public abstract string Kind { get; }
}

internal sealed record JsonObjectAt(int Line, int Column, IReadOnlyList<JsonMemberAt> Members) : JsonNodeAt(Line, Column)
{
    public override string Kind => "an object";
}

internal sealed record JsonMemberAt(string Key, int Line, int Column, JsonNodeAt Value);

internal sealed record JsonArrayAt(int Line, int Column, IReadOnlyList<JsonNodeAt> Items) : JsonNodeAt(Line, Column)
{
    public override string Kind => "an array";
}

internal sealed record JsonStringAt(int Line, int Column, string Value) : JsonNodeAt(Line, Column)
{
    public override string Kind => "a string";
}

internal sealed record JsonNumberAt(int Line, int Column, string Raw) : JsonNodeAt(Line, Column)
{
    public override string Kind => "a number";
}

internal sealed record JsonLiteralAt(int Line, int Column, JsonTokenType Token) : JsonNodeAt(Line, Column)
{
    public override string Kind => Token == JsonTokenType.Null ? "null" : "a boolean";
}

/// <summary>Reads UTF-8 JSON into <see cref="JsonNodeAt"/> nodes.</summary>
internal static class JsonTree
{
    /// <summary>Reads a whole file for a strict reader: a UTF-8 byte-order mark is skipped, and a syntax error
    /// becomes a <see cref="RulesFileException"/> with the file's name and line.</summary>
    public static JsonNodeAt ParseDocument(ReadOnlySpan<byte> utf8, string source)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }
        try
        {
            return Parse(utf8);
        }
        catch (JsonException e)
        {
            // One position, in characters: the reader counts bytes into the line and repeats them in its message.
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = new LineIndex(utf8).CharacterColumn(utf8, line, (int)(e.BytePositionInLine ?? 0));
            var message = e.Message.Split([" LineNumber:", " Path:"], StringSplitOptions.None)[0];
            throw new RulesFileException([new RulesFileError(source, line, column, "", $"not valid JSON: {message}")]);
        }
        catch (InvalidOperationException e) when (e.InnerException is System.Text.DecoderFallbackException || e.Message.Contains("UTF-8", StringComparison.OrdinalIgnoreCase))
        {
            // A string that is not valid UTF-8 (a file saved as CP949, say): the reader says so only when asked for the text.
            var (line, column) = LineOfFirstInvalidUtf8(utf8);
            throw new RulesFileException([new RulesFileError(source, line, column, "", "not valid UTF-8: save the rules file as UTF-8")]);
        }
    }

    private static (int Line, int Column) LineOfFirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var (line, start, i) = (1, 0, 0);
        while (i < utf8.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(utf8[i..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return (line, Encoding.UTF8.GetCharCount(utf8[start..i]) + 1);
            }
            if (rune.Value == '\n')
            {
                (line, start) = (line + 1, i + consumed);
            }
            i += consumed;
        }
        return (line, 1);
    }

    /// <exception cref="JsonException">The text is not JSON; the exception carries the line.</exception>
    public static JsonNodeAt Parse(ReadOnlySpan<byte> utf8)
    {
        var lines = new LineIndex(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        if (!reader.Read())
        {
            throw new JsonException("The file holds no JSON value.", null, 0, 0);
        }
        var node = ReadValue(ref reader, utf8, lines);
        if (reader.Read())
        {
            var (line, byteInLine) = lines.ByteAt((int)reader.TokenStartIndex);
            throw new JsonException("More than one JSON value: expected the file to end here.", null, line - 1, byteInLine);
        }
        return node;
    }

    private static JsonNodeAt ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8, LineIndex lines)
    {
        var (line, column) = lines.At(utf8, (int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<JsonMemberAt>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var (keyLine, keyColumn) = lines.At(utf8, (int)reader.TokenStartIndex);
                    var key = reader.GetString()!;
                    reader.Read();
                    members.Add(new JsonMemberAt(key, keyLine, keyColumn, ReadValue(ref reader, utf8, lines)));
                }
                return new JsonObjectAt(line, column, members);
            case JsonTokenType.StartArray:
                var items = new List<JsonNodeAt>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, utf8, lines));
                }
                return new JsonArrayAt(line, column, items);
            case JsonTokenType.String:
                return new JsonStringAt(line, column, reader.GetString()!);
            case JsonTokenType.Number:
                return new JsonNumberAt(line, column, Encoding.UTF8.GetString(reader.ValueSpan));
            default:
                return new JsonLiteralAt(line, column, reader.TokenType);
        }
    }

    private sealed class LineIndex
    {
        private readonly List<int> _starts = [0];

        public LineIndex(ReadOnlySpan<byte> utf8)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        /// <summary>The 1-based line of <paramref name="offset"/> and its 0-based byte position in that line.</summary>
        public (int Line, int Byte) ByteAt(int offset)
        {
            var index = _starts.BinarySearch(offset);
            if (index < 0)
            {
                index = ~index - 1;
            }
            return (index + 1, offset - _starts[index]);
        }

        /// <summary>The 1-based character column of byte <paramref name="byteInLine"/> of 1-based <paramref name="line"/>.</summary>
        public int CharacterColumn(ReadOnlySpan<byte> utf8, int line, int byteInLine)
        {
            if (line < 1 || line > _starts.Count)
            {
                return byteInLine + 1;
            }
            var start = _starts[line - 1];
            var end = Math.Min(start + byteInLine, utf8.Length);
            return Encoding.UTF8.GetCharCount(utf8[start..end]) + 1;
        }

        public (int Line, int Column) At(ReadOnlySpan<byte> utf8, int offset)
        {
            var index = _starts.BinarySearch(offset);
            if (index < 0)
            {
                index = ~index - 1;
            }
            var start = _starts[index];
            return (index + 1, Encoding.UTF8.GetCharCount(utf8[start..offset]) + 1);
        }
    }
}
