namespace FundingMatch.Text;

/// <summary>The languages FundingMatch writes its messages in.</summary>
public enum Language
{
    /// <summary>English.</summary>
    English,

    /// <summary>Korean (한국어).</summary>
    Korean,
}

/// <summary>A text in Korean and in English.</summary>
/// <param name="Korean">The Korean text.</param>
/// <param name="English">The English text.</param>
public sealed record LocalizedText(string Korean, string English)
{
    /// <summary>The text in <paramref name="language"/>.</summary>
    public string In(Language language) => language == Language.Korean ? Korean : English;

    /// <inheritdoc/>
    public override string ToString() => English;
}
