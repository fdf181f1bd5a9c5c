using System.Runtime.InteropServices;

namespace FundingMatch.Cli.Output;

/// <summary>What a path is on the file system, as far as writing to it goes.</summary>
internal enum FileKind
{
    /// <summary>Nothing is there yet.</summary>
    Missing,

    /// <summary>A regular file: replaced atomically.</summary>
    Regular,

    /// <summary>A folder: not a place for a report.</summary>
    Directory,

    /// <summary>A device (/dev/null, a terminal), a FIFO or a socket: written through, never replaced.</summary>
    Special,
}

/// <summary>
/// Tells a regular file from a device or a FIFO, which .NET's file APIs do not: Linux's statx, whose layout is the
/// same on every architecture. Elsewhere, or if the call fails, an existing non-folder path counts as a regular file.
/// </summary>
internal static partial class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: mask, blksize, attributes (8), nlink, uid, gid, then mode (u16)
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;
    private const int Directory = 0x4000;
    private const int CharacterDevice = 0x2000;
    private const uint StatxBasicStats = 0x7FF;
    private const int RdevMajorOffset = 128; // after ino, size, blocks, attributes_mask and four 16-byte timestamps

    /// <summary>What <paramref name="path"/> is, following symbolic links.</summary>
    public static FileKind Of(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            return FileKind.Directory;
        }
        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }
        if (!OperatingSystem.IsLinux())
        {
            return FileKind.Regular;
        }
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return FileKind.Regular;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return FileKind.Regular;
        }
        var type = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
        return type switch
        {
            Regular => FileKind.Regular,
            Directory => FileKind.Directory,
            _ => FileKind.Special,
        };
    }

    /// <summary>
    /// Whether <paramref name="path"/>, followed through links, is the null device (character device 1:3 on Linux),
    /// which keeps nothing written to it. False elsewhere, or when it cannot be told.
    /// </summary>
    public static bool IsNullDevice(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
            {
                return false;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) == CharacterDevice
            && BitConverter.ToUInt32(buffer, RdevMajorOffset) == 1 && BitConverter.ToUInt32(buffer, RdevMajorOffset + 4) == 3;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
