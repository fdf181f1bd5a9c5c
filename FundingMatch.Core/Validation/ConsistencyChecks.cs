using FundingMatch.Budgets;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Text;

namespace FundingMatch.Validation;

/// <summary>
/// The checks every program has, built in rather than listed in a rules file: no negative money, a stated total
/// or 지방비 that agrees with the lines, and a warning for a site with no national money.
/// </summary>
internal static class ConsistencyChecks
{
    /// <summary>The built-in codes <paramref name="site"/> gives, in code order (for what-if sweeps, which need no messages).</summary>
    public static IReadOnlyList<string> Codes(SiteBudget site)
    {
        List<string>? codes = null;
        if (HasNegative(site))
        {
            (codes ??= []).Add(FindingCodes.NegativeAmount);
        }
        if (site.StatedTotal is { } stated && stated != site.Total)
        {
            (codes ??= []).Add(FindingCodes.TotalMismatch);
        }
        if (site.StatedLocal is { } statedLocal && statedLocal != site.Local)
        {
            (codes ??= []).Add(FindingCodes.LocalMismatch);
        }
        if (site.National == Won.Zero)
        {
            (codes ??= []).Add(FindingCodes.NoNationalFunds);
        }
        if (codes is null)
        {
            return [];
        }
        codes.Sort(StringComparer.Ordinal);
        return codes;
    }

    /// <summary>True when a built-in check gives a site with these facts any finding, an error or a warning.</summary>
    public static bool AnyFinding(in SiteFacts site) =>
        site.HasNegative || (site.StatedTotal is { } stated && stated != site.Total) || (site.StatedLocal is { } local && local != site.Local)
        || site.National == Won.Zero;

    /// <summary>True when a built-in check gives <paramref name="site"/> an error.</summary>
    public static bool HasError(SiteBudget site) =>
        HasNegative(site) || (site.StatedTotal is { } stated && stated != site.Total) || (site.StatedLocal is { } local && local != site.Local);

    /// <summary>Adds the built-in findings of <paramref name="site"/>.</summary>
    public static void Add(SiteBudget site, Won total, ref List<Finding>? findings)
    {
        foreach (var line in site.LineSpan)
        {
            if (line.Amount.IsNegative)
            {
                var (en, ko) = (Name(line), KoreanName(line));
                (findings ??= []).Add(Make(site, FindingCodes.NegativeAmount, Severity.Error, ">= 0", line.Amount.ToString(),
                    $"{ko}이(가) 음수({line.Amount}원)입니다",
                    $"{en} funds are negative ({line.Amount} won)"));
            }
        }
        if (site.StatedTotal is { } stated && stated != total)
        {
            (findings ??= []).Add(Make(site, FindingCodes.TotalMismatch, Severity.Error, total.ToString(), stated.ToString(),
                $"적힌 총사업비 {stated}원이 재원별 합계 {total}원과 {stated - total}원 다릅니다",
                $"the stated total of {stated} won differs from the sum of the sources, {total} won, by {stated - total} won"));
        }
        if (site.StatedLocal is { } statedLocal && statedLocal != site.Local)
        {
            var local = site.Local;
            (findings ??= []).Add(Make(site, FindingCodes.LocalMismatch, Severity.Error, local.ToString(), statedLocal.ToString(),
                $"적힌 지방비 {statedLocal}원이 시·도비+시·군·구비 {local}원과 {statedLocal - local}원 다릅니다",
                $"the stated local funds of {statedLocal} won differ from provincial + municipal, {local} won, by {statedLocal - local} won"));
        }
        if (site.National == Won.Zero)
        {
            (findings ??= []).Add(Make(site, FindingCodes.NoNationalFunds, Severity.Warning, "> 0", "0", "국비가 0원입니다", "national funds are zero"));
        }
    }

    /// <summary>True when any line is negative.</summary>
    public static bool HasNegative(SiteBudget site)
    {
        foreach (ref readonly var line in site.LineSpan)
        {
            if (line.Amount.IsNegative)
            {
                return true;
            }
        }
        return false;
    }

    private static string Name(BudgetLine line) =>
        line.Kind == FundingKind.Cash ? FundingSources.Name(line.Source) : $"{FundingSources.Name(line.Source)} in-kind";

    private static string KoreanName(BudgetLine line) =>
        line.Kind == FundingKind.Cash ? FundingSources.KoreanName(line.Source) : $"{FundingSources.KoreanName(line.Source)}(현물)";

    private static Finding Make(SiteBudget site, string code, Severity severity, string expected, string actual, string ko, string en) => new()
    {
        Code = code,
        Severity = severity,
        SiteId = site.SiteId,
        Expected = expected,
        Actual = actual,
        Message = new LocalizedText(ko, en),
        Origin = site.Origin,
    };
}
