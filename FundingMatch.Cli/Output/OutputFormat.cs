using FundingMatch.Text;

namespace FundingMatch.Cli.Output;

/// <summary>The output formats (<c>--format</c>).</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,
    Markdown,
    Github,
    Html,
}

/// <summary>What every renderer needs: where to write, in which language and format.</summary>
internal sealed record RenderContext(TextWriter Writer, Language Language, OutputFormat Format)
{
    /// <summary>JSON on one line (a file, a pipe, or --compact) rather than indented.</summary>
    public bool CompactJson { get; init; }

    /// <summary>The files the command was given, as problems and findings name them (standard input as <c>stdin</c>).</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    public bool Korean => Language == Language.Korean;

    /// <summary>The Korean or English text, by the chosen language.</summary>
    public string T(string korean, string english) => Korean ? korean : english;
}
