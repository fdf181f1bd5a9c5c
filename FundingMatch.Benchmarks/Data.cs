using System.Globalization;
using System.Text;
using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;

namespace FundingMatch.Benchmarks;

/// <summary>
/// Deterministic generated data of realistic shape: seeded, so every run measures the same input.
/// Budget rows have the columns of samples/sogongin-2020.csv.
/// </summary>
public static class Data
{
    public const string Header = "site_id,site_name,region,national,provincial,municipal,private,total,floor_area_m2,firms,completion_date";

    private static readonly string[] Regions = ["서울 마포구", "경기 화성시", "경북 영주시", "서울 중랑구", "충남 공주시", "부산 사상구", "대구 서구", "인천 서구"];

    /// <summary>A budget CSV of <paramref name="rows"/> sites, UTF-8, written once to a temp file and reused.</summary>
    public static string CsvFile(int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fundingmatch-bench-v3-{rows}.csv");
        if (File.Exists(path))
        {
            return path;
        }
        var random = new Random(20200609);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write(Header);
        writer.Write('\n');
        for (var i = 0; i < rows; i++)
        {
            var site = NextSite(random, i);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"S{i:D7},Site {i},{site.Region},{site.National.Value},{site.Amount(FundingSource.Provincial).Value},{site.Amount(FundingSource.Municipal).Value},{site.Private.Value},{site.Total.Value},{1000 + random.Next(0, 8000)},{random.Next(50, 600)},2021-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}\n"));
        }
        return path;
    }

    /// <summary>
    /// The embedded 2020 program without the constraints named: a bulk run of a million sites drops the number of
    /// sites (and, where it measures per-site work alone, the envelope).
    /// </summary>
    public static ProgramRules Rules2020Without(params string[] keys)
    {
        var rules = ProgramCatalog.Embedded.Get(ProgramCatalog.DefaultProgramId).Latest;
        return rules with { Constraints = [.. rules.Constraints.Where(c => !keys.Contains(c.Key))] };
    }

    /// <summary><paramref name="count"/> site budgets, nine in ten of which pass the 2020 rules.</summary>
    public static SiteBudget[] Sites(int count)
    {
        var random = new Random(20200609);
        var sites = new SiteBudget[count];
        for (var i = 0; i < count; i++)
        {
            sites[i] = NextSite(random, i);
        }
        return sites;
    }

    // Nine sites in ten keep the 2020 rules (national at most the cap and half the cost); the tenth breaks one,
    // as a submitted plan does now and then. Amounts are whole thousands of won, as budgets keep them.
    private static SiteBudget NextSite(Random random, int i)
    {
        var national = random.Next(500_000, 2_500_001) * 1_000L;
        var local = national + (random.Next(0, 3_000_000) * 1_000L);
        var provincial = local * random.Next(20, 61) / 100 / 1_000 * 1_000;
        var municipal = local - provincial;
        // Private money up to what keeps local government at half the cost or more.
        var @private = random.NextInt64(0, (local - national) / 1_000 + 1) * 1_000L;
        switch (random.Next(0, 10) == 0 ? random.Next(0, 3) : -1)
        {
            case 0:
                national += 300_000_000; // over the cap, or over half the cost
                break;
            case 1:
                municipal /= 3; // local share short
                break;
            case 2:
                national = 0; // a warning
                break;
        }
        return new SiteBudget
        {
            SiteId = "S" + i.ToString("D7", CultureInfo.InvariantCulture),
            Name = "Site " + i.ToString(CultureInfo.InvariantCulture),
            Region = Regions[random.Next(Regions.Length)],
            Lines =
            [
                BudgetLine.Cash(FundingSource.National, new Won(national)),
                BudgetLine.Cash(FundingSource.Provincial, new Won(provincial)),
                BudgetLine.Cash(FundingSource.Municipal, new Won(municipal)),
                BudgetLine.Cash(FundingSource.Private, new Won(@private)),
            ],
        };
    }
}
