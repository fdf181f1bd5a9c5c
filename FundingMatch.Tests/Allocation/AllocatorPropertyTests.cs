using FundingMatch.Allocation;
using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Tests.Allocation;

/// <summary>The invariants of every method over thousands of random applicant sets and envelopes.</summary>
public class AllocatorPropertyTests
{
    private static readonly ProgramRules Rules = TestData.Rules2020;

    private static readonly Gen<long> GenEnvelope = Gen.Long[0, 50_000_000_000];

    private static readonly long[] Units = [1L, 1_000L, 1_000_000L, 7_777L];

    private static readonly Gen<long> GenUnit = Gen.Int[0, Units.Length - 1].Select(i => Units[i]);

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct => Gen.Select(Gen.Bool, gen).Select((has, v) => has ? v : (T?)null);

    private static readonly Gen<Applicant[]> GenApplicants =
        Gen.Select(Gen.Long[0, 8_000_000_000], Maybe(Gen.Long[0, 3_000_000_000]), Maybe(Gen.Int[0, 10]))
            .Array[1, 25]
            .Select(rows => rows.Select((r, i) => new Applicant(
                TestData.Cash($"s{i:D2}", 0, r.Item1),
                r.Item2 is { } req ? new Won(req) : null,
                r.Item3)).ToArray());

    private static AllocationResult Run(Applicant[] applicants, long envelope, AllocationMethod method, long unit = 1_000, PartialAward partial = PartialAward.Award) =>
        Allocator.Allocate(Rules, applicants, new AllocationOptions { Method = method, Envelope = new Won(envelope), AwardUnit = new Won(unit), Partial = partial });

    [Theory]
    [InlineData(AllocationMethod.Equal)]
    [InlineData(AllocationMethod.Proportional)]
    [InlineData(AllocationMethod.Ranked)]
    public void SumIsMinOfEnvelopeAndEntitlements_AndEveryAwardIsAMultipleWithinItsEntitlement(AllocationMethod method) =>
        Gen.Select(GenApplicants, GenEnvelope, GenUnit).Sample((applicants, envelope, unit) =>
        {
            var r = Run(applicants, envelope, method, unit);
            var expected = Math.Min(envelope / unit * unit, r.TotalEntitlement.Value);
            return r.Allocated.Value == expected
                && r.Allocations.All(a => a.Award >= Won.Zero && a.Award <= a.Entitlement && a.Award.Value % unit == 0 && a.Entitlement.Value % unit == 0)
                && r.LeftOver == new Won(envelope) - r.Allocated;
        }, iter: 2_000);

    [Fact]
    public void RankedSkip_NeverAllocatesMoreThanTheEnvelope_AndFundsOnlyWholeEntitlements() =>
        Gen.Select(GenApplicants, GenEnvelope).Sample((applicants, envelope) =>
        {
            var r = Run(applicants, envelope, AllocationMethod.Ranked, partial: PartialAward.Skip);
            return r.Allocated.Value <= envelope && r.Allocations.All(a => a.Award == Won.Zero || a.Award == a.Entitlement);
        }, iter: 2_000);

    [Theory]
    [InlineData(AllocationMethod.Equal)]
    [InlineData(AllocationMethod.Proportional)]
    [InlineData(AllocationMethod.Ranked)]
    public void ShufflingTheInput_DoesNotChangeAnyAward(AllocationMethod method) =>
        Gen.Select(GenApplicants, GenEnvelope, Gen.Int).Sample((applicants, envelope, seed) =>
        {
            var shuffled = applicants.OrderBy(a => HashCode.Combine(seed, a.Site.SiteId)).ToArray();
            var a = Run(applicants, envelope, method).Allocations.ToDictionary(x => x.SiteId, x => x.Award);
            var b = Run(shuffled, envelope, method).Allocations.ToDictionary(x => x.SiteId, x => x.Award);
            return a.All(kv => b[kv.Key] == kv.Value);
        }, iter: 1_000);

    [Theory]
    [InlineData(AllocationMethod.Equal)]
    [InlineData(AllocationMethod.Ranked)]
    public void RaisingTheEnvelope_NeverLowersAnAward(AllocationMethod method) =>
        Gen.Select(GenApplicants, GenEnvelope, Gen.Long[0, 10_000_000_000]).Sample((applicants, envelope, raise) =>
        {
            var before = Run(applicants, envelope, method).Allocations;
            var after = Run(applicants, envelope + raise, method).Allocations;
            return before.Zip(after).All(p => p.Second.Award >= p.First.Award);
        }, iter: 2_000);

    [Fact]
    public void Proportional_RaisingTheEnvelope_LowersNoAwardByMoreThanOneUnit() =>
        // Hamilton's method has the Alabama paradox: an award can drop by one unit, never more.
        Gen.Select(GenApplicants, GenEnvelope, Gen.Long[0, 100_000]).Sample((applicants, envelope, raise) =>
        {
            var before = Run(applicants, envelope, AllocationMethod.Proportional).Allocations;
            var after = Run(applicants, envelope + raise, AllocationMethod.Proportional).Allocations;
            return before.Zip(after).All(p => p.Second.Award.Value >= p.First.Award.Value - 1_000);
        }, iter: 2_000);

    [Theory]
    [InlineData(AllocationMethod.Equal)]
    [InlineData(AllocationMethod.Proportional)]
    public void EqualEntitlements_GetAwardsWithinOneUnit(AllocationMethod method) =>
        Gen.Select(Gen.Int[1, 40], Gen.Long[1_000_000, 8_000_000_000], GenEnvelope).Sample((count, total, envelope) =>
        {
            var applicants = Enumerable.Range(0, count).Select(i => new Applicant(TestData.Cash($"s{i}", 0, total))).ToArray();
            var awards = Run(applicants, envelope, method).Allocations.Select(a => a.Award.Value).ToList();
            return awards.Max() - awards.Min() <= 1_000;
        }, iter: 2_000);

    [Fact]
    public void Equal_IsMaxMinFair_NoUnderFundedSiteGetsLessThanAnotherSiteMinusOneUnit() =>
        Gen.Select(GenApplicants, GenEnvelope).Sample((applicants, envelope) =>
        {
            var r = Run(applicants, envelope, AllocationMethod.Equal).Allocations;
            // A site below its entitlement gets at least what any other site gets, less one unit.
            var max = r.Max(a => a.Award.Value);
            return r.Where(a => a.Award < a.Entitlement).All(a => a.Award.Value >= max - 1_000);
        }, iter: 2_000);
}
