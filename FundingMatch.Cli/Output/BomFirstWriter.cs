using System.Text;

namespace FundingMatch.Cli.Output;

/// <summary>Writes a byte-order mark (U+FEFF) before the first character written through it, and nothing if nothing is.</summary>
internal sealed class BomFirstWriter(TextWriter inner) : TextWriter
{
    private bool _started;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        Start();
        inner.Write(value);
    }

    public override void Write(string? value)
    {
        Start();
        inner.Write(value);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Start();
        inner.Write(buffer);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Start();
        inner.Write(buffer, index, count);
    }

    public override void Flush() => inner.Flush();

    /// <summary>Writes the BOM again before the next character: the output before it was taken back.</summary>
    public void Restart() => _started = false;

    private void Start()
    {
        if (!_started)
        {
            _started = true;
            inner.Write('\uFEFF');
        }
    }
}
