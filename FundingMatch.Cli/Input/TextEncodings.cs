using System.Text;
using System.Text.Unicode;

namespace FundingMatch.Cli.Input;

/// <summary>What the user asked for with <c>--encoding</c>.</summary>
internal enum EncodingChoice
{
    Auto,
    Utf8,
    Cp949,
}

/// <summary>
/// Tells UTF-8 from CP949 (the code page Korean Excel saves CSV in): a UTF-8 byte-order mark, else bytes that are
/// all valid UTF-8, else CP949. The check reads the file once in blocks, so a large file costs no memory.
/// </summary>
internal static class TextEncodings
{
    private static readonly Lazy<Encoding> LazyCp949 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(949);
    });

    public static Encoding Cp949 => LazyCp949.Value;

    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The encoding of <paramref name="stream"/> from its start, and how many bytes of byte-order mark to skip.</summary>
    public static (Encoding Encoding, int Preamble) Detect(Stream stream, EncodingChoice choice)
    {
        var start = stream.Position;
        Span<byte> bom = stackalloc byte[3];
        var read = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        stream.Position = start;
        var hasBom = read == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF;
        switch (choice)
        {
            case EncodingChoice.Utf8:
                return (StrictUtf8, hasBom ? 3 : 0);
            case EncodingChoice.Cp949:
                return (Cp949, 0);
        }
        if (hasBom)
        {
            return (StrictUtf8, 3);
        }
        var valid = IsValidUtf8(stream);
        stream.Position = start;
        return (valid ? StrictUtf8 : Cp949, 0);
    }

    /// <summary>Whether the rest of <paramref name="stream"/> is well-formed UTF-8, read in blocks of <paramref name="block"/> bytes.</summary>
    internal static bool IsValidUtf8(Stream stream, int block = 64 * 1024)
    {
        // Validated without decoding (the vectorized check runs at memory speed); a sequence cut by the end of a
        // block is carried into the next, and one cut by the end of the file is not UTF-8.
        var buffer = new byte[block + 3];
        var carried = 0;
        int n;
        while ((n = stream.Read(buffer, carried, block)) > 0)
        {
            var length = carried + n;
            var complete = CompleteLength(buffer.AsSpan(0, length));
            if (!Utf8.IsValid(buffer.AsSpan(0, complete)))
            {
                return false;
            }
            carried = length - complete;
            buffer.AsSpan(complete, carried).CopyTo(buffer);
        }
        return carried == 0;
    }

    // The length of the bytes up to the last sequence that the bytes hold whole: all of them, unless they end
    // inside a sequence that more bytes could complete.
    private static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var i = bytes.Length - 1; i >= 0 && i >= bytes.Length - 3; i--)
        {
            var b = bytes[i];
            if ((b & 0xC0) == 0x80)
            {
                continue; // a continuation byte: its lead is further back
            }
            var needed = b switch
            {
                >= 0xF0 and <= 0xF4 => 4,
                >= 0xE0 and <= 0xEF => 3,
                >= 0xC2 and <= 0xDF => 2,
                _ => 1, // ASCII, or a byte that starts nothing (then the check fails on it)
            };
            return i + needed > bytes.Length ? i : bytes.Length;
        }
        return bytes.Length;
    }
}
