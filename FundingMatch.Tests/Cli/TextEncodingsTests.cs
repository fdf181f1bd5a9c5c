using System.Text;
using System.Text.Unicode;
using FundingMatch.Cli.Input;
using static FundingMatch.Tests.Cli.CliRunner;

namespace FundingMatch.Tests.Cli;

public class TextEncodingsTests
{
    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Check_Utf16Text_IsAnErrorThatSaysSo_NotAHeaderOfMojibake(string encoding)
    {
        // Excel's "Unicode text" is UTF-16 with a byte-order mark; read as CP949 it was one unreadable column name.
        var bytes = Encoding.GetEncoding(encoding).GetPreamble().Concat(Encoding.GetEncoding(encoding).GetBytes(File.ReadAllText(Sample("sogongin-2020.csv")))).ToArray();
        var r = Run("check", TempFile(bytes, "plan.csv"));
        r.ExitCode.ShouldBe(2, r.Out);
        r.Err.ShouldContain("plan.csv: error: UTF-16 text (it starts with a UTF-16 byte-order mark): save it from Excel as 'CSV UTF-8'");
        r.Err.ShouldNotContain("column");
    }

    [Theory]
    [InlineData("plan.xls")]
    [InlineData("plan.csv")]
    public void Check_AnExcel97Workbook_IsAnErrorThatSaysSo_UnderAnyName(string name)
    {
        // An OLE2 compound file (Excel 97-2003): read as CP949 text it was one header of mojibake and three missing columns.
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504], .. "site_id,national"u8];
        var path = TempFile(bytes, name);
        var r = Run("check", path);
        r.ExitCode.ShouldBe(2, r.Out);
        r.Err.ShouldBe($"{path}: error: an Excel 97-2003 workbook (.xls) or another binary document (a compound file, as .hwp and .doc are), which FundingMatch does not read: save the sheet from Excel as 'Excel Workbook (*.xlsx)' or 'CSV (Comma delimited)'\nThe input is wrong; nothing was judged (exit code 2).\n");
    }

    [Fact]
    public void Check_LinesEndingInACarriageReturnAlone_AreAnErrorThatSaysSo()
    {
        // Excel for Mac's "CSV (Macintosh)": read with line feeds for line ends, the file was one header of every cell.
        var path = TempFile("site_id,national,municipal\ra,25억,25억\r"u8.ToArray(), "mac.csv");
        var r = Run("check", path);
        r.ExitCode.ShouldBe(2, r.Out);
        r.Err.ShouldBe($"{path}: error: its lines end in a carriage return alone (Excel for Mac's 'CSV (Macintosh)'): save it again as 'CSV UTF-8 (Comma delimited)'\nThe input is wrong; nothing was judged (exit code 2).\n");
        // A carriage return before each line feed (Windows) is a line end as ever.
        Run("check", TempFile("site_id,national,municipal\r\na,25억,25억\r\n"u8.ToArray(), "win.csv")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void IsValidUtf8_InBlocksOfAnySize_AgreesWithTheWholeCheck()
    {
        var random = new Random(20200609);
        var pieces = new[] { "센터 ", "서울 마포구", "abc,123\n", "🏭", "€", "\u00e9" }.Select(Encoding.UTF8.GetBytes).ToArray();
        var checkedInvalid = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var bytes = new List<byte>();
            var count = random.Next(0, 12);
            for (var k = 0; k < count; k++)
            {
                bytes.AddRange(pieces[random.Next(pieces.Length)]);
            }
            // Now and then a damage: a random byte, a cut sequence, a CP949 pair.
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0:
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                    break;
                case 1 when bytes.Count > 0:
                    bytes.RemoveAt(random.Next(bytes.Count));
                    break;
                case 2:
                    bytes.AddRange(Encoding.UTF8.GetBytes("마").Take(random.Next(1, 3)));
                    break;
                case 3:
                    bytes.AddRange(new byte[] { 0xB8, 0xB6 }); // 마 in CP949
                    break;
            }
            var data = bytes.ToArray();
            var expected = Utf8.IsValid(data);
            checkedInvalid += expected ? 0 : 1;
            foreach (var block in new[] { 1, 2, 3, 4, 5, 7, 64 * 1024 })
            {
                TextEncodings.IsValidUtf8(new MemoryStream(data), block).ShouldBe(expected, $"{Convert.ToHexString(data)} in blocks of {block}");
            }
        }
        checkedInvalid.ShouldBeGreaterThan(300);
    }

    [Fact]
    public void IsValidUtf8_OfAFileInTwoHalves_AgreesWithTheWholeCheck()
    {
        // A file of more than two blocks is checked in two halves, split after an ASCII byte near its middle (or, with
        // none there, in a row): damage anywhere, a sequence across the middle, a file of Korean only.
        var random = new Random(20200610);
        var pieces = new[] { "센터", "서울 마포구", "abc,123\n", "🏭", "€", "공" }.Select(Encoding.UTF8.GetBytes).ToArray();
        var checkedInvalid = 0;
        var path = CliRunner.TempFile([], "halves.csv");
        for (var i = 0; i < 400; i++)
        {
            var bytes = new List<byte>();
            var count = random.Next(1, 60);
            var koreanOnly = random.Next(5) == 0;
            for (var k = 0; k < count; k++)
            {
                bytes.AddRange(pieces[koreanOnly ? 0 : random.Next(pieces.Length)]);
            }
            var middle = bytes.Count / 2;
            switch (random.Next(5))
            {
                case 0:
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes[Math.Clamp(middle + random.Next(-3, 4), 0, bytes.Count - 1)] = (byte)random.Next(0x80, 0x100);
                    break;
                case 2:
                    bytes.RemoveAt(Math.Clamp(middle + random.Next(-3, 4), 0, bytes.Count - 1));
                    break;
                case 3:
                    bytes.InsertRange(middle, new byte[] { 0xB8, 0xB6 }); // 마 in CP949
                    break;
            }
            var data = bytes.ToArray();
            File.WriteAllBytes(path, data);
            var expected = Utf8.IsValid(data);
            checkedInvalid += expected ? 0 : 1;
            foreach (var block in new[] { 3, 4, 7, 16 })
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
                TextEncodings.IsValidUtf8(stream, block).ShouldBe(expected, $"{Convert.ToHexString(data)} in blocks of {block}");
            }
        }
        checkedInvalid.ShouldBeGreaterThan(80);
    }
}
