using FundingMatch.Money;

namespace FundingMatch.Tests.Money;

public class RoundingPolicyTests
{
    [Theory]
    [InlineData(1_500L, 1_000L, RoundingDirection.Down, 1_000L)]
    [InlineData(1_500L, 1_000L, RoundingDirection.Up, 2_000L)]
    [InlineData(1_500L, 1_000L, RoundingDirection.HalfUp, 2_000L)]
    [InlineData(1_500L, 1_000L, RoundingDirection.HalfEven, 2_000L)]
    [InlineData(2_500L, 1_000L, RoundingDirection.HalfEven, 2_000L)]
    [InlineData(2_499L, 1_000L, RoundingDirection.HalfUp, 2_000L)]
    [InlineData(2_000L, 1_000L, RoundingDirection.Up, 2_000L)]
    [InlineData(-1_500L, 1_000L, RoundingDirection.Down, -2_000L)]
    [InlineData(-1_500L, 1_000L, RoundingDirection.HalfUp, -2_000L)]
    [InlineData(-2_500L, 1_000L, RoundingDirection.HalfEven, -2_000L)]
    [InlineData(999L, 1_000_000L, RoundingDirection.Down, 0L)]
    [InlineData(7L, 10L, RoundingDirection.Up, 10L)]
    public void Round_WholeAmount_FollowsUnitAndDirection(long won, long unit, RoundingDirection direction, long expected) =>
        new RoundingPolicy(unit, direction).Round(new Won(won)).Value.ShouldBe(expected);

    [Fact]
    public void Round_Fraction_IsExact() =>
        new RoundingPolicy(1, RoundingDirection.HalfUp).Round(5, 2).Value.ShouldBe(3);

    [Fact]
    public void Ctor_ZeroUnit_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new RoundingPolicy(0, RoundingDirection.Down));

    [Fact]
    public void Describe_NamesUnitAndDirection()
    {
        RoundingPolicy.DownToThousand.Describe().ShouldBe("down to 1,000 won");
        RoundingPolicy.DownToThousand.DescribeKorean().ShouldBe("1,000원 미만 절사");
    }

    [Fact]
    public void Round_AnyValue_IsMultipleOfUnitWithinOneUnit() =>
        Gen.Select(Gen.Long[-1_000_000_000_000L, 1_000_000_000_000L], Gen.Long[1, 10_000_000], Gen.Enum<RoundingDirection>())
            .Sample((v, unit, dir) =>
            {
                var r = new RoundingPolicy(unit, dir).Round(new Won(v)).Value;
                return r % unit == 0 && Math.Abs(r - v) < unit
                    && (dir != RoundingDirection.Down || r <= v)
                    && (dir != RoundingDirection.Up || r >= v);
            });
}
