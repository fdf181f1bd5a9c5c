using FundingMatch.Money;

namespace FundingMatch.Tests.Money;

public class WonTests
{
    [Theory]
    [InlineData("2500000000", 2_500_000_000L)]
    [InlineData("2,500,000,000", 2_500_000_000L)]
    [InlineData("2,500,000,000원", 2_500_000_000L)]
    [InlineData("25억", 2_500_000_000L)]
    [InlineData("25억원", 2_500_000_000L)]
    [InlineData("7.5억", 750_000_000L)]
    [InlineData("2,500백만원", 2_500_000_000L)]
    [InlineData("2,500,000천원", 2_500_000_000L)]
    [InlineData("1조 2,000억원", 1_200_000_000_000L)]
    [InlineData("7억 5,000만원", 750_000_000L)]
    [InlineData("1만 2,345원", 12_345L)]
    [InlineData("25억 원", 2_500_000_000L)]
    [InlineData("2,500백만 원", 2_500_000_000L)]
    [InlineData("1조 2,000억 원", 1_200_000_000_000L)]
    [InlineData("2억 5천만", 250_000_000L)]
    [InlineData("2억5,000만", 250_000_000L)]
    [InlineData("2억 5,000원", 200_005_000L)]
    [InlineData("343억원", 34_300_000_000L)]
    [InlineData("△1,000", -1_000L)]
    [InlineData("-1,000", -1_000L)]
    [InlineData("  1,000  ", 1_000L)]
    [InlineData("0", 0L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    // Excel's currency format (통화), as a CSV saved from it writes the cell.
    [InlineData("₩2,500,000,000", 2_500_000_000L)]
    [InlineData("￦2,500,000,000", 2_500_000_000L)]
    [InlineData("₩ 25억", 2_500_000_000L)]
    [InlineData("-₩1,000", -1_000L)]
    [InlineData("₩-1,000", -1_000L)]
    public void Parse_KnownForm_GivesExactWon(string text, long expected) =>
        Won.Parse(text).Value.ShouldBe(expected);

    [Theory]
    [InlineData("₩", AmountParseError.MissingNumber)]
    [InlineData("₩₩1", AmountParseError.UnexpectedCharacter)]
    [InlineData("-₩-1", AmountParseError.UnexpectedCharacter)]
    [InlineData("1₩", AmountParseError.UnexpectedCharacter)]
    public void TryParse_AWonSignOutOfPlace_IsNoAmount(string text, AmountParseError expected)
    {
        Won.TryParse(text, AmountUnit.Won, out _, out var error).ShouldBeFalse(text);
        error.ShouldBe(expected);
    }

    [Fact]
    public void Parse_AWonSign_SaysWon_WhateverThePlainUnit() =>
        Won.Parse("₩25", AmountUnit.Eok).Value.ShouldBe(25L); // as 25원 is; 25 alone would be 25억

    [Theory]
    // Found by fuzzing: many zeros after the point overflowed the power of ten (an OverflowException, not a result).
    [InlineData("0.00000000000000000000000000000000000000000000000000", 0L)]
    [InlineData("1.00000000000000000000000000000000000000000000000000억", 100_000_000L)]
    [InlineData("7.50000000000000000000000000000000000000000000억", 750_000_000L)]
    public void Parse_ManyZerosAfterThePoint_ChangeNothing(string text, long expected) =>
        Won.Parse(text).Value.ShouldBe(expected);

    [Fact]
    public void TryParse_ADigitFarBelowTheWon_IsNotWholeWon_NotAnOverflow()
    {
        Won.TryParse(("0." + new string('0', 60) + "1억").AsSpan(), AmountUnit.Won, out _, out var error).ShouldBeFalse();
        error.ShouldBe(AmountParseError.NotWholeWon);
    }

    [Theory]
    [InlineData("", AmountParseError.Empty)]
    [InlineData("   ", AmountParseError.Empty)]
    [InlineData("abc", AmountParseError.UnexpectedCharacter)]
    [InlineData("100x", AmountParseError.UnexpectedCharacter)]
    [InlineData("1.5원", AmountParseError.NotWholeWon)]
    [InlineData("2억5천", AmountParseError.AmbiguousThousand)]
    [InlineData("1조 5천", AmountParseError.AmbiguousThousand)]
    [InlineData("1.5", AmountParseError.NotWholeWon)]
    [InlineData("2,50,000", AmountParseError.MisplacedSeparator)]
    [InlineData("1234,567", AmountParseError.MisplacedSeparator)]
    [InlineData("1,0000", AmountParseError.MisplacedSeparator)]
    [InlineData(",100", AmountParseError.MisplacedSeparator)]
    [InlineData("억원", AmountParseError.MissingNumber)]
    [InlineData("-", AmountParseError.MissingNumber)]
    [InlineData("5억 1조", AmountParseError.UnitOrder)]
    [InlineData("1조 10,000억", AmountParseError.UnitOrder)]
    [InlineData("7 5,000만", AmountParseError.UnitOrder)]
    [InlineData("25억원 3", AmountParseError.UnexpectedCharacter)]
    [InlineData("9223372036854775808", AmountParseError.TooLarge)]
    [InlineData("100000000000000000000000000000000", AmountParseError.TooLarge)]
    [InlineData("1,000.", AmountParseError.UnexpectedCharacter)]
    [InlineData("2.500.000", AmountParseError.UnexpectedCharacter)]
    public void TryParse_Malformed_ReportsWhy(string text, AmountParseError expected)
    {
        Won.TryParse(text.AsSpan(), AmountUnit.Won, out _, out var error).ShouldBeFalse();
        error.ShouldBe(expected);
    }

    [Fact]
    public void Parse_Malformed_ThrowsFormatExceptionThatNamesValueAndExpectedForms()
    {
        var e = Should.Throw<FormatException>(() => Won.Parse("2,50,000"));
        e.Message.ShouldContain("'2,50,000'");
        e.Message.ShouldContain("25억원");
    }

    [Theory]
    [InlineData("2,500", AmountUnit.Million, 2_500_000_000L)]
    [InlineData("25", AmountUnit.Eok, 2_500_000_000L)]
    [InlineData("7.5", AmountUnit.Eok, 750_000_000L)]
    [InlineData("2,500,000", AmountUnit.Thousand, 2_500_000_000L)]
    [InlineData("25억원", AmountUnit.Million, 2_500_000_000L)]
    [InlineData("1,000원", AmountUnit.Eok, 1_000L)]
    public void Parse_PlainNumber_IsScaledByPlainUnitButExplicitUnitsWin(string text, AmountUnit unit, long expected) =>
        Won.Parse(text, unit).Value.ShouldBe(expected);

    [Theory]
    [InlineData(2_500_000_000L, "2,500,000,000", "2,500,000,000원", "25억원")]
    [InlineData(34_300_000_000L, "34,300,000,000", "34,300,000,000원", "343억원")]
    [InlineData(1_200_000_000_000L, "1,200,000,000,000", "1,200,000,000,000원", "1조 2,000억원")]
    [InlineData(750_000_000L, "750,000,000", "750,000,000원", "7억 5,000만원")]
    [InlineData(0L, "0", "0원", "0원")]
    [InlineData(-1_000L, "-1,000", "-1,000원", "-1,000원")]
    [InlineData(12_345L, "12,345", "12,345원", "1만 2,345원")]
    public void ToString_EachFormat_WritesKoreanBudgetForms(long won, string plain, string withUnit, string compact)
    {
        var amount = new Won(won);
        amount.ToString().ShouldBe(plain);
        amount.ToString("W", null).ShouldBe(withUnit);
        amount.ToString("K", null).ShouldBe(compact);
    }

    [Fact]
    public void ToString_CompactKorean_ParsesBackToTheSameAmount() =>
        Gen.Long[-1_000_000_000_000_000L, 1_000_000_000_000_000L].Sample(v =>
            Won.Parse(new Won(v).ToString("K", null)).Value == v);

    [Fact]
    public void ToString_IsTheInvariantGroupedForm_OfEveryLong()
    {
        foreach (var v in new[] { 0L, 1, -1, 9, 10, 99, 100, 999, 1000, -1000, 999_999, 1_000_000, long.MaxValue, long.MinValue, long.MinValue + 1 })
        {
            new Won(v).ToString().ShouldBe(v.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture));
        }
        Gen.Long.Sample(v => new Won(v).ToString() == v.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryFormat_WritesWhatToStringWrites_InEachFormat() =>
        Gen.Long.Sample(v =>
        {
            var amount = new Won(v);
            Span<char> buffer = stackalloc char[64];
            foreach (var format in new[] { "", "N", "W", "K", "R" })
            {
                if (!amount.TryFormat(buffer, out var written, format, null) || buffer[..written].ToString() != amount.ToString(format, null))
                {
                    return false;
                }
                // Too little room: false, as ISpanFormattable says, never a partial write taken for the whole.
                if (amount.TryFormat(buffer[..(written - 1)], out _, format, null))
                {
                    return false;
                }
            }
            // String interpolation goes through TryFormat.
            return $"{amount}|{amount:W}" == amount.ToString() + "|" + amount.ToString("W", null);
        });

    [Fact]
    public void Addition_Overflow_ThrowsInsteadOfWrapping() =>
        Should.Throw<OverflowException>(() => new Won(long.MaxValue) + new Won(1));

    [Fact]
    public void Multiplication_Overflow_ThrowsInsteadOfWrapping() =>
        Should.Throw<OverflowException>(() => new Won(long.MaxValue / 2 + 1) * 2);

    [Fact]
    public void Sum_AddsEveryAmount() =>
        Won.Sum([new Won(1), new Won(20), new Won(300)]).ShouldBe(new Won(321));
}
