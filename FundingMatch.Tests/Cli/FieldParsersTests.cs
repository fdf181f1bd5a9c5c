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
        FieldParsers.TryParseDate("2021/01/01"u8, out _).ShouldBeFalse();
    }
}
