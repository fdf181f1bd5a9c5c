// The settlement example in README.md is the marked region below, word for word (ReadmeExampleTests checks it).
// begin-readme-settlement
using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Settlements;

public static class ReadmeSettlementExample
{
    public static SiteSettlement Run()
    {
        var rules = ProgramCatalog.Embedded.Get("sogongin-center-2020").Latest;
        SiteBudget Mapo(string @private) => new()
        {
            SiteId = "mapo",
            Lines = [
                BudgetLine.Cash(FundingSource.National, Won.Parse("25억")), BudgetLine.Cash(FundingSource.Provincial, Won.Parse("27억")),
                BudgetLine.InKind(FundingSource.Municipal, Won.Parse("56억")), BudgetLine.Cash(FundingSource.Private, Won.Parse(@private))],
        };

        // Planned 192억; built for 180억 (the private partner spent 72억 instead of 84억).
        var report = Settlement.Settle(rules, [new SettlementInput(Mapo("84억"), Mapo("72억"))]);
        var mapo = report.Sites[0];
        Console.WriteLine($"confirmed {mapo.ConfirmedNational}, return {mapo.NationalReturn}");
        // confirmed 2,343,750,000, return 156,250,000
        foreach (var source in mapo.Sources)
        {
            Console.WriteLine($"{source.Source} {source.Kind}: planned {source.Planned}, confirmed {source.Confirmed}, unspent {source.Unspent}");
        }
        return mapo;
    }
}
// end-readme-settlement
