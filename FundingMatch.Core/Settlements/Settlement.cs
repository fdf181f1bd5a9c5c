using FundingMatch.Budgets;
using FundingMatch.Explanations;
using FundingMatch.Money;
using FundingMatch.Rules;
using FundingMatch.Text;
using FundingMatch.Validation;

namespace FundingMatch.Settlements;

/// <summary>
/// Settles sites (정산) after the build: what was spent is set against the plan by funding source, the national
/// subsidy is confirmed, and what was not earned goes back with its interest. Every figure is an exact won, and the
/// confirmed amounts of a site add up to its actual total.
/// </summary>
/// <remarks>
/// For each site, all fiscal years together: r = planned national ÷ planned total, exactly; the confirmed national
/// amount is the smallest of the disbursed amount, r × the actual total and every bound the program's constraints
/// put on national money for the actual budget, rounded down to 10 won (국고금 관리법 §47①); the rest of the
/// actual total is split among the other sources in proportion to their planned amounts (cash and in kind as
/// planned), to the won, the remainder handed out by largest remainder with ties in source order.
/// </remarks>
public static class Settlement
{
    /// <summary>Settles every site under <paramref name="rules"/>, in the order given.</summary>
    /// <exception cref="ArgumentException">Two inputs share a site id, or a plan and its actuals name different sites.</exception>
    public static SettlementReport Settle(ProgramRules rules, IReadOnlyList<SettlementInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(inputs);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (input.Plan.SiteId != input.Actual.SiteId)
            {
                throw new ArgumentException($"The plan of {input.Plan.SiteId} is set against the actuals of {input.Actual.SiteId}.", nameof(inputs));
            }
            if (!ids.Add(input.Plan.SiteId))
            {
                throw new ArgumentException($"Site {input.Plan.SiteId} is settled twice.", nameof(inputs));
            }
        }
        // The program's constraints on the actual budgets, as check would judge them, marked as findings on actuals.
        var check = BudgetCheck.Run(rules, inputs.Select(i => i.Actual));
        var sites = new List<SiteSettlement>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            sites.Add(SettleSite(rules, inputs[i], check.Sites[i].Findings));
        }
        var totals = new SettlementTotals(
            sites.Count,
            Won.Sum(sites.Select(s => s.PlannedTotal)),
            Won.Sum(sites.Select(s => s.ActualTotal)),
            Won.Sum(sites.Select(s => s.Plan.National)),
            Won.Sum(sites.Select(s => s.Disbursed)),
            Won.Sum(sites.Select(s => s.ConfirmedNational)),
            Won.Sum(sites.Select(s => s.NationalReturn)),
            Won.Sum(sites.Select(s => s.InterestReturn)));
        return new SettlementReport(rules, sites, check.ProgramFindings.Select(OnActuals).ToList(), totals);
    }

    private static SiteSettlement SettleSite(ProgramRules rules, SettlementInput input, IReadOnlyList<Finding> actualFindings)
    {
        var plan = input.Plan;
        var actual = input.Actual;
        var plannedTotal = plan.Total;
        var plannedNational = plan.National;
        var actualTotal = actual.Total;
        var disbursed = input.Disbursed ?? plannedNational;
        if (disbursed.IsNegative || input.Interest.IsNegative)
        {
            throw new ArgumentException($"Site {plan.SiteId}: the disbursed amount and the interest are not negative.", nameof(input));
        }

        // The candidates for the confirmed national amount, as exact fractions num/den; the smallest wins, then 10-won rounding.
        var candidates = new List<(Int128 Num, Int128 Den, string By, Derivation Step)>
        {
            (disbursed.Value, 1, "disbursed", Step("disbursed", "교부액", "disbursed", disbursed, null, null, null)),
        };
        var shareStep = plannedTotal.Value > 0
            ? (Num: (Int128)plannedNational.Value * actualTotal.Value, Den: (Int128)plannedTotal.Value)
            : (Num: Int128.Zero, Den: Int128.One);
        var shareOfActual = RoundingPolicy.DownToWon.Round(shareStep.Num, shareStep.Den);
        candidates.Add((shareStep.Num, shareStep.Den, "planned-share", Step("plannedShareOfActual", "계획 국비 비율 × 실제 총사업비", "planned share × actual total",
            shareOfActual, $"{plannedNational} / {plannedTotal} × {actualTotal}", SettlementLaw.PlannedShares, null)));
        foreach (var constraint in rules.SiteConstraints)
        {
            if (constraint.NationalLimit(actual, rules.Rounding.Value) is { } limit)
            {
                candidates.Add((limit.Value, 1, constraint.Key, new Derivation
                {
                    Figure = constraint.Key,
                    Label = constraint.Describe(),
                    Value = limit.ToString(),
                    Won = limit.Value,
                    Rule = constraint.Key,
                    Citation = constraint.Citation,
                    Note = new LocalizedText("실제 예산에 대한 한도", "the limit on the actual budget"),
                }));
            }
        }
        var best = candidates[0];
        foreach (var c in candidates)
        {
            if (c.Num * best.Den < best.Num * c.Den)
            {
                best = c;
            }
        }
        var confirmedNational = SettlementLaw.TreasuryRounding.Round(best.Num, best.Den);

        var sources = SplitBySource(plan, actual, confirmedNational);
        var findings = new List<Finding>(actualFindings.Select(OnActuals));
        if (actualTotal > plannedTotal)
        {
            findings.Add(SettlementFinding(plan, FindingCodes.Overrun, $"<= {plannedTotal}", actualTotal.ToString(),
                $"실제 총사업비 {actualTotal}원이 계획 {plannedTotal}원보다 {actualTotal - plannedTotal}원 많습니다",
                $"the actual total of {actualTotal} won is {actualTotal - plannedTotal} won over the planned {plannedTotal} won", actual.Origin));
        }
        // National money spent beyond its confirmed part goes back (the return above); any other source that spent more than its part bears it.
        foreach (var s in sources.Where(s => s.Source != FundingSource.National && s.SpentOverConfirmed > Won.Zero))
        {
            var (en, ko) = (Name(s.Source, s.Kind), KoreanName(s.Source, s.Kind));
            findings.Add(SettlementFinding(plan, FindingCodes.SpentOverConfirmed, $"<= {s.Confirmed}", s.Spent.ToString(),
                $"{ko}이(가) 확정액 {s.Confirmed}원보다 {s.SpentOverConfirmed}원 더 썼습니다: 그 차액은 {ko}의 부담입니다",
                $"{en} spent {s.SpentOverConfirmed} won more than its confirmed {s.Confirmed} won: the difference is its own to bear", actual.Origin));
        }

        var interestReturn = input.InterestExempt ? Won.Zero : input.Interest;
        var confirmedStep = new Derivation
        {
            Figure = "confirmedNational",
            Label = new LocalizedText("국고보조금 확정액", "confirmed national subsidy"),
            Value = confirmedNational.ToString(),
            Won = confirmedNational.Value,
            Formula = $"min({string.Join(", ", candidates.Select(c => c.Step.Value))})",
            Rounding = SettlementLaw.TreasuryRounding.Name,
            Citation = SettlementLaw.TreasuryRoundingCitation,
            Note = new LocalizedText($"{best.By}이(가) 정합니다", $"set by {best.By}"),
            Inputs = [.. candidates.Select(c => c.Step)],
        };
        var derivations = new List<Derivation>
        {
            new()
            {
                Figure = "plannedNationalShare",
                Label = new LocalizedText("계획 국비 비율", "planned national share"),
                Value = plannedTotal.Value > 0 ? Share.Of(plannedNational, plannedTotal).ToPercentString(6) : "n/a",
                Formula = $"{plannedNational} / {plannedTotal}",
                Citation = SettlementLaw.Rate,
            },
            confirmedStep,
            Step("nationalReturn", "국비 반환액", "national money to return", disbursed - confirmedNational, $"{disbursed} - {confirmedNational}", SettlementLaw.Return, null),
            Step("interestReturn", "이자 반환액", "interest to return", interestReturn,
                input.InterestExempt ? $"0 (exempt; interest {input.Interest})" : null,
                input.InterestExempt ? SettlementLaw.InterestExemption : SettlementLaw.Return, null),
            Step("totalReturn", "반환 총액", "total to return", disbursed - confirmedNational + interestReturn,
                $"{disbursed - confirmedNational} + {interestReturn}", SettlementLaw.Return, null),
        };
        derivations.AddRange(sources.Where(s => s.Source != FundingSource.National).Select(s => Step(
            $"confirmed-{FundingSources.Name(s.Source)}-{FundingSources.Name(s.Kind)}", $"{KoreanName(s.Source, s.Kind)} 확정액", $"confirmed {Name(s.Source, s.Kind)}",
            s.Confirmed, $"({actualTotal} - {confirmedNational}) × {s.Planned} / {Won.Sum(sources.Where(o => o.Source != FundingSource.National).Select(o => o.Planned))}",
            SettlementLaw.BySource, new LocalizedText($"계획 대비 미집행 {s.Unspent}원", $"unspent against the plan: {s.Unspent} won"))));

        return new SiteSettlement
        {
            Plan = plan,
            Actual = actual,
            Disbursed = disbursed,
            ConfirmedNational = confirmedNational,
            ConfirmedBy = best.By,
            Interest = input.Interest,
            InterestExempt = input.InterestExempt,
            Sources = sources,
            Findings = findings,
            Derivations = derivations,
        };
    }

    /// <summary>
    /// The confirmed part of every (source, kind): national money as confirmed (split over its kinds as planned), the
    /// rest of the actual total over the other sources in proportion to their planned amounts.
    /// </summary>
    private static List<SourceSettlement> SplitBySource(SiteBudget plan, SiteBudget actual, Won confirmedNational)
    {
        var cells = new List<(FundingSource Source, FundingKind Kind)>();
        foreach (var source in FundingSources.All)
        {
            foreach (var kind in FundingSources.Kinds)
            {
                if (plan.Amount(source, kind) != Won.Zero || actual.Amount(source, kind) != Won.Zero || (source == FundingSource.National && kind == FundingKind.Cash))
                {
                    cells.Add((source, kind));
                }
            }
        }
        var national = cells.Where(c => c.Source == FundingSource.National).ToList();
        var others = cells.Where(c => c.Source != FundingSource.National).ToList();
        var confirmed = new Dictionary<(FundingSource Source, FundingKind Kind), Won>();
        Apportion(confirmedNational, national, c => plan.Amount(c.Source, c.Kind), confirmed);
        var rest = actual.Total - confirmedNational;
        // The weights are the planned amounts; without any planned other source, what was spent, and without that
        // either, the unsplit local government money (지방비) bears the rest: a named FundingMatch rule, for a plan
        // that had national money only.
        Func<(FundingSource Source, FundingKind Kind), Won> weight = c => plan.Amount(c.Source, c.Kind);
        if (others.All(c => plan.Amount(c.Source, c.Kind) == Won.Zero))
        {
            weight = c => actual.Amount(c.Source, c.Kind);
            if (others.All(c => actual.Amount(c.Source, c.Kind) == Won.Zero) && rest != Won.Zero)
            {
                others = [(Source: FundingSource.Local, Kind: FundingKind.Cash)];
                weight = _ => new Won(1);
            }
        }
        Apportion(rest, others, weight, confirmed);
        return cells.Union(others).Select(c => new SourceSettlement(c.Source, c.Kind, plan.Amount(c.Source, c.Kind), actual.Amount(c.Source, c.Kind),
            confirmed.TryGetValue(c, out var w) ? w : Won.Zero)).ToList();
    }

    /// <summary>
    /// Splits <paramref name="amount"/> over <paramref name="cells"/> in proportion to their weights, to the won: each
    /// gets the floor of its share, and the won left over go one each by largest remainder, ties in cell order.
    /// </summary>
    internal static void Apportion<T>(Won amount, IReadOnlyList<T> cells, Func<T, Won> weight, Dictionary<T, Won> into)
        where T : notnull
    {
        if (cells.Count == 0)
        {
            return;
        }
        var weights = cells.Select(c => (Int128)weight(c).Value).ToArray();
        var total = weights.Aggregate(Int128.Zero, (a, b) => a + b);
        if (total <= 0)
        {
            // No weight at all: the first cell takes it (a national amount with nothing planned).
            into[cells[0]] = amount;
            for (var i = 1; i < cells.Count; i++)
            {
                into[cells[i]] = Won.Zero;
            }
            return;
        }
        var parts = new long[cells.Count];
        var remainders = new Int128[cells.Count];
        long given = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            var (q, r) = Int128.DivRem(amount.Value * weights[i], total);
            if (r < 0)
            {
                q -= 1;
                r += total;
            }
            parts[i] = checked((long)q);
            remainders[i] = r;
            given = checked(given + parts[i]);
        }
        var left = amount.Value - given;
        foreach (var i in Enumerable.Range(0, cells.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i))
        {
            if (left <= 0)
            {
                break;
            }
            parts[i]++;
            left--;
        }
        for (var i = 0; i < cells.Count; i++)
        {
            into[cells[i]] = new Won(parts[i]);
        }
    }

    private static Finding OnActuals(Finding f) => f with
    {
        Message = new LocalizedText($"실적 기준: {f.Message.Korean}", $"on actuals: {f.Message.English}"),
    };

    private static Finding SettlementFinding(SiteBudget site, string code, string expected, string actual, string ko, string en, SourceLocation? origin) => new()
    {
        Code = code,
        Severity = Severity.Warning,
        SiteId = site.SiteId,
        Expected = expected,
        Actual = actual,
        Message = new LocalizedText(ko, en),
        Origin = origin ?? site.Origin,
        Citation = SettlementLaw.BySource,
    };

    private static Derivation Step(string figure, string ko, string en, Won value, string? formula, Citation? citation, LocalizedText? note) => new()
    {
        Figure = figure,
        Label = new LocalizedText(ko, en),
        Value = value.ToString(),
        Won = value.Value,
        Formula = formula,
        Citation = citation,
        Note = note,
    };

    private static string Name(FundingSource source, FundingKind kind) =>
        kind == FundingKind.Cash ? FundingSources.Name(source) : $"{FundingSources.Name(source)} in-kind";

    private static string KoreanName(FundingSource source, FundingKind kind) =>
        kind == FundingKind.Cash ? FundingSources.KoreanName(source) : $"{FundingSources.KoreanName(source)}(현물)";
}
