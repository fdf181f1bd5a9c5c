using FundingMatch.Money;

namespace FundingMatch.Utility;

/// <summary>
/// The argument checks the core makes, in one place (as NodaTime's <c>Preconditions</c>): a broken contract is an
/// exception naming the argument and what was expected.
/// </summary>
internal static class Preconditions
{
    /// <summary>A share from 0% to 100%.</summary>
    public static Share CheckShare(Share value, string name) =>
        value < Share.Zero || value > Share.Whole
            ? throw new ArgumentOutOfRangeException(name, value, "A share is between 0% and 100%.")
            : value;

    /// <summary>A share of zero or more (a ratio may be above 1).</summary>
    public static Share CheckNonNegative(Share value, string name) =>
        value < Share.Zero ? throw new ArgumentOutOfRangeException(name, value, "A ratio is zero or more.") : value;

    /// <summary>An amount of zero or more.</summary>
    public static Won CheckNonNegative(Won value, string name) =>
        value.IsNegative ? throw new ArgumentOutOfRangeException(name, value, "An amount is not negative.") : value;

    /// <summary>An amount of at least <paramref name="minimum"/> won.</summary>
    public static Won CheckAtLeast(Won value, long minimum, string name) =>
        value.Value < minimum ? throw new ArgumentOutOfRangeException(name, value, $"An amount of at least {minimum} won is expected.") : value;

    /// <summary>A count of one or more.</summary>
    public static int CheckPositive(int value, string name) =>
        value < 1 ? throw new ArgumentOutOfRangeException(name, value, "A count of one or more is expected.") : value;

    /// <summary>A positive number.</summary>
    public static decimal CheckPositive(decimal value, string name) =>
        value <= 0 ? throw new ArgumentOutOfRangeException(name, value, "A positive number is expected.") : value;

    /// <summary>A non-empty, non-blank string.</summary>
    public static string CheckText(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value;
    }
}
