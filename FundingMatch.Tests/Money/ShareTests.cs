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
}
