using System.Text;
using FundingMatch.Cli.Input;
using FundingMatch.Text;

namespace FundingMatch.Cli.Output;

/// <summary>
/// Where <c>-o</c> writes, with nothing destroyed and nothing half-written: a regular file (or a new one) is written
/// to a temporary file beside it and moved over it only when the command succeeds; through a symbolic link, the
/// file the link points to is replaced and the link kept; a device (<c>/dev/null</c>), a FIFO or a terminal is
/// written through and never replaced. Every message names the path the user gave.
/// </summary>
internal sealed class OutputTarget : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly string? _temp;
    private readonly string? _replace;
    private readonly bool _keepsNothing;
    private bool _committed;

    private OutputTarget(string userPath, StreamWriter writer, string? temp, string? replace, bool keepsNothing = false)
    {
        UserPath = userPath;
        _writer = writer;
        _temp = temp;
        _replace = replace;
        _keepsNothing = keepsNothing;
    }

    /// <summary>The path as the user wrote it.</summary>
    public string UserPath { get; }

    /// <summary>The writer for the report.</summary>
    public TextWriter Writer => _writer;

    /// <summary>
    /// Opens <paramref name="userPath"/> for a report, in UTF-8 (a CSV report writes its own BOM: <see cref="BomFirstWriter"/>).
    /// A regular file among <paramref name="inputs"/> (the command's other arguments) is refused: the report would
    /// replace the budget or the rules it was made from.
    /// </summary>
    /// <exception cref="InputException">The path is a folder, its folder does not exist, or it is one of the inputs.</exception>
    public static OutputTarget Open(string userPath, IEnumerable<string> inputs)
    {
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var target = Resolved(userPath);
        var kind = FileKinds.Of(target);
        if (kind == FileKind.Regular && inputs.Any(input => File.Exists(input) && Resolved(input) == target))
        {
            throw Problem(userPath, "이 명령이 읽는 입력 파일입니다: 보고서가 그 파일을 덮어쓰게 되니 다른 경로를 주십시오",
                "is also an input of this command: the report would replace it; give another path");
        }
        switch (kind)
        {
            case FileKind.Directory:
                throw Problem(userPath, "폴더입니다: 보고서를 쓸 파일 경로를 주십시오", "is a folder: expected the path of a file to write the report to");
            case FileKind.Special:
                return new OutputTarget(userPath, new StreamWriter(new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite), encoding), null, null,
                    FileKinds.IsNullDevice(target));
        }
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw Problem(userPath, $"폴더 {folder}이(가) 없습니다", $"the folder {folder} does not exist");
        }
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        return new OutputTarget(userPath, new StreamWriter(temp, append: false, encoding), temp, target);
    }

    /// <summary>
    /// Whether what was written can be taken back (<see cref="TakeBack"/>): a report file, still a temporary one, or
    /// the null device, which kept nothing. Not a FIFO or a terminal, whose reader may have it already.
    /// </summary>
    public bool CanTakeBack => _temp is not null || _keepsNothing;

    /// <summary>Starts the report again from nothing: the temporary file emptied (the null device kept nothing).</summary>
    public void TakeBack()
    {
        if (!CanTakeBack)
        {
            throw new InvalidOperationException($"What was written to {UserPath} cannot be taken back.");
        }
        _writer.Flush();
        if (_temp is not null)
        {
            _writer.BaseStream.SetLength(0);
            _writer.BaseStream.Position = 0;
        }
    }

    /// <summary>Finishes the report: flushes it and, for a file, moves it into place.</summary>
    public void Commit()
    {
        _writer.Dispose();
        if (_temp is not null)
        {
            File.Move(_temp, _replace!, overwrite: true);
        }
        _committed = true;
    }

    /// <summary>An I/O failure's message, with the user's path where it named the temporary file.</summary>
    public string Describe(IOException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return _temp is null ? e.Message : e.Message.Replace(_temp, UserPath, StringComparison.Ordinal);
    }

    /// <summary>Closes the writer; an unfinished report's temporary file is removed, and nothing at the path is touched.</summary>
    public void Dispose()
    {
        try
        {
            _writer.Dispose();
        }
        catch (IOException)
        {
            // A device that refuses the last flush (/dev/full) has already been reported by the write that failed.
        }
        if (!_committed && _temp is not null)
        {
            File.Delete(_temp);
        }
    }

    // The file a path names: a full path, and through a symbolic link the file the link points to (the link stays a
    // link: what it points to is what gets the report).
    private static string Resolved(string path)
    {
        var full = Path.GetFullPath(path);
        return new FileInfo(full).LinkTarget is not null ? new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full : full;
    }

    private static InputException Problem(string path, string ko, string en) =>
        new(new InputProblem(path, null, null, null, null, new LocalizedText(ko, en)));
}
