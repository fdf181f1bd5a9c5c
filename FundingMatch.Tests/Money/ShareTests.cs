using FundingMatch.Money;

namespace FundingMatch.Tests.Money;

public class ShareTests
{
    [Theory]
    [InlineData("50%", 1L, 2L)]
    [InlineData("12.5%", 1L, 8L)]
    [InlineData("100%", 1L, 1L)]
    [InlineData("0%", 0L, 1L)]
    [InlineData("60 %", 3L, 5L)]
    [InlineData("1/3", 1L, 3L)]
    public void Parse_Percentage_IsExactFraction(string text, long numerator, long denominator)
    {
        var share = Share.Parse(text);
        share.Numerator.ShouldBe(numerator);
        share.Denominator.ShouldBe(denominator);
    }

    [Theory]
    [InlineData("")]
    [InlineData("50")]
    [InlineData("%")]
    [InlineData("5.%")]
    [InlineData("-5%")]
    [InlineData("1/0")]
    [InlineData("half")]
    public void TryParse_Malformed_Fails(string text) => Share.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Allows_ExactlyHalf_PassesAndOneWonOverFails()
    {
        var half = Share.Percent(50);
        half.Allows(new Won(5_000_000_000), new Won(10_000_000_000)).ShouldBeTrue();
        half.Allows(new Won(5_000_000_001), new Won(10_000_000_000)).ShouldBeFalse();
    }

    [Fact]
    public void IsMetBy_ExactlyHalf_PassesAndOneWonShortFails()
    {
        var half = Share.Percent(50);
        half.IsMetBy(new Won(5_000_000_000), new Won(10_000_000_000)).ShouldBeTrue();
        half.IsMetBy(new Won(4_999_999_999), new Won(10_000_000_000)).ShouldBeFalse();
    }

    [Fact]
    public void Allows_LargestAmounts_DoesNotOverflow() =>
        Share.Percent(50).Allows(new Won(long.MaxValue / 2), new Won(long.MaxValue)).ShouldBeTrue();

    [Theory]
    [InlineData(75L, 343L, "21.87%")]
    [InlineData(268L, 343L, "78.13%")]
    [InlineData(1L, 2L, "50%")]
    [InlineData(1L, 3L, "33.33%")]
    [InlineData(2L, 3L, "66.67%")]
    public void ToPercentString_RoundsHalfUpForDisplay(long n, long d, string expected) =>
        new Share(n, d).ToPercentString().ShouldBe(expected);

    [Fact]
    public void Of_RoundsByPolicy()
    {
        var half = Share.Percent(50);
        half.Of(new Won(11_500_001_999), RoundingPolicy.DownToThousand).ShouldBe(new Won(5_750_000_000));
        half.Of(new Won(11_500_001_999), RoundingPolicy.UpToWon).ShouldBe(new Won(5_750_001_000));
        half.Of(new Won(11_500_001_999), RoundingPolicy.DownToWon).ShouldBe(new Won(5_750_000_999));
    }

    [Theory]
    [InlineData(1L, 2L, 2, "50")]
    [InlineData(29L, 200L, 2, "14.5")]
    [InlineData(1477L, 10000L, 2, "14.77")]
    [InlineData(1L, 3L, 4, "33.3333")]
    [InlineData(0L, 1L, 2, "0")]
    [InlineData(3L, 2L, 0, "150")]
    [InlineData(1L, 200000L, 2, "0")]
    [InlineData(1L, 20000L, 2, "0.01")]
    [InlineData(3074457345618258602L, 9223372036854775807L, 2, "33.33")] // past 64 bits once scaled
    [InlineData(9223372036854775807L, 9223372036854775806L, 6, "100")]
    public void ToPercent_IsTheRoundedPercentageWithoutTrailingZeros(long n, long d, int decimals, string expected)
    {
        var percent = new Share(n, d).ToPercent(decimals);
        // The text a report writes (JSON numbers too): no trailing zeros, no exponent.
        percent.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);
        percent.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToPercent_WritesTheSameDigitsAsDividingByTheScale()
    {
        // The percentage was once computed as a decimal division; reports must not change by a digit.
        var random = new Random(20200609);
        for (var i = 0; i < 20_000; i++)
        {
            var d = random.NextInt64(1, 40_000_000_000);
            var n = random.NextInt64(0, d * 2);
            var decimals = i % 5;
            var scale = 1L;
            for (var k = 0; k < decimals; k++)
            {
                scale *= 10;
            }
            var scaled = RoundingPolicy.DownToWon.Round((Int128)n * 100 * scale * 2 + d, d * 2).Value; // half up
            var divided = new decimal(scaled) / scale;
            new Share(n, d).ToPercent(decimals).ToString(System.Globalization.CultureInfo.InvariantCulture)
                .ShouldBe(divided.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{n}/{d} to {decimals} places");
            Share.PercentOf(new Won(n), new Won(d), decimals).ToString(System.Globalization.CultureInfo.InvariantCulture)
                .ShouldBe(divided.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{n} of {d} to {decimals} places");
        }
    }
}
