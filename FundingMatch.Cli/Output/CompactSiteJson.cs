using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FundingMatch.Budgets;
using FundingMatch.Figures;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Text;
using FundingMatch.Validation;

namespace FundingMatch.Cli.Output;

/// <summary>
/// The compact JSON of a site and its findings, byte for byte what <see cref="JsonCheckWriter"/> writes through
/// <see cref="Utf8JsonWriter"/>, put together from pre-encoded pieces: writing sites key by key through the general
/// writer was most of <c>check</c>'s time on a million sites. A site with text to escape, and indented JSON, go the
/// general way; a test holds the two to the same bytes.
/// </summary>
/// <remarks>
/// Room for a whole site is made once, then every piece is written without a check; a text that repeats (a region, a
/// binding limit, the rounding) is encoded once and found again by reference first; the share is written from the
/// decimal's digits. About 0.55 µs a site before these, measured on the 100k perf file.
/// </remarks>
internal sealed class CompactSiteJson
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly byte[][] AmountPrefix = [.. Enum.GetValues<FundingSource>().SelectMany(source => Enum.GetValues<FundingKind>().Select(kind =>
        Encoding.UTF8.GetBytes($"{{\"source\":\"{FundingSources.Name(source)}\",\"kind\":\"{FundingSources.Name(kind)}\",\"amount\":")))];

    private static readonly int Kinds = Enum.GetValues<FundingKind>().Length;

    private readonly Dictionary<string, byte[]> _encoded = new(StringComparer.Ordinal);
    // The last few repeating texts by reference: a file's regions, and the rules' keys, are the same string objects.
    private readonly (string? Text, byte[] Json)[] _recent = new (string?, byte[])[16];
    private int _nextRecent;
    private readonly Language _language;
    private byte[] _buffer = new byte[4096];
    private int _length;

    /// <summary>A writer of sites whose findings' messages are in <paramref name="language"/>.</summary>
    public CompactSiteJson(Language language) => _language = language;

    /// <summary>What <see cref="TryAppend"/> has written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>Starts again from nothing written (the buffer is kept).</summary>
    public void Clear() => _length = 0;

    /// <summary>The JSON of <paramref name="s"/>, valid until the next call; false for a site with text to escape.</summary>
    public bool TryWrite(SiteAssessment s, out ReadOnlySpan<byte> json)
    {
        _length = 0;
        if (!TryAppend(s, comma: false))
        {
            json = default;
            return false;
        }
        json = Written;
        return true;
    }

    /// <summary>Appends bytes written some other way (the general writer's site) to <see cref="Written"/>.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        Room(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>
    /// Appends the JSON of <paramref name="s"/> to <see cref="Written"/>, after a comma if <paramref name="comma"/>;
    /// false, with nothing appended, for a site with text to escape.
    /// </summary>
    public bool TryAppend(SiteAssessment s, bool comma)
    {
        var site = s.Site;
        var f = s.Figures;
        var lines = site.LineSpan;
        // Every character of text at most 3 bytes (what needs more is escaped: declined).
        var p = Start(FiguresRoom(lines, f) + (3 * (site.SiteId.Length + site.Name.Length + site.Region.Length)) + FindingsRoom(s.Findings), comma);
        var b = _buffer;
        if (site.Origin is { } o)
        {
            Raw(b, ref p, "\"line\":"u8);
            Number(b, ref p, o.Line);
            Raw(b, ref p, ",\"siteId\":"u8);
        }
        else
        {
            Raw(b, ref p, "\"siteId\":"u8);
        }
        if (!Text(b, ref p, site.SiteId))
        {
            return false;
        }
        Raw(b, ref p, ",\"siteName\":"u8);
        if (!Text(b, ref p, site.Name))
        {
            return false;
        }
        Raw(b, ref p, ",\"region\":"u8);
        if (!Repeating(b, ref p, site.Region)
            || !Figures(b, ref p, lines, site.National.Value, site.Amount(FundingSource.Provincial).Value, site.Amount(FundingSource.Municipal).Value,
                site.Local.Value, site.Private.Value, site.InKind.Value, f))
        {
            return false;
        }
        if (s.Findings.Count == 0)
        {
            Raw(b, ref p, s.Passed ? ",\"passed\":true,\"findings\":[]}"u8 : ",\"passed\":false,\"findings\":[]}"u8);
        }
        else
        {
            Raw(b, ref p, s.Passed ? ",\"passed\":true,\"findings\":["u8 : ",\"passed\":false,\"findings\":["u8);
            for (var i = 0; i < s.Findings.Count; i++)
            {
                if (i > 0)
                {
                    b[p++] = (byte)',';
                }
                if (!Finding(b, ref p, s.Findings[i]))
                {
                    return false;
                }
            }
            Raw(b, ref p, "]}"u8);
        }
        _length = p;
        return true;
    }

    /// <summary>
    /// As <see cref="TryAppend"/>, for a site that passed with no finding (<see cref="BudgetCheck.TryPass"/>), written
    /// from its row's cells: its id and name as the file has them in UTF-8, its lines, facts and figures. False, with
    /// nothing appended, for a text to escape or not in UTF-8 (the site is then built and written as a budget).
    /// </summary>
    // Hot for every site of a large file: optimized from its first call (see JudgedPart.Of).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAppendPassing(int line, ReadOnlySpan<byte> id, ReadOnlySpan<byte> name, string region, ReadOnlySpan<BudgetLine> lines,
        in SiteFacts facts, in SiteFigures f, bool comma)
    {
        var p = Start(FiguresRoom(lines, f) + id.Length + name.Length + (3 * region.Length), comma);
        var b = _buffer;
        Raw(b, ref p, "\"line\":"u8);
        Number(b, ref p, line);
        Raw(b, ref p, ",\"siteId\":"u8);
        if (!Text(b, ref p, id))
        {
            return false;
        }
        Raw(b, ref p, ",\"siteName\":"u8);
        if (!Text(b, ref p, name))
        {
            return false;
        }
        Raw(b, ref p, ",\"region\":"u8);
        if (!Repeating(b, ref p, region)
            || !Figures(b, ref p, lines, facts.National.Value, facts.Amount(FundingSource.Provincial).Value, facts.Amount(FundingSource.Municipal).Value,
                facts.Local.Value, facts.Amount(FundingSource.Private).Value, facts.Sum(MoneySelector.InKind).Value, f))
        {
            return false;
        }
        Raw(b, ref p, ",\"passed\":true,\"findings\":[]}"u8);
        _length = p;
        return true;
    }

    // Makes room for a site and starts it, after a comma if asked: gives where it goes on.
    private int Start(int room, bool comma)
    {
        Room(room);
        _amounts = 0;
        var p = _length;
        if (comma)
        {
            _buffer[p++] = (byte)',';
        }
        _buffer[p++] = (byte)'{';
        return p;
    }

    // Room for a site's money and figures: every number is at most 20 bytes, every character of text at most 3.
    private static int FiguresRoom(ReadOnlySpan<BudgetLine> lines, in SiteFigures f) =>
        1024 + (lines.Length * 96) + (3 * ((f.BindingLimit?.Length ?? 0) + f.LimitRounding.Describe().Length));

    // The site's money, from "national" to "rounding": what every site has, in the order the general writer writes it.
    private bool Figures(byte[] b, ref int p, ReadOnlySpan<BudgetLine> lines, long national, long provincial, long municipal, long local, long @private,
        long inKind, in SiteFigures f)
    {
        Raw(b, ref p, ",\"national\":"u8);
        Amount(b, ref p, national);
        Raw(b, ref p, ",\"provincial\":"u8);
        Amount(b, ref p, provincial);
        Raw(b, ref p, ",\"municipal\":"u8);
        Amount(b, ref p, municipal);
        Raw(b, ref p, ",\"local\":"u8);
        Amount(b, ref p, local);
        Raw(b, ref p, ",\"private\":"u8);
        Amount(b, ref p, @private);
        Raw(b, ref p, ",\"inKind\":"u8);
        Amount(b, ref p, inKind);
        Raw(b, ref p, ",\"total\":"u8);
        Amount(b, ref p, f.Total.Value);
        Raw(b, ref p, ",\"amounts\":["u8);
        var first = true;
        foreach (ref readonly var line in lines)
        {
            if (line.Amount != Won.Zero)
            {
                if (!first)
                {
                    b[p++] = (byte)',';
                }
                first = false;
                Raw(b, ref p, AmountPrefix[((int)line.Source * Kinds) + (int)line.Kind]);
                Amount(b, ref p, line.Amount.Value);
                b[p++] = (byte)'}';
            }
        }
        Raw(b, ref p, "],\"nationalSharePercent\":"u8);
        if (f.Total.Value > 0)
        {
            Number(b, ref p, Share.PercentOf(f.National, f.Total));
        }
        else
        {
            Raw(b, ref p, "null"u8);
        }
        Raw(b, ref p, ",\"maxNational\":"u8);
        AmountOrNull(b, ref p, f.MaxNational);
        Raw(b, ref p, ",\"headroom\":"u8);
        AmountOrNull(b, ref p, f.Headroom);
        Raw(b, ref p, ",\"bindingLimit\":"u8);
        if (f.BindingLimit is not { } binding)
        {
            Raw(b, ref p, "null"u8);
        }
        else if (!Repeating(b, ref p, binding))
        {
            return false;
        }
        Raw(b, ref p, ",\"rounding\":"u8);
        return Repeating(b, ref p, f.LimitRounding.Describe());
    }

    // As Json.Finding writes a finding.
    private bool Finding(byte[] b, ref int p, Finding f)
    {
        Raw(b, ref p, "{\"code\":"u8);
        if (!Repeating(b, ref p, f.Code))
        {
            return false;
        }
        Raw(b, ref p, f.Severity == Severity.Error ? ",\"severity\":\"error\",\"message\":"u8 : ",\"severity\":\"warning\",\"message\":"u8);
        if (!Text(b, ref p, f.Message.In(_language)))
        {
            return false;
        }
        if (f.SiteId is { } siteId && !(Key(b, ref p, ",\"siteId\":"u8) && Text(b, ref p, siteId)))
        {
            return false;
        }
        if (f.Rule is { } rule && !(Key(b, ref p, ",\"rule\":"u8) && Repeating(b, ref p, rule)))
        {
            return false;
        }
        if (f.Citation is { } citation && !(Key(b, ref p, ",\"citation\":"u8) && Text(b, ref p, citation.ToString())))
        {
            return false;
        }
        if (f.Expected is { } expected && !(Key(b, ref p, ",\"expected\":"u8) && Text(b, ref p, expected)))
        {
            return false;
        }
        if (f.Actual is { } actual && !(Key(b, ref p, ",\"actual\":"u8) && Text(b, ref p, actual)))
        {
            return false;
        }
        if (f.Origin is { } origin)
        {
            Raw(b, ref p, ",\"file\":"u8);
            if (!Repeating(b, ref p, origin.Source))
            {
                return false;
            }
            Raw(b, ref p, ",\"line\":"u8);
            Number(b, ref p, origin.Line);
        }
        if (f.FiscalYear is { } year)
        {
            Raw(b, ref p, ",\"fiscalYear\":"u8);
            Number(b, ref p, year);
        }
        b[p++] = (byte)'}';
        return true;
    }

    private static bool Key(byte[] b, ref int p, ReadOnlySpan<byte> key)
    {
        Raw(b, ref p, key);
        return true;
    }

    // Room for the findings: their texts at most 3 bytes a character, and their keys and numbers.
    private int FindingsRoom(IReadOnlyList<Finding> findings)
    {
        var room = 0;
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            room += 256 + (3 * (f.Code.Length + f.Message.In(_language).Length + (f.SiteId?.Length ?? 0) + (f.Rule?.Length ?? 0)
                + (f.Citation is { } c ? c.Section.Length + c.Document.Length + 2 : 0) + (f.Expected?.Length ?? 0) + (f.Actual?.Length ?? 0)
                + (f.Origin?.Source.Length ?? 0)));
        }
        return room;
    }

    private static void Raw(byte[] b, ref int p, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(b.AsSpan(p));
        p += bytes.Length;
    }

    private static void Number(byte[] b, ref int p, long value)
    {
        Utf8Formatter.TryFormat(value, b.AsSpan(p), out var written);
        p += written;
    }

    // As Utf8JsonWriter writes a decimal (its digits, with as many decimals as its scale); the general formatter for
    // anything whose digits do not fit in 32 bits.
    private static void Number(byte[] b, ref int p, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[1] != 0 || bits[2] != 0 || bits[3] < 0 || scale > 9)
        {
            Utf8Formatter.TryFormat(value, b.AsSpan(p), out var written);
            p += written;
            return;
        }
        var digits = (uint)bits[0];
        var unit = 1u;
        for (var i = 0; i < scale; i++)
        {
            unit *= 10;
        }
        Utf8Formatter.TryFormat(digits / unit, b.AsSpan(p), out var whole);
        p += whole;
        if (scale > 0)
        {
            b[p++] = (byte)'.';
            var fraction = digits % unit;
            for (var i = scale - 1; i >= 0; i--)
            {
                b[p + i] = (byte)('0' + (fraction % 10));
                fraction /= 10;
            }
            p += scale;
        }
    }

    // The amounts written for the site so far: most of a site's amounts repeat one of them (its lines the columns,
    // the largest national share the national amount), and are copied rather than formatted again.
    private readonly long[] _amountValues = new long[8];
    private readonly int[] _amountStarts = new int[8];
    private readonly int[] _amountLengths = new int[8];
    private int _amounts;

    private void Amount(byte[] b, ref int p, long value)
    {
        if (unchecked((ulong)value) < 10)
        {
            b[p++] = (byte)('0' + (int)value);
            return;
        }
        for (var i = 0; i < _amounts; i++)
        {
            if (_amountValues[i] == value)
            {
                // An earlier stretch of the same buffer, before p: the two never overlap.
                b.AsSpan(_amountStarts[i], _amountLengths[i]).CopyTo(b.AsSpan(p));
                p += _amountLengths[i];
                return;
            }
        }
        var start = p;
        Number(b, ref p, value);
        if (_amounts < _amountValues.Length)
        {
            _amountValues[_amounts] = value;
            _amountStarts[_amounts] = start;
            _amountLengths[_amounts++] = p - start;
        }
    }

    private void AmountOrNull(byte[] b, ref int p, Won? amount)
    {
        if (amount is { } a)
        {
            Amount(b, ref p, a.Value);
        }
        else
        {
            Raw(b, ref p, "null"u8);
        }
    }

    // A quoted JSON string that needs no escaping; false for anything else (the site is then declined, for the
    // general writer to write as it writes it).
    private static bool Text(byte[] b, ref int p, string value)
    {
        if (!NeedsNoEscaping(value))
        {
            return false;
        }
        b[p] = (byte)'"';
        var written = Encoding.UTF8.GetBytes(value, b.AsSpan(p + 1));
        b[p + 1 + written] = (byte)'"';
        p += written + 2;
        return true;
    }

    // A text given in UTF-8, quoted, that needs no escaping; false for anything else, as for a string (the writer's own
    // test on UTF-8: bytes that are not UTF-8 count as to escape).
    // Hot for every site of a large file: optimized from its first call (see JudgedPart.Of).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Text(byte[] b, ref int p, ReadOnlySpan<byte> utf8)
    {
        if (Encoder.FindFirstCharacterToEncodeUtf8(utf8) >= 0)
        {
            return false;
        }
        b[p] = (byte)'"';
        utf8.CopyTo(b.AsSpan(p + 1));
        b[p + 1 + utf8.Length] = (byte)'"';
        p += utf8.Length + 2;
        return true;
    }

    // A value that repeats (a region, a key): encoded once.
    private bool Repeating(byte[] b, ref int p, string value)
    {
        foreach (var (text, json) in _recent)
        {
            if (ReferenceEquals(text, value))
            {
                Raw(b, ref p, json);
                return true;
            }
        }
        if (!_encoded.TryGetValue(value, out var known))
        {
            var start = p;
            if (!Text(b, ref p, value))
            {
                return false;
            }
            known = b.AsSpan(start, p - start).ToArray();
            if (_encoded.Count < 4096)
            {
                _encoded[value] = known;
            }
            p = start;
        }
        _recent[_nextRecent] = (value, known);
        _nextRecent = (_nextRecent + 1) % _recent.Length;
        Raw(b, ref p, known);
        return true;
    }

    // The writer's own test (on the UTF-16 text, so that a lone surrogate is escaped as the writer escapes it).
    private static unsafe bool NeedsNoEscaping(string value)
    {
        fixed (char* text = value)
        {
            return Encoder.FindFirstCharacterToEncode(text, value.Length) < 0;
        }
    }

    private void Room(int bytes)
    {
        if (_length + bytes > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
        }
    }
}
