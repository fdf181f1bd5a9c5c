using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Tests;

/// <summary>Shared inputs: the embedded programs and budgets built from amounts in 억원 or won.</summary>
internal static class TestData
{
    public static ProgramRules Rules2020 => Program(ProgramCatalog.DefaultProgramId);

    public static ProgramRules Strict2020 => Program("sogongin-center-2020-strict");

    public static ProgramRules Smart2025 => Program("sogongin-smart-manufacturing-2025");

    public static ProgramRules Program(string id) => ProgramCatalog.Embedded.Get(id).Latest;

    public static string SamplesDir => Path.Combine(AppContext.BaseDirectory, "samples");

    public static string Sample(string relative) => Path.Combine(SamplesDir, relative);

    /// <summary>A site of cash amounts, each in any form the core parses (<c>25억</c>, <c>2,500,000,000</c>).</summary>
    public static SiteBudget Site(string id, string national, string provincial = "0", string municipal = "0", string @private = "0", string region = "") => new()
    {
        SiteId = id,
        Region = region,
        Lines =
        [
            BudgetLine.Cash(FundingSource.National, Won.Parse(national)),
            BudgetLine.Cash(FundingSource.Provincial, Won.Parse(provincial)),
            BudgetLine.Cash(FundingSource.Municipal, Won.Parse(municipal)),
            BudgetLine.Cash(FundingSource.Private, Won.Parse(@private)),
        ],
    };

    /// <summary>A site of cash amounts in won.</summary>
    public static SiteBudget Cash(string id, long national, long provincial = 0, long municipal = 0, long @private = 0) => new()
    {
        SiteId = id,
        Lines =
        [
            BudgetLine.Cash(FundingSource.National, new Won(national)),
            BudgetLine.Cash(FundingSource.Provincial, new Won(provincial)),
            BudgetLine.Cash(FundingSource.Municipal, new Won(municipal)),
            BudgetLine.Cash(FundingSource.Private, new Won(@private)),
        ],
    };

    /// <summary>
    /// The three 2020 sites with illustrative per-site splits (the press release gives only the round's totals):
    /// national 25억 each; local and private adding up to the published 268억, total 343억.
    /// </summary>
    public static IReadOnlyList<SiteBudget> Round2020 =>
    [
        Site("mapo", "25억", "40억", "60억", "25억", "서울 마포구") with { Name = "서교동 인쇄 소공인 복합지원센터", FloorAreaM2 = 7443, Firms = 551 },
        Site("hwaseong", "25억", "15억", "25억", "8억", "경기 화성시") with { Name = "봉담 금속가공 소공인 복합지원센터", FloorAreaM2 = 1487, Firms = 344 },
        Site("yeongju", "25억", "25억", "45억", "25억", "경북 영주시") with { Name = "풍기 인삼 소공인 복합지원센터", FloorAreaM2 = 1337, Firms = 181 },
    ];

    /// <summary>
    /// The 2020 round as the local press reported it (shared/domain/brief.md), in 억원: 마포 192 (national 25, 서울시비 27,
    /// the district's land 56 in kind, 민자 84); 화성 80 (25, 도비 7.5, 시비 47.5); 영주 71 (25, 지방비 46 of which 6 in kind).
    /// </summary>
    public static IReadOnlyList<SiteBudget> Reported2020 =>
    [
        new SiteBudget
        {
            SiteId = "mapo",
            Lines =
            [
                BudgetLine.Cash(FundingSource.National, Won.Parse("25억")), BudgetLine.Cash(FundingSource.Provincial, Won.Parse("27억")),
                BudgetLine.InKind(FundingSource.Municipal, Won.Parse("56억")), BudgetLine.Cash(FundingSource.Private, Won.Parse("84억")),
            ],
        },
        new SiteBudget
        {
            SiteId = "hwaseong",
            Lines =
            [
                BudgetLine.Cash(FundingSource.National, Won.Parse("25억")), BudgetLine.Cash(FundingSource.Provincial, Won.Parse("7.5억")),
                BudgetLine.Cash(FundingSource.Municipal, Won.Parse("47.5억")),
            ],
        },
        new SiteBudget
        {
            SiteId = "yeongju",
            Lines =
            [
                BudgetLine.Cash(FundingSource.National, Won.Parse("25억")), BudgetLine.Cash(FundingSource.Local, Won.Parse("40억")),
                BudgetLine.InKind(FundingSource.Local, Won.Parse("6억")),
            ],
        },
    ];
}
