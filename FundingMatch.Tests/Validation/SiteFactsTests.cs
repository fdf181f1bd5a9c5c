using FundingMatch.Budgets;
using FundingMatch.Figures;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;
using FundingMatch.Totals;
using FundingMatch.Validation;
using NodaTime;

namespace FundingMatch.Tests.Validation;

/// <summary>
/// A site judged by its facts (<see cref="BudgetCheck.TryPass"/>, the constraints' <see cref="SiteFacts"/> overloads)
/// is judged as its budget is: the same pass or not, the same figures, the same totals.
/// </summary>
public class SiteFactsTests
{
    // Every version of every embedded program: their rules read money, floor areas and completion dates.
    public static TheoryData<string, int> Versions()
    {
        var data = new TheoryData<string, int>();
        foreach (var program in ProgramCatalog.Embedded.Programs.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            for (var i = 0; i < program.Versions.Count; i++)
            {
                data.Add(program.Id, i);
            }
        }
        return data;
    }

    // Sites around the limits: cash and in kind, national zero at times, stated totals and 지방비 right or wrong, floor
    // areas and completion dates on either side of the guides and deadlines.
    private static readonly Gen<SiteBudget> GenSite =
        Gen.Select(Gen.Long[0, 6_000_000_000], Gen.Long[0, 6_000_000_000], Gen.Long[0, 6_000_000_000], Gen.Long[0, 3_000_000_000], Gen.Long[0, 2_000_000_000])
            .Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[-1, 4000], Gen.Int[-1, 2000], Gen.Int[0, 1])
            .Select(t =>
            {
                var ((n0, p0, m0, pr0, inKind0), nationalZero, stated, area, days, small) = t;
                // Half the sites as smart-manufacturing budgets are: tens of millions of won, national and private only.
                var (n, p, m, pr, inKind) = small == 1 ? (n0 / 150, 0, 0, pr0 / 150, 0) : (n0, p0, m0, pr0, inKind0);
                var national = nationalZero == 0 ? 0 : n;
                BudgetLine[] lines =
                [
                    new(FundingSource.National, FundingKind.Cash, new Won(national)),
                    new(FundingSource.Provincial, FundingKind.Cash, new Won(p)),
                    new(FundingSource.Municipal, FundingKind.Cash, new Won(m)),
                    new(FundingSource.Private, FundingKind.Cash, new Won(pr)),
                    new(FundingSource.Municipal, FundingKind.InKind, new Won(inKind)),
                ];
                var total = national + p + m + pr + inKind;
                return new SiteBudget
                {
                    SiteId = $"s{n % 101}",
                    Region = $"r{p % 3}",
                    Lines = lines,
                    StatedTotal = stated switch { 0 => null, 1 => new Won(total), _ => new Won(total + 1) },
                    StatedLocal = stated == 2 ? new Won(p + m + inKind) : stated == 3 ? new Won(p + m) : null,
                    FloorAreaM2 = area < 0 ? null : area,
                    PlannedCompletion = days < 0 ? null : new LocalDate(2020, 1, 1).PlusDays(days),
                    Origin = new SourceLocation("plan.csv", (int)(n % 1000) + 2),
                };
            });

    [Theory]
    [MemberData(nameof(Versions))]
    public void TryPass_SaysWhatAssessSays_WithTheSameFigures(string program, int version)
    {
        var rules = ProgramCatalog.Embedded.Get(program).Versions[version];
        var check = new BudgetCheck(rules, trackDuplicates: false);
        var passes = 0;
        GenSite.Sample(site =>
        {
            var assessed = check.Assess(site);
            var passed = check.TryPass(site.Facts, out var figures);
            passed.ShouldBe(assessed.Findings.Count == 0, string.Join(", ", assessed.Findings.Select(f => f.Code)));
            if (passed)
            {
                figures.ShouldBe(assessed.Figures);
                passes++;
            }
        }, iter: 2000);
        passes.ShouldBeGreaterThan(0); // the sites reach both answers
    }

    [Fact]
    public void TryPass_NamesTheFirstListedOfTwoEqualLimits_AsAssessDoes()
    {
        // A total of 50억: 50% of it is the 25억 cap, to the won.
        var site = TestData.Cash("tie", 2_500_000_000, 2_500_000_000);
        var check = new BudgetCheck(TestData.Rules2020);
        check.TryPass(site.Facts, out var figures).ShouldBeTrue();
        figures.ShouldBe(check.Assess(site).Figures);
        figures.MaxNational.ShouldBe(new Won(2_500_000_000));
        figures.BindingLimit.ShouldBe(TestData.Rules2020.SiteConstraints.First(c => c.NationalLimit(site, TestData.Rules2020.Rounding.Value) is not null).Key);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void EveryConstraint_SaysOfTheFactsWhatItSaysOfTheBudget(string program, int version)
    {
        var rules = ProgramCatalog.Embedded.Get(program).Versions[version];
        var rounding = rules.Rounding.Value;
        rules.SiteConstraints.ShouldAllBe(c => c.JudgesFacts);
        GenSite.Sample(site =>
        {
            var facts = site.Facts;
            foreach (var constraint in rules.SiteConstraints)
            {
                constraint.IsBrokenBy(facts, rounding).ShouldBe(constraint.IsBrokenBy(site, rounding), constraint.Key);
                constraint.NationalLimit(facts, rounding).ShouldBe(constraint.NationalLimit(site, rounding), constraint.Key);
            }
        }, iter: 500);
    }

    [Fact]
    public void Facts_AddUpTheLinesAsTheBudgetDoes() =>
        GenSite.Sample(site =>
        {
            var facts = SiteFacts.Of(site.LineSpan, site.StatedTotal, site.StatedLocal, site.FloorAreaM2, site.Firms, site.PlannedCompletion);
            facts.Total.ShouldBe(site.Total);
            facts.National.ShouldBe(site.National);
            facts.Local.ShouldBe(site.Local);
            facts.Sum(MoneySelector.InKind).ShouldBe(site.InKind);
            facts.Amount(FundingSource.Private).ShouldBe(site.Private);
            facts.HasNegative.ShouldBeFalse();
            facts.StatedTotal.ShouldBe(site.StatedTotal);
            facts.PlannedCompletion.ShouldBe(site.PlannedCompletion);
        }, iter: 200);

    [Fact]
    public void Facts_OfANegativeLine_SayTheSiteHasOne_AndItDoesNotPass()
    {
        var site = TestData.Cash("s", 1_000_000_000, 2_000_000_000) with
        {
            Lines = [new(FundingSource.National, FundingKind.Cash, new Won(1_000_000_000)), new(FundingSource.Private, FundingKind.Cash, new Won(-1))],
        };
        site.Facts.HasNegative.ShouldBeTrue();
        new BudgetCheck(TestData.Rules2020).TryPass(site.Facts, out _).ShouldBeFalse();
    }

    [Fact]
    public void AddPassed_CountsTheSiteAsAddingItsAssessmentDoes()
    {
        var sites = TestData.Round2020;
        var byAssessment = new BudgetCheck(TestData.Rules2020, trackDuplicates: false);
        var byFacts = new BudgetCheck(TestData.Rules2020, trackDuplicates: false);
        var tally = new CheckTally();
        foreach (var site in sites)
        {
            byAssessment.Add(byAssessment.Assess(site));
            byFacts.TryPass(site.Facts, out _).ShouldBeTrue(site.SiteId);
            byFacts.AddPassed(site.Facts, site.Region, site.Origin?.Source);
            tally.AddPassed();
        }
        var a = byAssessment.Complete().Totals;
        var b = byFacts.Complete().Totals;
        static string Key(SourceTotals t) => string.Join(",", FundingSources.All.SelectMany(s => FundingSources.Kinds.Select(k => t.Amount(s, k)))) + $"|{t.Sites}";
        Key(b.All).ShouldBe(Key(a.All));
        b.ByRegion.Select(r => r.Region + Key(r.Totals)).ShouldBe(a.ByRegion.Select(r => r.Region + Key(r.Totals)));
        tally.Summary.ShouldBe(new CheckSummary(sites.Count, 0, 0, sites.Count));
    }

    [Fact]
    public void AddPassed_IsRefused_WhenTheCheckTracksIds()
    {
        var site = TestData.Round2020[0];
        Should.Throw<InvalidOperationException>(() => new BudgetCheck(TestData.Rules2020).AddPassed(site.Facts, site.Region, null));
    }

    [Fact]
    public void TryPass_LeavesEverySiteToAssess_WhenARuleReadsMoreThanTheFacts()
    {
        var rules = TestData.Rules2020;
        var withBudgetRule = rules with { Constraints = [.. rules.Constraints, new IdRule()] };
        var check = new BudgetCheck(withBudgetRule);
        var site = TestData.Round2020[0];
        check.TryPass(site.Facts, out _).ShouldBeFalse();
        check.Assess(site).Findings.ShouldContain(f => f.Code == "id-rule");
    }

    // A rule of a library's own that reads the site's id: not a fact, so TryPass cannot judge by it.
    private sealed class IdRule() : Constraint(new ConstraintHeader("id-rule", "id-rule", Severity.Error, new LocalDate(2020, 1, 1), new Citation("test", "§1")))
    {
        public override string Kind => "id-rule";

        public override ConstraintScope Scope => ConstraintScope.Site;

        public override ConstraintValueKind ValueKind => ConstraintValueKind.Number;

        public override string ValueText => "1";

        public override FundingMatch.Text.LocalizedText Describe() => new("아이디", "an id rule");

        public override Constraint WithValue(string text, ConstraintHeader header) => this;

        public override bool IsBrokenBy(SiteBudget site, RoundingPolicy rounding) => site.SiteId.Length > 0;

        public override Finding FindingFor(SiteBudget site, RoundingPolicy rounding) => SiteFinding(site, "none", site.SiteId, "아이디", "an id");
    }
}
