using FundingMatch.Text;
using NodaTime;
using NodaTime.Text;

namespace FundingMatch.Tests.Text;

/// <summary>The rules' dates are read and written without NodaTime's ISO pattern, and must say exactly what it says.</summary>
public class IsoDatesTests
{
    [Fact]
    public void Format_WritesWhatTheIsoPatternWrites() =>
        Gen.Int[1, 9999].Select(Gen.Int[1, 12], Gen.Int[1, 31]).Sample((year, month, day) =>
        {
            var date = new LocalDate(year, month, Math.Min(day, CalendarSystem.Iso.GetDaysInMonth(year, month)));
            IsoDates.Format(date).ShouldBe(LocalDatePattern.Iso.Format(date));
        });

    [Theory]
    [InlineData("2020-06-09")]
    [InlineData("2020-02-29")]
    [InlineData("2021-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("2000-02-29")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2020-13-01")]
    [InlineData("2020-00-10")]
    [InlineData("2020-04-31")]
    [InlineData("2020-04-00")]
    [InlineData("2020-1-01")]
    [InlineData("2020/01/01")]
    [InlineData("+2020-01-01")]
    [InlineData("-2020-01-01")]
    [InlineData("２０２０-01-01")]
    [InlineData(" 2020-01-01")]
    [InlineData("2020-01-01 ")]
    [InlineData("20200101")]
    [InlineData("")]
    public void TryParse_SaysWhatTheIsoPatternSays(string text)
    {
        var expected = LocalDatePattern.Iso.Parse(text);
        IsoDates.TryParse(text, out var date).ShouldBe(expected.Success, text);
        if (expected.Success)
        {
            date.ShouldBe(expected.Value);
        }
    }

    [Fact]
    public void TryParse_OfAnyTenCharacters_SaysWhatTheIsoPatternSays() =>
        // Mostly the shape of a date (digits and a dash in a date's places), now and then something else in a place.
        Gen.Int[0, 99].Select(Gen.Int[0, 14], (shape, odd) => (shape, odd)).Array[10].Select(places => new string(places.Select((p, i) =>
            p.shape < 90 ? (i is 4 or 7 ? '-' : (char)('0' + (p.odd % 10))) : "0123456789-+ /x"[p.odd]).ToArray())).Sample(text =>
        {
            var expected = LocalDatePattern.Iso.Parse(text);
            IsoDates.TryParse(text, out var date).ShouldBe(expected.Success, text);
            if (expected.Success)
            {
                date.ShouldBe(expected.Value);
            }
        });
}
