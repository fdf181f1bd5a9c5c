using FundingMatch.Text;

namespace FundingMatch.Cli.Input;

/// <summary>
/// Something wrong with an input file: where (file, line, column), the value, and what was expected.
/// Errors stop the command with exit code 2 before anything is judged; warnings are reported and the run goes on.
/// </summary>
internal sealed record InputProblem(string File, int? Line, int? Column, string? ColumnName, string? Value, LocalizedText Message, bool IsWarning = false)
{
    public string Format(Language language)
    {
        var where = File;
        if (Line is { } line && File.EndsWith(']') && File.Contains(".xlsx[", StringComparison.OrdinalIgnoreCase))
        {
            // A workbook's place is a cell, as Excel names it: book.xlsx[Sheet1]!B7, or a row.
            where += Column is { } c ? $"!{Workbooks.ColumnLetters(c)}{line}" : (language == Language.Korean ? $" {line}행" : $" row {line}");
        }
        else if (Line is { } line2)
        {
            where += $":{line2}";
            if (Column is { } column)
            {
                where += $":{column}";
            }
        }
        var kind = IsWarning ? (language == Language.Korean ? "경고" : "warning") : (language == Language.Korean ? "오류" : "error");
        var detail = "";
        if (ColumnName is not null)
        {
            detail = language == Language.Korean ? $" (열 '{ColumnName}'" : $" (column '{ColumnName}'";
            detail += Value is null ? ")" : language == Language.Korean ? $", 값 '{Output.Cells.Shown(Value)}')" : $", value '{Output.Cells.Shown(Value)}')";
        }
        return $"{where}: {kind}: {Message.In(language)}{detail}";
    }
}

/// <summary>The input is wrong: the command reports every problem and exits with 2.</summary>
internal sealed class InputException(IReadOnlyList<InputProblem> problems) : Exception(problems.Count > 0 ? problems[0].Message.English : "bad input")
{
    public IReadOnlyList<InputProblem> Problems { get; } = problems;

    /// <summary>Errors not listed because there were too many.</summary>
    public int Omitted { get; init; }

    public InputException(InputProblem problem)
        : this([problem])
    {
    }
}
