// The C# example in README.md is the marked region below, word for word: ReadmeExampleTests checks that the two
// are the same and runs it, so the README's example cannot rot.
// begin-readme
using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Validation;

public static class ReadmeExample
{
    public static CheckReport Run()
    {
        // The embedded 2020 program: national ≤ 50%, non-national ≥ 50%, 25억원 a site, 75억원 for 3 sites.
        var rules = ProgramCatalog.Embedded.Get("sogongin-center-2020").Latest;

        // The round as the local press reported it: money by source, cash or in kind (마포's 56억 is the district's land).
        SiteBudget[] sites =
        [
            new() { SiteId = "mapo", Region = "서울 마포구", Lines = [
                BudgetLine.Cash(FundingSource.National, Won.Parse("25억")), BudgetLine.Cash(FundingSource.Provincial, Won.Parse("27억")),
                BudgetLine.InKind(FundingSource.Municipal, Won.Parse("56억")), BudgetLine.Cash(FundingSource.Private, Won.Parse("84억"))] },
            new() { SiteId = "hwaseong", Region = "경기 화성시", Lines = [
                BudgetLine.Cash(FundingSource.National, Won.Parse("25억")), BudgetLine.Cash(FundingSource.Provincial, Won.Parse("7.5억")),
                BudgetLine.Cash(FundingSource.Municipal, Won.Parse("47.5억"))] },
            new() { SiteId = "yeongju", Region = "경북 영주시", Lines = [
                BudgetLine.Cash(FundingSource.National, Won.Parse("25억")), BudgetLine.Cash(FundingSource.Local, Won.Parse("40억")),
                BudgetLine.InKind(FundingSource.Local, Won.Parse("6억"))] },
        ];

        var report = BudgetCheck.Run(rules, sites);

        foreach (var site in report.Sites)
        {
            Console.WriteLine($"{site.Site.SiteId}: max national {site.Figures.MaxNational} ({site.Figures.BindingLimit}), " +
                              $"{(site.Passed ? "passes" : string.Join(", ", site.Findings.Select(f => f.Code)))}");
        }
        var totals = report.Totals.All;
        Console.WriteLine($"national {totals.National.ToString("K", null)} of {totals.Total.ToString("K", null)} " +
                          $"({totals.NationalShare?.ToPercentString()})");
        // national 75억원 of 343억원 (21.87%)

        // The strict reading counts local-government money only: 마포 (83억 of 192억, 43.2%) then falls short.
        var strict = BudgetCheck.Run(ProgramCatalog.Embedded.Get("sogongin-center-2020-strict").Latest, sites);
        Console.WriteLine(string.Join(", ", strict.Sites.Where(s => !s.Passed).Select(s => $"{s.Site.SiteId}: {s.Findings[0].Code}")));
        // mapo: local-share-short
        return report;
    }
}
// end-readme
