namespace FundingMatch.Text;

/// <summary>The languages FundingMatch writes its messages in.</summary>
public enum Language
{
    /// <summary>English.</summary>
    English,

    /// <summary>Korean (한국어).</summary>
    Korean,
}

/// <summary>
/// A text in Korean and in English. A text made by <see cref="Deferred"/> writes each language when it is first read,
/// so that a report in one language never formats the other (a check of a million sites can have a message a site).
/// </summary>
public sealed record LocalizedText
{
    private readonly Func<Language, string>? _write;
    private string? _korean;
    private string? _english;

    /// <summary>A text given in both languages.</summary>
    /// <param name="Korean">The Korean text.</param>
    /// <param name="English">The English text.</param>
    public LocalizedText(string Korean, string English)
    {
        _korean = Korean;
        _english = English;
    }

    private LocalizedText(Func<Language, string> write) => _write = write;

    /// <summary>
    /// A text written by <paramref name="write"/> in a language when it is first read in that language (then kept).
    /// It is equal to the text given in both languages that <paramref name="write"/> gives.
    /// </summary>
    public static LocalizedText Deferred(Func<Language, string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return new LocalizedText(write);
    }

    /// <summary>The Korean text.</summary>
    public string Korean
    {
        // Two threads that read it at once may both write it: the same text, either kept.
        get => _korean ??= _write!(Language.Korean);
        init => _korean = value;
    }

    /// <summary>The English text.</summary>
    public string English
    {
        get => _english ??= _write!(Language.English);
        init => _english = value;
    }

    /// <summary>The text in <paramref name="language"/>.</summary>
    public string In(Language language) => language == Language.Korean ? Korean : English;

    /// <summary>The Korean and the English text.</summary>
    public void Deconstruct(out string Korean, out string English)
    {
        Korean = this.Korean;
        English = this.English;
    }

    /// <summary>Equal when both languages' texts are.</summary>
    public bool Equals(LocalizedText? other) =>
        other is not null && string.Equals(Korean, other.Korean, StringComparison.Ordinal) && string.Equals(English, other.English, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Korean, English);

    /// <inheritdoc/>
    public override string ToString() => English;
}
