using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Text;
using FundingMatch.Validation;

namespace FundingMatch.Tests.Text;

/// <summary>A deferred text writes a language only when it is read in it, and is otherwise the text given in both.</summary>
public class LocalizedTextTests
{
    [Fact]
    public void Deferred_WritesEachLanguageOnce_WhenFirstReadInIt()
    {
        var written = new List<Language>();
        var text = LocalizedText.Deferred(language =>
        {
            written.Add(language);
            return language == Language.Korean ? "국비 초과" : "national over";
        });
        written.ShouldBeEmpty();
        text.In(Language.English).ShouldBe("national over");
        text.English.ShouldBe("national over");
        written.ShouldBe([Language.English]);
        text.Korean.ShouldBe("국비 초과");
        written.ShouldBe([Language.English, Language.Korean]);
    }

    [Fact]
    public void Deferred_IsEqualToTheTextGivenInBothLanguages()
    {
        var given = new LocalizedText("국비 초과", "national over");
        var deferred = LocalizedText.Deferred(language => language == Language.Korean ? "국비 초과" : "national over");
        deferred.ShouldBe(given);
        given.ShouldBe(deferred);
        deferred.GetHashCode().ShouldBe(given.GetHashCode());
        deferred.ToString().ShouldBe("national over");
        var (korean, english) = deferred;
        (korean, english).ShouldBe(("국비 초과", "national over"));
        // A copy with one language replaced keeps the other as written.
        var changed = deferred with { Korean = "다른 말" };
        changed.ShouldBe(new LocalizedText("다른 말", "national over"));
        deferred.ShouldNotBe(changed);
    }

    [Fact]
    public void AFinding_ReadsTheSameInEitherOrder_AndFindingsStayInTheirOrder()
    {
        // National money of 30억 on 40억 breaks the 25억 cap a site and the 50% share; local money falls short.
        var site = new SiteBudget
        {
            SiteId = "S1",
            Lines = [BudgetLine.Cash(FundingSource.National, new Won(3_000_000_000)), BudgetLine.Cash(FundingSource.Municipal, new Won(1_000_000_000))],
        };
        var check = new BudgetCheck(TestData.Rules2020);
        var englishFirst = check.Assess(site).Findings;
        var koreanFirst = check.Assess(site).Findings;
        englishFirst.Count.ShouldBeGreaterThan(1);
        var english = englishFirst.Select(f => f.Message.English).ToList();
        var korean = koreanFirst.Select(f => f.Message.Korean).ToList();
        englishFirst.Select(f => f.Message.Korean).ShouldBe(korean);
        koreanFirst.Select(f => f.Message.English).ShouldBe(english);
        english.ShouldContain(m => m.Contains("3,000,000,000 won", StringComparison.Ordinal));
        // Errors first, then by code, year and English message, as LINQ's stable ordering puts them.
        var extra = englishFirst.Select((f, i) => f with { Severity = i % 2 == 0 ? Severity.Warning : Severity.Error, Code = "same" }).ToList();
        var all = extra.Aggregate(check.Assess(site), BudgetCheck.WithFinding).Findings;
        all.ShouldBe([.. all.OrderByDescending(f => f.Severity).ThenBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.FiscalYear ?? 0)
            .ThenBy(f => f.Message.English, StringComparer.Ordinal)]);
        all.Count.ShouldBe(englishFirst.Count * 2);
    }
}
