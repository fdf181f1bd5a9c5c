using System.Text;

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

    internal static bool IsValidUtf8(Stream stream)
    {
        var decoder = StrictUtf8.GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[StrictUtf8.GetMaxCharCount(bytes.Length)];
        try
        {
            int n;
            while ((n = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
            }
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
