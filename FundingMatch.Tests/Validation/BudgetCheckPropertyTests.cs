using System.Globalization;
using FundingMatch.Budgets;
using FundingMatch.Figures;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;
using FundingMatch.Totals;
using FundingMatch.Validation;

namespace FundingMatch.Tests.Validation;

public class BudgetCheckPropertyTests
{
    private static readonly ProgramRules Rules = TestData.Rules2020;

    private static readonly Gen<SiteBudget> GenSite =
        Gen.Select(Gen.Long[0, 5_000_000_000], Gen.Long[0, 8_000_000_000], Gen.Long[0, 8_000_000_000], Gen.Long[0, 3_000_000_000], Gen.Int[0, 5])
            .Select((n, p, m, pr, region) => TestData.Cash($"s{n % 97}-{p % 89}", n, p, m, pr) with { Region = $"region-{region}" });

    [Fact]
    public void SiteAtLargestAllowedNational_Passes_AndOneWonOverTheExactLimitFails() =>
        Gen.Select(Gen.Long[1, 20_000_000_000], Gen.Long[0, 5_000_000_000]).Sample((local, @private) =>
        {
            // Find the national amount where the site sits at its limits: national = maxNational of the resulting total.
            var rules = Rules.WithValue("local-share-min", "0%", "no local minimum");
            var max = FixedPoint(rules, n => TestData.Cash("s", n, local, 0, @private));
            var atMax = TestData.Cash("s", max.Value, local, 0, @private);
            var passes = BudgetCheck.Run(rules, [atMax]).Sites[0].Passed;
            // The exact limit: the largest national n with n <= 50% × (n + rest) and n <= cap, i.e. n <= rest, n <= cap.
            var rest = local + @private;
            var exact = Math.Min(rest, 2_500_000_000);
            var overExact = TestData.Cash("s", exact + 1, local, 0, @private);
            return passes && max.Value <= exact && !BudgetCheck.Run(rules, [overExact]).Sites[0].Passed;
        });

    // The national amount n with n == maxNational(total(n)): iterate from the cap down; converges in a few steps.
    private static Won FixedPoint(ProgramRules rules, Func<long, SiteBudget> site)
    {
        var n = Won.Parse("25억");
        for (var i = 0; i < 64; i++)
        {
            var max = SiteFigures.Compute(rules, site(n.Value)).MaxNational!.Value;
            if (max >= n)
            {
                return n;
            }
            n = max;
        }
        return n;
    }

    [Fact]
    public void Totals_EqualTheSumOfTheirParts() =>
        GenSite.List[0, 40].Sample(sites =>
        {
            var t = BudgetCheck.Run(Rules, sites).Totals;
            return t.All.National == Won.Sum(sites.Select(s => s.National))
                && t.All.Total == Won.Sum(sites.Select(s => s.Total))
                && t.All.Local == Won.Sum(sites.Select(s => s.Local))
                && t.All.Total == t.All.National + t.All.Local + t.All.Private
                && t.ByRegion.Sum(r => r.Totals.Sites) == sites.Count
                && Won.Sum(t.ByRegion.Select(r => r.Totals.Total)) == t.All.Total
                && t.All.Total == Won.Sum(FundingSources.All.SelectMany(source => FundingSources.Kinds.Select(kind => t.All.Amount(source, kind))))
                && t.EnvelopeLeft == Rules.NationalEnvelope!.Amount - t.All.National;
        });

    [Fact]
    public void Results_DoNotDependOnTheOrderOfSites() =>
        Gen.Select(GenSite.List[1, 30], Gen.Int).Sample((sites, seed) =>
        {
            var shuffled = sites.OrderBy(s => HashCode.Combine(seed, s.SiteId, s.National)).ToList();
            var a = BudgetCheck.Run(Rules, sites);
            var b = BudgetCheck.Run(Rules, shuffled);
            static string Key(CheckReport r) => string.Join("\n", r.Sites
                .Select(s => $"{s.Site.SiteId}|{string.Join(",", s.Site.Lines)}|{s.Figures.MaxNational}|{string.Join(",", s.Findings.Select(f => f.Code))}")
                .Order(StringComparer.Ordinal));
            static string Totals(SourceTotals t) => string.Join(",", FundingSources.All.SelectMany(s => FundingSources.Kinds.Select(k => t.Amount(s, k)))) + $"|{t.Sites}";
            return Key(a) == Key(b)
                && Totals(a.Totals.All) == Totals(b.Totals.All)
                && a.Totals.ByRegion.Select(r => r.Region + Totals(r.Totals)).SequenceEqual(b.Totals.ByRegion.Select(r => r.Region + Totals(r.Totals)))
                && a.ProgramFindings.Select(f => f.Code).SequenceEqual(b.ProgramFindings.Select(f => f.Code));
        });

    [Fact]
    public void MaxNational_NeverExceedsCapOrExactShare_MinimumsAreTight() =>
        GenSite.Sample(site =>
        {
            var f = SiteFigures.Compute(Rules, site);
            var max = f.MaxNational!.Value;
            var local = (ShareBound)Rules.Find("local-share-min")!;
            var min = local.Limit(site, Rules.Rounding.Value);
            return max <= Won.Parse("25억")
                && Share.Percent(50).Allows(max, f.Total)
                && max.Value % 1000 == 0
                && local.Share.IsMetBy(min, f.Total)
                && !local.Share.IsMetBy(min - new Won(1), f.Total) == (f.Total.Value > 0);
        });

    [Theory]
    [InlineData("ko-KR")]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("")]
    public void Results_AreTheSameUnderEveryCulture(string culture)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var report = BudgetCheck.Run(Rules, [.. TestData.Round2020, TestData.Site("x", "30억", "20억 5천만") with { FloorAreaM2 = 999.5m }]);
            var text = string.Join("\n", report.Sites.SelectMany(s => s.Findings).Concat(report.ProgramFindings).Select(f => $"{f.Code}|{f.Expected}|{f.Actual}|{f.Message.English}|{f.Message.Korean}"));
            text.ShouldBe(Expected);
            Won.Parse("7.5억").ShouldBe(new Won(750_000_000));
            new Won(1_234_567).ToString().ShouldBe("1,234,567");
            report.Totals.All.NationalShare!.Value.ToPercentString().ShouldBe("26.68%"); // 105억 / 393.5억
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    private static readonly string Expected = string.Join("\n",
        "local-share-short|>= 2,525,000,000|2,050,000,000|provincial + municipal + local + private money, 2,050,000,000 won (40.59%), is 475,000,000 won short of 50% of the total, 2,525,000,000 won|시·도비 + 시·군·구비 + 지방비 + 민간 2,050,000,000원(40.59%)이 총사업비의 50%인 2,525,000,000원에 475,000,000원 모자랍니다",
        "national-share-exceeded|<= 50% of 5,050,000,000|3,000,000,000 (59.41%)|national money, 3,000,000,000 won (59.41%), is more than 50% of the total, 5,050,000,000 won|국비 3,000,000,000원(59.41%)이 총사업비 5,050,000,000원의 50%를 넘습니다",
        "site-cap-exceeded|<= 2,500,000,000|3,000,000,000|national money, 3,000,000,000 won, is 500,000,000 won over the cap of 2,500,000,000 won a site|국비 3,000,000,000원이 1곳당 상한 2,500,000,000원을 500,000,000원 넘습니다",
        "floor-area-below-guide|>= 1,000 m2 (a guide)|999.5 m2|floor area of 999.5 m² is under the guide of about 1,000 m²|연면적 999.5m²가 구축 규모 기준 1,000m² 내외보다 작습니다",
        "envelope-exceeded|<= 7,500,000,000|10,500,000,000|national money adds up to 10,500,000,000 won, 3,000,000,000 won over the envelope of 7,500,000,000 won|국비 합계 10,500,000,000원이 총액 7,500,000,000원을 3,000,000,000원 넘습니다",
        "too-many-sites|<= 3|4|4 sites, more than the 3 the round selects|사업장이 4곳으로, 선정 규모 3곳보다 많습니다");
}
