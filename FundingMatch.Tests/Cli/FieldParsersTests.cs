using System.Text;
using FundingMatch.Cli.Input;
using NodaTime;

namespace FundingMatch.Tests.Cli;

public class FieldParsersTests
{
    [Fact]
    public void TryParseDate_TakesExactlyTheDatesOfTheIsoCalendar()
    {
        var checkedDates = 0;
        foreach (var year in new[] { 1, 4, 100, 400, 1600, 1700, 1900, 2000, 2019, 2020, 2021, 2024, 2100, 2400, 9999 })
        {
            for (var month = 0; month <= 13; month++)
            {
                for (var day = 0; day <= 32; day++)
                {
                    var valid = month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month);
                    foreach (var separator in new[] { '-', '.' })
                    {
                        var text = $"{year:D4}{separator}{month:D2}{separator}{day:D2}";
                        FieldParsers.TryParseDate(Encoding.ASCII.GetBytes(text), out var date).ShouldBe(valid, text);
                        if (valid)
                        {
                            date.ShouldBe(new LocalDate(year, month, day));
                        }
                        checkedDates++;
                    }
                }
            }
        }
        checkedDates.ShouldBe(15 * 14 * 33 * 2);
        FieldParsers.TryParseDate("0000-01-01"u8, out _).ShouldBeFalse();
        FieldParsers.TryParseDate("2021-01.01"u8, out _).ShouldBeFalse();
        FieldParsers.TryParseDate("2021/01.01"u8, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2021-12-31 0:00")] // Excel's export of a date-time cell
    [InlineData("2021-12-31 00:00:00")]
    [InlineData("2021-12-31T00:00:00")]
    [InlineData("2021-12-31 오전 12:00:00")] // Korean Excel's
    [InlineData("2021-12-31 23:59")]
    [InlineData("2021.12.31(금)")] // the day of the week, as documents add it
    [InlineData("2021. 12. 31.(금)")]
    [InlineData("2021년 12월 31일(금요일)")]
    [InlineData("2021.12.31 (금) 09:00")]
    public void TryParseDate_TakesTheDay_WithItsWeekdayAndATimeOfDay(string text)
    {
        FieldParsers.TryParseDate(Encoding.UTF8.GetBytes(text), out var date).ShouldBeTrue(text);
        date.ShouldBe(new NodaTime.LocalDate(2021, 12, 31));
        FieldParsers.WrongWeekday(Encoding.UTF8.GetBytes(text)).ShouldBeNull();
    }

    [Theory]
    [InlineData("2021.12.31(목)")] // 31 December 2021 was a Friday
    [InlineData("2021-12-31 24:00")]
    [InlineData("2021-12-31 12:60")]
    [InlineData("2021-12-31 noon")]
    public void TryParseDate_RefusesAWrongWeekdayOrTime(string text) =>
        FieldParsers.TryParseDate(Encoding.UTF8.GetBytes(text), out _).ShouldBeFalse(text);

    [Fact]
    public void WrongWeekday_SaysTheDatesOwnDay() =>
        FieldParsers.WrongWeekday("2021.12.31(목)"u8).ShouldBe((new NodaTime.LocalDate(2021, 12, 31), '금'));

    [Theory]
    [InlineData("92.5", "92.5")]
    [InlineData("92.5점", "92.5")]
    [InlineData(" 80 점 ", "80")]
    [InlineData("-2", "-2")]
    [InlineData("점", null)]
    [InlineData("A", null)]
    [InlineData("92.5점점", null)]
    public void TryParseScore_ReadsANumber_WithOrWithoutJeom(string text, string? expected)
    {
        var ok = FieldParsers.TryParseScore(Encoding.UTF8.GetBytes(text), out var score);
        (ok ? score.ToString(System.Globalization.CultureInfo.InvariantCulture) : null).ShouldBe(expected, text);
    }

    [Theory]
    [InlineData("551", 551)]
    [InlineData("1,204", 1204)]
    [InlineData("551개", 551)]
    [InlineData("551개사", 551)]
    [InlineData(" 551 개소 ", 551)]
    [InlineData("12곳", 12)]
    [InlineData("551명", null)] // people, not firms
    [InlineData("개", null)]
    [InlineData("-1개", null)]
    [InlineData("5.5개", null)]
    public void TryParseCount_ReadsAFirmCount_WithTheCounterKoreanWritesAfterIt(string text, int? expected)
    {
        var ok = FieldParsers.TryParseCount(Encoding.UTF8.GetBytes(text), out var count);
        (ok ? count : (int?)null).ShouldBe(expected, text);
    }

    [Theory]
    [InlineData("-", true)]
    [InlineData("－", true)]
    [InlineData(" - ", true)]
    [InlineData(" ₩ - ", true)] // Excel's accounting format (회계) shows a zero so
    [InlineData("￦-", true)]
    [InlineData("―", true)] // the dashes Korean documents type for nothing
    [InlineData("—", true)]
    [InlineData(" – ", true)]
    [InlineData("ㅡ", true)]
    [InlineData("ㅡㅡ", false)]
    [InlineData("-1", false)]
    [InlineData("--", false)]
    [InlineData("₩", false)]
    [InlineData("₩ 0", false)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void IsNothing_TakesTheDashesSheetsWriteForNothing(string text, bool nothing) =>
        FieldParsers.IsNothing(Encoding.UTF8.GetBytes(text)).ShouldBe(nothing, text);

    [Theory]
    [InlineData("2021/12/31", 2021, 12, 31)]
    [InlineData("2021.12.31.", 2021, 12, 31)]
    [InlineData("2021. 12. 31.", 2021, 12, 31)]
    [InlineData("2021. 1. 5", 2021, 1, 5)]
    [InlineData("2021-1-5", 2021, 1, 5)]
    [InlineData(" 2021-12-31 ", 2021, 12, 31)]
    [InlineData("2021년 12월 31일", 2021, 12, 31)]
    [InlineData("2021년12월31일", 2021, 12, 31)]
    [InlineData("20211231", 2021, 12, 31)]
    [InlineData("2024/02/29", 2024, 2, 29)]
    public void TryParseDate_TakesTheFormsKoreanSheetsWrite(string text, int year, int month, int day)
    {
        FieldParsers.TryParseDate(Encoding.UTF8.GetBytes(text), out var date).ShouldBeTrue(text);
        date.ShouldBe(new LocalDate(year, month, day));
    }

    [Theory]
    [InlineData("2021/13/01")] // no such month
    [InlineData("2023/02/29")] // no such day
    [InlineData("20210230")]
    [InlineData("2021.12/31")] // two separators
    [InlineData("21.12.31")] // the year not in full: 1921 or 2021?
    [InlineData("31.12.2021")] // the day first
    [InlineData("12/31/2021")]
    [InlineData("2021 12 31")]
    [InlineData("2021년 12월")]
    [InlineData("２０２１-12-31")] // fullwidth digits
    [InlineData("2021-12-31T23:00:00Z")] // a time zone could move the day
    [InlineData("2021-12-31T23:00:00+09:00")]
    [InlineData("202112310")]
    public void TryParseDate_RefusesWhatIsNotPlainlyOneDate(string text) =>
        FieldParsers.TryParseDate(Encoding.UTF8.GetBytes(text), out _).ShouldBeFalse(text);
}
