using System.Text;
using FundingMatch.Budgets;
using FundingMatch.Cli.Output;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Rules.Constraints;
using FundingMatch.Text;
using FundingMatch.Validation;

namespace FundingMatch.Tests.Cli;

/// <summary>The fast compact JSON of a site and its findings is, byte for byte, what the general writer writes.</summary>
public class CompactSiteJsonTests
{
    private static readonly string[] Texts =
    [
        "", "S0000001", "센터 0", "서울 마포구", "quote \" backslash \\ slash /", "tab\tnew\nline", "\u001b[31mred", "<script>alert(1)</script>",
        "emoji 🏭 factory", "ｆｕｌｌｗｉｄｔｈ", "한글과 English & 'apostrophes'", "\u2028 line separator", "\u00a0nbsp\u00ad",
    ];

    // The program, the language of the messages, how many of the random sites pass it at least, and how many written
    // this way have findings at least. The per-firm program's caps fail most of them, and its caps' findings cite a
    // quoted text, which the writer escapes: those sites are declined, and written the general way.
    // With perYear, the national share is held in every fiscal year: those findings name their year.
    public static TheoryData<string, Language, int, int, bool> Programs() => new()
    {
        { ProgramCatalog.DefaultProgramId, Language.English, 500, 100, false },
        { ProgramCatalog.DefaultProgramId, Language.Korean, 500, 100, true },
        { "sogongin-center-2020-strict", Language.English, 500, 100, true },
        { "sogongin-smart-manufacturing-2025", Language.Korean, 5, 50, false },
    };

    [Theory]
    [MemberData(nameof(Programs))]
    public void TryWrite_OfASite_IsWhatTheGeneralWriterWrites(string program, Language language, int passing, int findings, bool perYear)
    {
        var rules = TestData.Program(program);
        if (perYear)
        {
            rules = rules with
            {
                Constraints = [.. rules.Constraints.Select(c => c.Key == "national-share-max"
                    ? new ShareBound(c.Header with { PerYear = true }, MoneySelector.National, BoundDirection.AtMost, Share.Percent(50))
                    : c)],
            };
        }
        var check = new BudgetCheck(rules);
        var random = new Random(20200609);
        var compact = new CompactSiteJson(language);
        var general = new JsonCheckWriter(new RenderContext(TextWriter.Null, language, OutputFormat.Json) { CompactJson = true }, null, false);
        var passed = 0;
        var withFindings = 0;
        var withYear = 0;
        var declined = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var site = RandomSite(random, i);
            var assessment = check.Assess(site);
            if (!compact.TryWrite(assessment, out var fast))
            {
                // Declined only for text the writer escapes (then written the general way).
                General(general, assessment).ShouldContain("\\", Case.Sensitive, $"site {i}");
                declined++;
                continue;
            }
            var expected = General(general, assessment);
            Encoding.UTF8.GetString(fast).ShouldBe(expected, $"site {i}");
            passed += assessment.Passed ? 1 : 0;
            withFindings += assessment.Findings.Count > 0 ? 1 : 0;
            withYear += assessment.Findings.Any(f => f.FiscalYear is not null) ? 1 : 0;
        }
        passed.ShouldBeGreaterThan(passing);
        withFindings.ShouldBeGreaterThan(findings);
        (withYear > 10).ShouldBe(perYear);
        declined.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void TryWrite_OfTheSamples_IsWhatTheGeneralWriterWrites()
    {
        var compact = new CompactSiteJson(Language.Korean);
        var general = new JsonCheckWriter(new RenderContext(TextWriter.Null, Language.Korean, OutputFormat.Json) { CompactJson = true }, null, false);
        var check = new BudgetCheck(TestData.Rules2020);
        foreach (var site in TestData.Round2020.Concat(TestData.Reported2020))
        {
            var assessment = check.Assess(site);
            compact.TryWrite(assessment, out var fast).ShouldBeTrue(site.SiteId);
            Encoding.UTF8.GetString(fast).ShouldBe(General(general, assessment));
        }
    }

    private static string General(JsonCheckWriter writer, SiteAssessment assessment)
    {
        using var buffer = new MemoryStream();
        using (var json = Json.CreateWriter(buffer, compact: true))
        {
            writer.WriteSite(json, assessment);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static SiteBudget RandomSite(Random random, int i)
    {
        long Amount() => random.Next(6) switch
        {
            0 => 0,
            1 => random.NextInt64(1, 1_000),
            2 => random.NextInt64(1, 100) * 100_000_000,
            _ => random.NextInt64(0, 30_000_000_000),
        };
        string Text() => random.Next(3) == 0 ? Texts[random.Next(Texts.Length)] : Texts[1 + random.Next(3)];
        var lines = new List<BudgetLine>();
        if (random.Next(2) == 0)
        {
            // Shaped as the rules want (most sites of a real file pass): national at most half and at most 25억.
            var total = random.NextInt64(5_000, 30_000) * 1_000_000;
            var national = Math.Min(2_500_000_000, total / 2 / 1000 * 1000);
            var provincial = (total - national) * random.Next(20, 70) / 100 / 1000 * 1000;
            lines.Add(BudgetLine.Cash(FundingSource.National, new Won(national)));
            lines.Add(new BudgetLine(FundingSource.Provincial, random.Next(5) == 0 ? FundingKind.InKind : FundingKind.Cash, new Won(provincial)));
            lines.Add(BudgetLine.Cash(FundingSource.Municipal, new Won(total - national - provincial)));
        }
        foreach (var source in random.Next(2) == 0 ? [] : FundingSources.All)
        {
            if (random.Next(3) > 0)
            {
                lines.Add(new BudgetLine(source, random.Next(4) == 0 ? FundingKind.InKind : FundingKind.Cash, new Won(Amount())));
            }
        }
        if (lines.Count == 0 || random.Next(20) == 0)
        {
            lines.Insert(0, BudgetLine.Cash(FundingSource.National, new Won(Amount())));
        }
        if (random.Next(5) == 0)
        {
            // A site over two fiscal years: the per-year rules' findings name their year.
            lines = [.. lines.Select(l => l with { FiscalYear = 2020 + random.Next(2) })];
        }
        return new SiteBudget
        {
            SiteId = Text() + i,
            Name = Text(),
            Region = Text(),
            Lines = lines,
            Origin = random.Next(10) == 0 ? null : new SourceLocation("budget.csv", i + 2),
            FloorAreaM2 = random.Next(4) == 0 ? random.Next(100, 9000) : null,
        };
    }
}
