using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Validation;

namespace FundingMatch.Cli.Output;

/// <summary>
/// The compact JSON of a site without findings, byte for byte what <see cref="JsonCheckWriter"/> writes through
/// <see cref="Utf8JsonWriter"/>, put together from pre-encoded pieces: most sites of a large report pass, and
/// writing them key by key through the general writer was most of <c>check</c>'s time on a million sites. A site
/// with findings or with text to escape, and indented JSON, go the general way; a test holds the two to the same bytes.
/// </summary>
internal sealed class CompactSiteJson
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly byte[][] AmountPrefix = [.. Enum.GetValues<FundingSource>().SelectMany(source => Enum.GetValues<FundingKind>().Select(kind =>
        Encoding.UTF8.GetBytes($"{{\"source\":\"{FundingSources.Name(source)}\",\"kind\":\"{FundingSources.Name(kind)}\",\"amount\":")))];

    private static readonly int Kinds = Enum.GetValues<FundingKind>().Length;

    private readonly Dictionary<string, byte[]> _encoded = new(StringComparer.Ordinal);
    private byte[] _buffer = new byte[1024];
    private int _length;
    private bool _declined;

    /// <summary>The JSON of <paramref name="s"/>, valid until the next call; false for a site with findings or text to escape.</summary>
    public bool TryWrite(SiteAssessment s, out ReadOnlySpan<byte> json)
    {
        if (s.Findings.Count > 0)
        {
            json = default;
            return false;
        }
        var site = s.Site;
        var f = s.Figures;
        _length = 0;
        _declined = false;
        Raw("{"u8);
        if (site.Origin is { } o)
        {
            Raw("\"line\":"u8);
            Number(o.Line);
            Raw(","u8);
        }
        Raw("\"siteId\":"u8);
        String(site.SiteId, repeats: false);
        Raw(",\"siteName\":"u8);
        String(site.Name, repeats: false);
        Raw(",\"region\":"u8);
        String(site.Region, repeats: true);
        Raw(",\"national\":"u8);
        Number(site.National.Value);
        Raw(",\"provincial\":"u8);
        Number(site.Amount(FundingSource.Provincial).Value);
        Raw(",\"municipal\":"u8);
        Number(site.Amount(FundingSource.Municipal).Value);
        Raw(",\"local\":"u8);
        Number(site.Local.Value);
        Raw(",\"private\":"u8);
        Number(site.Private.Value);
        Raw(",\"inKind\":"u8);
        Number(site.InKind.Value);
        Raw(",\"total\":"u8);
        Number(f.Total.Value);
        Raw(",\"amounts\":["u8);
        var first = true;
        foreach (var line in site.LineSpan)
        {
            if (line.Amount != Won.Zero)
            {
                if (!first)
                {
                    Raw(","u8);
                }
                first = false;
                Raw(AmountPrefix[((int)line.Source * Kinds) + (int)line.Kind]);
                Number(line.Amount.Value);
                Raw("}"u8);
            }
        }
        Raw("],\"nationalSharePercent\":"u8);
        if (f.Total.Value > 0)
        {
            Number(Share.PercentOf(f.National, f.Total));
        }
        else
        {
            Raw("null"u8);
        }
        Raw(",\"maxNational\":"u8);
        NumberOrNull(f.MaxNational);
        Raw(",\"headroom\":"u8);
        NumberOrNull(f.Headroom);
        Raw(",\"bindingLimit\":"u8);
        if (f.BindingLimit is { } binding)
        {
            String(binding, repeats: true);
        }
        else
        {
            Raw("null"u8);
        }
        Raw(",\"rounding\":"u8);
        String(f.LimitRounding.Describe(), repeats: true);
        Raw(s.Passed ? ",\"passed\":true,\"findings\":[]}"u8 : ",\"passed\":false,\"findings\":[]}"u8);
        json = _declined ? default : _buffer.AsSpan(0, _length);
        return !_declined;
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        Room(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Number(long value)
    {
        Room(20);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written);
        _length += written;
    }

    private void Number(decimal value)
    {
        Room(32);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written);
        _length += written;
    }

    private void NumberOrNull(Won? amount)
    {
        if (amount is { } a)
        {
            Number(a.Value);
        }
        else
        {
            Raw("null"u8);
        }
    }

    // A quoted JSON string that needs no escaping (anything else declines the site, for the general writer to write
    // as it writes it). A value that repeats (a region, a key) is encoded once.
    private void String(string value, bool repeats)
    {
        if (repeats && _encoded.TryGetValue(value, out var known))
        {
            Raw(known);
            return;
        }
        if (!NeedsNoEscaping(value))
        {
            _declined = true;
            return;
        }
        Room(Encoding.UTF8.GetMaxByteCount(value.Length) + 2);
        _buffer[_length] = (byte)'"';
        var written = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 1));
        _buffer[_length + 1 + written] = (byte)'"';
        if (repeats && _encoded.Count < 4096)
        {
            _encoded[value] = _buffer.AsSpan(_length, written + 2).ToArray();
        }
        _length += written + 2;
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
