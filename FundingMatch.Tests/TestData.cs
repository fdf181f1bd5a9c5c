using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Tests;

/// <summary>Shared inputs: the embedded 2020 program and budgets built from amounts in 억원.</summary>
internal static class TestData
{
    public static ProgramRules Rules2020 => ProgramCatalog.Embedded.Get(ProgramCatalog.DefaultProgramId).Latest;

    public static string SamplesDir => Path.Combine(AppContext.BaseDirectory, "samples");

    public static string Sample(string relative) => Path.Combine(SamplesDir, relative);

    public static SiteBudget Site(string id, string national, string provincial = "0", string municipal = "0", string @private = "0", string region = "") => new()
    {
        SiteId = id,
        Region = region,
        National = Won.Parse(national),
        Provincial = Won.Parse(provincial),
        Municipal = Won.Parse(municipal),
        Private = Won.Parse(@private),
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
}
