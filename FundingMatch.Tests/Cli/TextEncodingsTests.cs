using System.Text;
using System.Text.Unicode;
using FundingMatch.Cli.Input;

namespace FundingMatch.Tests.Cli;

public class TextEncodingsTests
{
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
}
