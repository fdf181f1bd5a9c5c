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
        // The embedded 2020 program: national ≤ 50%, local ≥ 50%, 25억원 a site, 75억원 for 3 sites.
        var rules = ProgramCatalog.Embedded.Get("sogongin-center-2020").Latest;

        SiteBudget[] sites =
        [
            new() { SiteId = "mapo", Region = "서울 마포구", National = Won.Parse("25억"),
                    Provincial = Won.Parse("40억"), Municipal = Won.Parse("60억"), Private = Won.Parse("25억") },
            new() { SiteId = "hwaseong", Region = "경기 화성시", National = Won.Parse("25억"),
                    Provincial = Won.Parse("15억"), Municipal = Won.Parse("25억"), Private = Won.Parse("8억") },
            new() { SiteId = "yeongju", Region = "경북 영주시", National = Won.Parse("25억"),
                    Provincial = Won.Parse("25억"), Municipal = Won.Parse("45억"), Private = Won.Parse("25억") },
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
        return report;
    }
}
// end-readme
