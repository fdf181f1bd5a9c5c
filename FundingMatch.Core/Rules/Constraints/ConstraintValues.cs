using System.Globalization;
using FundingMatch.Money;
using FundingMatch.Text;
using NodaTime;
using NodaTime.Text;

namespace FundingMatch.Rules.Constraints;

/// <summary>
/// Reading and writing constraint values, for the rules loader and for what-ifs alike: one parser per value kind,
/// with a message that says what was expected.
/// </summary>
internal static class ConstraintValues
{
    public static Share Share(string text) =>
        Money.Share.TryParse(text, out var share) && share >= Money.Share.Zero && share <= Money.Share.Whole
            ? share
            : throw new FormatException($"expected a share from 0% to 100%, such as \"50%\" or \"12.5%\", found '{text}'");

    /// <summary>A ratio: <c>1</c>, <c>1.5</c>, <c>3/2</c> or <c>150%</c>; zero or more.</summary>
    public static Share Ratio(string text)
    {
        if (Money.Share.TryParse(text, out var share))
        {
            return share;
        }
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d.Scale <= 12)
        {
            var scale = 1L;
            for (var i = 0; i < d.Scale; i++)
            {
                scale *= 10;
            }
            return new Share(checked((long)(d * scale)), scale);
        }
        throw new FormatException($"expected a ratio of zero or more, such as \"1\", \"1.5\" or \"3/2\", found '{text}'");
    }

    public static Won Amount(string text, long minimum = 0)
    {
        if (!Won.TryParse(text.AsSpan(), AmountUnit.Won, out var amount, out var error))
        {
            throw new FormatException(AmountParseErrors.Describe(error, text));
        }
        return amount.Value < minimum
            ? throw new FormatException($"{amount} is below {minimum.ToString("#,0", CultureInfo.InvariantCulture)} won")
            : amount;
    }

    public static int Count(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new FormatException($"expected a whole number of 1 or more, found '{text}'");

    public static LocalDate Date(string text) =>
        IsoDates.TryParse(text, out var date)
            ? date
            : throw new FormatException($"expected a date written yyyy-MM-dd, such as \"2021-12-31\", found '{text}'");

    public static decimal Number(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new FormatException($"expected a positive number, such as 1000, found '{text}'");

    public static string Format(Share share) => share.ToPercentString(6);

    /// <summary>
    /// <paramref name="actual"/> as a percentage with enough decimals that it never reads as <paramref name="bound"/>
    /// when it is not: 70.000002%, not 70%, for a share one won over a 70% bound.
    /// </summary>
    public static string FormatBeside(Share actual, Share bound)
    {
        for (var decimals = 2; decimals < 12; decimals++)
        {
            if (actual == bound || actual.ToPercent(decimals) != bound.ToPercent(decimals))
            {
                return actual.ToPercentString(decimals);
            }
        }
        return actual.ToPercentString(12);
    }

    public static string FormatRatio(Share ratio)
    {
        if (ratio.Numerator % ratio.Denominator == 0)
        {
            return (ratio.Numerator / ratio.Denominator).ToString(CultureInfo.InvariantCulture);
        }
        var percent = ratio.ToPercent(6);
        return (percent / 100m).ToString("0.########", CultureInfo.InvariantCulture);
    }

    public static string Format(Won amount) => amount.ToString();

    public static string Format(LocalDate date) => IsoDates.Format(date);

    public static string Format(decimal number) => number.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Format(int count) => count.ToString(CultureInfo.InvariantCulture);
}
