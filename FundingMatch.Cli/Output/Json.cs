using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FundingMatch.Explanations;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Validation;
using NodaTime.Text;

namespace FundingMatch.Cli.Output;

/// <summary>JSON output: camelCase, amounts as integer won, Korean written as itself, keys in a fixed order.</summary>
internal static class Json
{
    public static Utf8JsonWriter CreateWriter(Stream stream, bool compact) => new(stream, Options(compact));

    /// <summary>As <see cref="CreateWriter(Stream, bool)"/>, into a buffer.</summary>
    public static Utf8JsonWriter CreateWriter(System.Buffers.IBufferWriter<byte> buffer, bool compact) => new(buffer, Options(compact));

    private static JsonWriterOptions Options(bool compact) => new()
    {
        Indented = !compact,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
        // The writers here write a fixed shape, which the tests parse back; checking every call's place in the
        // document again costs a tenth of a large report's writing.
        SkipValidation = true,
    };

    /// <summary>Writes the JSON that <paramref name="write"/> produces to a text writer.</summary>
    public static void WriteTo(RenderContext ctx, Action<Utf8JsonWriter> write)
    {
        var writer = ctx.Writer;
        using var buffer = new MemoryStream();
        using (var json = CreateWriter(buffer, ctx.CompactJson))
        {
            write(json);
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.Write('\n');
    }

    public static void Won(this Utf8JsonWriter w, string name, Won amount) => w.WriteNumber(name, amount.Value);

    public static void WonOrNull(this Utf8JsonWriter w, string name, Won? amount)
    {
        if (amount is { } a)
        {
            w.WriteNumber(name, a.Value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void Percent(this Utf8JsonWriter w, string name, Share? share)
    {
        if (share is { } s)
        {
            w.WriteNumber(name, s.ToPercent(2));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary><c>{"source": "municipal", "kind": "in-kind", "amount": 5600000000}</c>.</summary>
    public static void Amount(this Utf8JsonWriter w, FundingSource source, FundingKind kind, Won amount)
    {
        w.WriteStartObject();
        w.WriteString("source", FundingSources.Name(source));
        w.WriteString("kind", FundingSources.Name(kind));
        w.WriteNumber("amount", amount.Value);
        w.WriteEndObject();
    }

    /// <summary>The report's head: the FundingMatch version that wrote it, then the program version it applied.</summary>
    public static void Program(this Utf8JsonWriter w, ProgramRules rules, RenderContext ctx)
    {
        w.WriteString("version", Library.Version);
        w.WriteStartObject("program");
        w.WriteString("id", rules.ProgramId);
        w.WriteString("version", rules.Version);
        // As LocalDatePattern.Iso writes it (a rules file's dates have four-digit years), without building that pattern.
        var effective = rules.Effective;
        w.WriteString("effective", string.Create(CultureInfo.InvariantCulture, $"{effective.Year:D4}-{effective.Month:D2}-{effective.Day:D2}"));
        w.WriteString("title", rules.Title.In(ctx.Language));
        w.WriteEndObject();
    }

    public static void Finding(this Utf8JsonWriter w, Finding f, RenderContext ctx)
    {
        w.WriteStartObject();
        w.WriteString("code", f.Code);
        w.WriteString("severity", f.Severity == Severity.Error ? "error" : "warning");
        w.WriteString("message", f.Message.In(ctx.Language));
        if (f.SiteId is not null)
        {
            w.WriteString("siteId", f.SiteId);
        }
        if (f.Rule is not null)
        {
            w.WriteString("rule", f.Rule);
        }
        if (f.Citation is not null)
        {
            w.WriteString("citation", f.Citation.ToString());
        }
        if (f.Expected is not null)
        {
            w.WriteString("expected", f.Expected);
        }
        if (f.Actual is not null)
        {
            w.WriteString("actual", f.Actual);
        }
        if (f.Origin is not null)
        {
            w.WriteString("file", f.Origin.Source);
            w.WriteNumber("line", f.Origin.Line);
        }
        if (f.FiscalYear is { } year)
        {
            w.WriteNumber("fiscalYear", year);
        }
        w.WriteEndObject();
    }

    public static void Derivation(this Utf8JsonWriter w, Derivation d, RenderContext ctx)
    {
        w.WriteStartObject();
        w.WriteString("figure", d.Figure);
        w.WriteString("label", d.Label.In(ctx.Language));
        w.WriteString("value", d.Value);
        if (d.Won is { } won)
        {
            w.WriteNumber("won", won);
        }
        if (d.Formula is not null)
        {
            w.WriteString("formula", d.Formula);
        }
        if (d.Rule is not null)
        {
            w.WriteString("rule", d.Rule);
        }
        if (d.Citation is not null)
        {
            w.WriteString("citation", d.Citation.ToString());
        }
        if (d.Rounding is not null)
        {
            w.WriteString("rounding", d.Rounding.English);
        }
        if (d.Note is not null)
        {
            w.WriteString("note", d.Note.In(ctx.Language));
        }
        if (d.Inputs.Count > 0)
        {
            w.WriteStartArray("inputs");
            foreach (var input in d.Inputs)
            {
                w.Derivation(input, ctx);
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
