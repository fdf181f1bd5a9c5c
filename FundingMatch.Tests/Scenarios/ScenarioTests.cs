using FundingMatch.Allocation;
using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Scenarios;
using FundingMatch.Validation;

namespace FundingMatch.Tests.Scenarios;

public class ScenarioTests
{
    private static readonly ProgramRules Rules = TestData.Rules2020;

    [Theory]
    [InlineData("per-site-cap=20억..30억:5억", new[] { "20억원", "25억원", "30억원" })]
    [InlineData("national-share-max=40%..60%:10%", new[] { "40%", "50%", "60%" })]
    [InlineData("national-share-max=40%..50%:2.5%", new[] { "40%", "42.5%", "45%", "47.5%", "50%" })]
    [InlineData("envelope=50억..100억:20억", new[] { "50억원", "70억원", "90억원" })]
    [InlineData("sites-in-round=3..5:1", new[] { "3", "4", "5" })]
    [InlineData("per-site-cap=25억", new[] { "25억" })]
    [InlineData("method=ranked", new[] { "ranked" })]
    public void ParseRange_StepsFromFromToTo(string spec, string[] values) =>
        ScenarioGrid.ParseRange(spec, Rules).Values.ShouldBe(values);

    [Theory]
    [InlineData("per-site-cap", "'per-site-cap' is not a range")]
    [InlineData("per-site-cap=20억..30억", "has no step")]
    [InlineData("per-site-cap=30억..20억:1억", "FROM must not be above TO")]
    [InlineData("per-site-cap=20억..30억:0", "below 1 won")]
    [InlineData("national-share-max=40%..160%:10%", "expected a share from 0% to 100%")]
    [InlineData("frobs=1..2:1", "'frobs' cannot be swept")]
    [InlineData("completion-deadline=2021-01-01..2022-01-01:1", "'completion-deadline' cannot be swept")]
    [InlineData("completion-deadline=20211231", "completion-deadline: expected a date written yyyy-MM-dd")]
    [InlineData("frobs=1", "'frobs' is not a scenario parameter")]
    [InlineData("per-site-cap=1..100000000000:1", "more than 100,000 values")]
    public void ParseRange_Malformed_SaysWhatWasExpected(string spec, string message) =>
        Should.Throw<FormatException>(() => ScenarioGrid.ParseRange(spec, Rules)).Message.ShouldContain(message);

    [Theory]
    [InlineData("local-share-min=40%..60%:10%", new[] { "40%", "50%", "60%" })]
    [InlineData("completion-deadline=2022-06-30", new[] { "2022-06-30" })]
    [InlineData("floor-area-guide-m2=800", new[] { "800" })]
    public void ParseRange_AnyConstraintIsVariedByItsKey(string spec, string[] values) =>
        ScenarioGrid.ParseRange(spec, Rules).Values.ShouldBe(values);

    [Fact]
    public void ParseRange_ProgramOfAnotherShape_VariesItsOwnKeys()
    {
        ScenarioGrid.ParseRange("private-share-min=20%..30%:5%", TestData.Smart2025).Values.ShouldBe(["20%", "25%", "30%"]);
        Should.Throw<FormatException>(() => ScenarioGrid.ParseRange("envelope=1억", TestData.Smart2025)).Message.ShouldContain("not a scenario parameter");
    }

    [Fact]
    public void Expand_IsTheCartesianProductFirstRangeSlowest()
    {
        var grid = Grid("per-site-cap=20억..30억:5억", "national-share-max=40%..60%:10%");
        grid.Count.ShouldBe(9);
        grid[0].Name.ShouldBe("per-site-cap=20억원, national-share-max=40%");
        grid[1].Name.ShouldBe("per-site-cap=20억원, national-share-max=50%");
        grid[8].Changes.ShouldBe([new ScenarioChange("per-site-cap", "30억원"), new ScenarioChange("national-share-max", "60%")]);
    }

    private static IReadOnlyList<Scenario> Grid(params string[] specs) => ScenarioGrid.Expand([.. specs.Select(s => ScenarioGrid.ParseRange(s, Rules))], Rules);

    [Fact]
    public void Apply_ChangesOnlyThePatchedConstraintsAndCitesTheScenario()
    {
        var rules = new Scenario { Name = "cap 30" }.With("per-site-cap", "30억", Rules).Apply(Rules);
        var cap = rules.Find("per-site-cap").ShouldBeOfType<FundingMatch.Rules.Constraints.AmountCap>();
        cap.Amount.ShouldBe(Won.Parse("30억"));
        cap.Citation.Document.ShouldBe("what-if scenario 'cap 30'");
        cap.Code.ShouldBe("site-cap-exceeded");
        rules.Constraints.Where(c => c.Key != "per-site-cap").ShouldBe(Rules.Constraints.Where(c => c.Key != "per-site-cap"));
    }

    [Fact]
    public void Run_The2020Sweep_GivesNineScenariosWithStatusAwardAndDiff()
    {
        var grid = Grid("per-site-cap=20억..30억:5억", "national-share-max=40%..60%:10%");
        var sweep = ScenarioRunner.Run(Rules, TestData.Round2020, grid, cancellationToken: TestContext.Current.CancellationToken);
        sweep.Base.Passing.ShouldBe(3);
        sweep.Base.Allocated.ShouldBe(Won.Parse("75억"));
        sweep.Scenarios.Count.ShouldBe(9);
        var lowCap = sweep.Scenarios[0];
        lowCap.Failing.ShouldBe(3);
        lowCap.Site(0).Codes.ShouldBe(["site-cap-exceeded"]);
        lowCap.Site(0).MaxNational.ShouldBe(Won.Parse("20억"));
        lowCap.Site(0).Award.ShouldBe(Won.Parse("20억"));
        var changes = lowCap.ChangesFrom(sweep.Base);
        changes.Count.ShouldBe(3);
        changes.ShouldAllBe(c => c.StatusChanged && c.AwardDelta == -Won.Parse("5억"));
        sweep.Scenarios[4].ChangesFrom(sweep.Base).ShouldBeEmpty(); // 25억, 50%: the program itself
    }

    [Fact]
    public void Run_ResultsAreInScenarioOrderWhateverTheThreads()
    {
        var sites = Enumerable.Range(0, 500).Select(i => TestData.Site($"s{i}", $"{i % 40}억", $"{(i * 7) % 60}억")).ToList();
        var grid = Grid("per-site-cap=10억..40억:1억", "envelope=100억..500억:100억");
        var parallel = ScenarioRunner.Run(Rules, sites, grid, maxDegreeOfParallelism: -1, cancellationToken: TestContext.Current.CancellationToken);
        var serial = ScenarioRunner.Run(Rules, sites, grid, maxDegreeOfParallelism: 1, cancellationToken: TestContext.Current.CancellationToken);
        parallel.Scenarios.Select(s => s.Scenario.Name).ShouldBe(grid.Select(g => g.Name));
        parallel.Scenarios.Select(s => (s.Passing, s.Allocated, s.NationalAllowed)).ShouldBe(serial.Scenarios.Select(s => (s.Passing, s.Allocated, s.NationalAllowed)));
        for (var k = 0; k < grid.Count; k++)
        {
            ScenarioRunner.Evaluate(Rules, sites, grid[k]).Allocated.ShouldBe(parallel.Scenarios[k].Allocated);
        }
    }

    [Fact]
    public void Run_AgreesWithTheCheckAndTheAllocatorOneByOne()
    {
        var sites = TestData.Round2020.Append(TestData.Site("x", "30억", "10억")).ToList();
        var scenario = new Scenario { Name = "s", Method = AllocationMethod.Proportional }.With("national-share-max", "60%", Rules);
        var result = ScenarioRunner.Evaluate(Rules, sites, scenario);
        var rules = scenario.Apply(Rules);
        var report = BudgetCheck.Run(rules, sites);
        var allocation = Allocator.Allocate(rules, sites.Select(s => new Applicant(s, s.National)).ToList(), new AllocationOptions { Method = AllocationMethod.Proportional });
        for (var i = 0; i < sites.Count; i++)
        {
            result.Site(i).Passed.ShouldBe(report.Sites[i].Passed);
            result.Site(i).Codes.ShouldBe(report.Sites[i].Findings.Select(f => f.Code).Order(StringComparer.Ordinal).ToList());
            result.Site(i).Award.ShouldBe(allocation.Allocations[i].Award);
        }
        result.ProgramCodes.ShouldBe(report.ProgramFindings.Select(f => f.Code).ToList());
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Should.Throw<OperationCanceledException>(() => ScenarioRunner.Run(Rules, TestData.Round2020, [new Scenario { Name = "a" }], cancellationToken: cts.Token));
    }

    [Fact]
    public void ScenarioFile_ReadsNamedScenariosStrictly()
    {
        var scenarios = ScenarioFile.Parse("""
            { "scenarios": [
              { "name": "cap 30억", "per-site-cap": "30억" },
              { "name": "60/40", "national-share-max": "60%", "local-share-min": "40%", "method": "proportional", "sites-in-round": 4 }
            ] }
            """, "s.json", Rules);
        scenarios.Count.ShouldBe(2);
        scenarios[1].Apply(Rules).Find("sites-in-round").ShouldBeOfType<FundingMatch.Rules.Constraints.SiteCountBound>().MaxSites.ShouldBe(4);
        scenarios[1].Method.ShouldBe(AllocationMethod.Proportional);
        var e = Should.Throw<RulesFileException>(() => ScenarioFile.Parse("""
            { "scenarios": [
              { "name": "a", "per-site-cpa": "30억" }
            ] }
            """, "s.json", Rules));
        e.Errors.Single().ToString().ShouldStartWith("s.json:2:18: scenarios[0].per-site-cpa: 'per-site-cpa' is not a scenario parameter");
    }
}
