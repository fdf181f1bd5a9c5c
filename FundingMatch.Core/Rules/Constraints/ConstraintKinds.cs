namespace FundingMatch.Rules.Constraints;

/// <summary>
/// The registration of every constraint kind the rules loader reads. A new kind adds its type and one line here.
/// </summary>
internal static class ConstraintKinds
{
    public static IReadOnlyList<ConstraintKind> All { get; } =
    [
        new("share-bound", ["sum", "bound", "of"], r =>
            r.Selector("sum") is { } sum && r.Direction() is { } bound && r.Value(ConstraintValues.Share) is { } share && r.Selector("of", Budgets.MoneySelector.All) is { } of
                ? r.Build(() => new ShareBound(r.Header, sum, bound, share, of))
                : null),
        new("ratio-bound", ["sum", "bound", "than"], r =>
            r.Selector("sum") is { } sum && r.Direction() is { } bound && r.Value(ConstraintValues.Ratio) is { } ratio && r.Selector("than") is { } than
                ? r.Build(() => new RatioBound(r.Header, sum, bound, ratio, than))
                : null),
        new("amount-cap", ["sum"], r =>
            r.Selector("sum") is { } sum && r.Value(t => ConstraintValues.Amount(t)) is { } amount
                ? r.Build(() => new AmountCap(r.Header, sum, amount))
                : null),
        new("envelope", ["sum"], r =>
            r.Selector("sum") is { } sum && r.Value(t => ConstraintValues.Amount(t)) is { } amount
                ? r.Build(() => new EnvelopeBound(r.Header, sum, amount))
                : null),
        new("site-count", [], r =>
            r.Value(ConstraintValues.Count) is { } count ? r.Build(() => new SiteCountBound(r.Header, count)) : null),
        new("completion-deadline", [], r =>
            r.Value(ConstraintValues.Date) is { } date ? r.Build(() => new CompletionDeadline(r.Header, date)) : null),
        new("floor-area-guide", [], r =>
            r.Value(ConstraintValues.Number) is { } area ? r.Build(() => new FloorAreaGuide(r.Header, area)) : null),
    ];

    public static ConstraintKind? Find(string name) => All.FirstOrDefault(k => k.Name == name);
}
