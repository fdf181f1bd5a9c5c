namespace FundingMatch.Rules;

/// <summary>A program's rules cannot be had: an unknown program, no version in force, or a bad rules file.</summary>
public class RulesException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RulesException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public RulesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RulesException()
    {
    }
}

/// <summary>One problem in a rules file, with where it is.</summary>
/// <param name="Source">The file's name, as the caller gave it.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column, in characters.</param>
/// <param name="Path">The key path, e.g. <c>versions[0].parameters.per-site-cap</c>.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record RulesFileError(string Source, int Line, int Column, string Path, string Message)
{
    /// <summary><c>file:line:column: path: message</c>.</summary>
    public override string ToString() =>
        Path.Length == 0 ? $"{Source}:{Line}:{Column}: {Message}" : $"{Source}:{Line}:{Column}: {Path}: {Message}";
}

/// <summary>A rules file was refused; <see cref="Errors"/> lists every problem found.</summary>
public sealed class RulesFileException : RulesException
{
    /// <summary>Creates the exception from its errors.</summary>
    public RulesFileException(IReadOnlyList<RulesFileError> errors)
        : base(string.Join("\n", errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<RulesFileError> Errors { get; }
}
