using System.Text;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;

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

    /// <summary>The first bytes of <paramref name="stream"/> from where it stands, as many as fit in <paramref name="into"/>; the stream is left where it was.</summary>
    public static ReadOnlySpan<byte> Peek(Stream stream, Span<byte> into)
    {
        var start = stream.Position;
        var read = stream.ReadAtLeast(into, into.Length, throwOnEndOfStream: false);
        stream.Position = start;
        return into[..read];
    }

    /// <summary>
    /// Whether the lines of <paramref name="stream"/> end in a carriage return alone, as Excel for Mac's "CSV
    /// (Macintosh)" and old Mac files end them: its first 4 KB hold a carriage return and no line feed. It is left where it was.
    /// </summary>
    public static bool EndsLinesInCarriageReturns(Stream stream)
    {
        var head = Peek(stream, stackalloc byte[4096]);
        return head.IndexOf((byte)'\n') < 0 && head.IndexOf((byte)'\r') >= 0;
    }

    /// <summary>Whether <paramref name="stream"/> starts with a UTF-16 byte-order mark (FF FE or FE FF); it is left where it was.</summary>
    public static bool StartsAsUtf16(Stream stream)
    {
        var mark = Peek(stream, stackalloc byte[2]);
        return mark.SequenceEqual((ReadOnlySpan<byte>)[0xFF, 0xFE]) || mark.SequenceEqual((ReadOnlySpan<byte>)[0xFE, 0xFF]);
    }

    /// <summary>The encoding of <paramref name="stream"/> from its start, and how many bytes of byte-order mark to skip.</summary>
    public static (Encoding Encoding, int Preamble) Detect(Stream stream, EncodingChoice choice)
    {
        var start = stream.Position;
        var hasBom = Peek(stream, stackalloc byte[3]).SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
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
    /// <remarks>The rest of a file of more than two blocks is read from its handle, in two halves on two threads.</remarks>
    internal static bool IsValidUtf8(Stream stream, int block = 64 * 1024)
    {
        if (stream is FileStream { CanSeek: true } file && file.Length - file.Position > 2L * block && Environment.ProcessorCount > 1)
        {
            var start = file.Position;
            file.Position = file.Length;
            return IsValidUtf8(file.SafeFileHandle, start, file.Length, block);
        }
        return IsValidUtf8(stream.Read, block);
    }

    /// <summary>
    /// Whether bytes <paramref name="start"/> to <paramref name="end"/> of <paramref name="file"/> are well-formed
    /// UTF-8: the two halves on two threads, split after an ASCII byte near the middle (no sequence spans it: the
    /// whole is well-formed exactly when both halves are), each read in blocks of <paramref name="block"/> bytes.
    /// </summary>
    internal static bool IsValidUtf8(SafeFileHandle file, long start, long end, int block)
    {
        var split = AfterAsciiNear(file, start + ((end - start) / 2), end, block);
        if (split <= start || split >= end)
        {
            return IsValidUtf8(Reader(file, start, end), block);
        }
        var (first, second) = TwoThreads.Run(() => IsValidUtf8(Reader(file, start, split), block), () => IsValidUtf8(Reader(file, split, end), block));
        return first && second;
    }

    // Reads bytes of the file from start up to end, one call after another.
    private static Func<byte[], int, int, int> Reader(SafeFileHandle file, long start, long end)
    {
        var at = start;
        return (buffer, offset, count) =>
        {
            var n = RandomAccess.Read(file, buffer.AsSpan(offset, (int)Math.Min(count, end - at)), at);
            at += n;
            return n;
        };
    }

    // The position after the first ASCII byte from `from` within a block, or -1 when the block has none.
    private static long AfterAsciiNear(SafeFileHandle file, long from, long end, int block)
    {
        var buffer = new byte[(int)Math.Min(block, end - from)];
        var n = RandomAccess.Read(file, buffer, from);
        var at = buffer.AsSpan(0, n).IndexOfAnyInRange((byte)0, (byte)0x7F);
        return at < 0 ? -1 : from + at + 1;
    }

    private static bool IsValidUtf8(Func<byte[], int, int, int> read, int block)
    {
        // Validated without decoding (the vectorized check runs at memory speed); a sequence cut by the end of a
        // block is carried into the next, and one cut by the end of the file is not UTF-8.
        var buffer = new byte[block + 3];
        var carried = 0;
        int n;
        while ((n = read(buffer, carried, block)) > 0)
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
