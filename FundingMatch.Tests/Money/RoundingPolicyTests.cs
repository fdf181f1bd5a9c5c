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

    [Fact]
    public void Round_OfAWholeAmount_IsTheRoundingOfTheAmountOverOne() =>
        Gen.Select(Gen.Long, Gen.Long[1, long.MaxValue], Gen.Enum<RoundingDirection>())
            .Sample((v, unit, dir) =>
            {
                var policy = new RoundingPolicy(unit, dir);
                var expected = Reference(v, 1, unit, dir);
                return expected < long.MinValue || expected > long.MaxValue
                    ? Throws(() => policy.Round(new Won(v)))
                    : policy.Round(new Won(v)).Value == (long)expected;
            });

    [Fact]
    public void Round_AnyFraction_IsTheExactRounding_In64And128Bits() =>
        Gen.Select(Gen.Select(Gen.Long, Gen.Long[1, long.MaxValue], Gen.Int[0, 3]), Gen.Long[1, 1_000_000], Gen.Enum<RoundingDirection>())
            .Sample((fraction, unit, dir) =>
            {
                // Small, medium and full-range numerators and denominators: both the 64-bit path and the 128-bit one.
                var (n, d, size) = fraction;
                var numerator = size switch { 0 => (Int128)(n % 1_000_000_000_000L), 1 => n, _ => (Int128)n * 1_000_003 };
                var denominator = size == 0 ? (Int128)(d % 1_000_000_000L) + 1 : d;
                var policy = new RoundingPolicy(unit, dir);
                var expected = Reference(numerator, denominator, unit, dir);
                if (expected < long.MinValue || expected > long.MaxValue)
                {
                    return Throws(() => policy.Round(numerator, denominator));
                }
                return policy.Round(numerator, denominator).Value == (long)expected;
            });

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (OverflowException)
        {
            return true;
        }
    }

    // Exact rounding with unbounded integers: floor(n / (d·unit)), then the direction on the remainder.
    private static System.Numerics.BigInteger Reference(Int128 n, Int128 d, long unit, RoundingDirection dir)
    {
        var big = (System.Numerics.BigInteger)d * unit;
        var q = System.Numerics.BigInteger.Divide(n, big);
        var r = (System.Numerics.BigInteger)n - (q * big);
        if (r < 0)
        {
            q -= 1;
            r += big;
        }
        if (r != 0)
        {
            var twice = r * 2;
            q += dir switch
            {
                RoundingDirection.Up => 1,
                RoundingDirection.HalfUp => twice > big || (twice == big && q >= 0) ? 1 : 0,
                RoundingDirection.HalfEven => twice > big || (twice == big && !q.IsEven) ? 1 : 0,
                _ => 0,
            };
        }
        return q * unit;
    }
}
