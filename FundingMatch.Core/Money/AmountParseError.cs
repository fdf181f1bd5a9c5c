namespace FundingMatch.Money;

/// <summary>Why a text is not an amount of won.</summary>
public enum AmountParseError
{
    /// <summary>Parsed without error.</summary>
    None,

    /// <summary>The text is empty or blank.</summary>
    Empty,

    /// <summary>A character that is not part of any amount form.</summary>
    UnexpectedCharacter,

    /// <summary>A sign with no number after it, or a unit with no number before it.</summary>
    MissingNumber,

    /// <summary>Thousands separators not in groups of three (<c>2,50,000</c>).</summary>
    MisplacedSeparator,

    /// <summary>A fraction that does not come to a whole number of won (<c>1.5원</c>, <c>0.000000001억</c>).</summary>
    NotWholeWon,

    /// <summary>Korean unit groups out of order or overlapping (<c>5억 1조</c>, <c>1조 20,000억</c>).</summary>
    UnitOrder,

    /// <summary>The amount does not fit in 64 bits of won.</summary>
    TooLarge,

    /// <summary>천 right after 억 or 조 (<c>2억5천</c>): 5,000원 by the grammar, 5천만원 as people mean it; refused with a hint.</summary>
    AmbiguousThousand,
}

/// <summary>Messages for <see cref="AmountParseError"/>.</summary>
public static class AmountParseErrors
{
    /// <summary>The forms an amount may take, for error messages.</summary>
    public const string ExpectedForms =
        "a whole number of won such as 2500000000, 2,500,000,000, 2,500,000,000원, 25억원, 7.5억, 2,500백만원, 2,500,000천원, 1조 2,000억원, or △1,000 / -1,000 for a negative";

    /// <summary>An English sentence that says why <paramref name="text"/> is not an amount and what was expected.</summary>
    public static string Describe(AmountParseError error, string text)
    {
        var why = error switch
        {
            AmountParseError.Empty => "it is empty",
            AmountParseError.UnexpectedCharacter => "it has a character that no amount form uses",
            AmountParseError.MissingNumber => "a sign or unit has no number with it",
            AmountParseError.MisplacedSeparator => "its thousands separators are not in groups of three",
            AmountParseError.NotWholeWon => "it does not come to a whole number of won",
            AmountParseError.UnitOrder => "its Korean units are out of order or overlap",
            AmountParseError.TooLarge => "it is too large (more than 9,223,372,036,854,775,807 won)",
            AmountParseError.AmbiguousThousand => "천 right after 억 or 조 is ambiguous (5천 is 5,000 won; 5천만 is 50,000,000): write 2억 5천만 or 2억5,000만, or 2억 5,000원 if you mean that",
            _ => "it is not an amount",
        };
        return error == AmountParseError.AmbiguousThousand ? $"'{text}' is not an amount: {why}." : $"'{text}' is not an amount: {why}; expected {ExpectedForms}.";
    }

    /// <summary>A Korean sentence that says why <paramref name="text"/> is not an amount.</summary>
    public static string DescribeKorean(AmountParseError error, string text)
    {
        var why = error switch
        {
            AmountParseError.Empty => "값이 비어 있습니다",
            AmountParseError.UnexpectedCharacter => "금액에 쓸 수 없는 문자가 있습니다",
            AmountParseError.MissingNumber => "부호나 단위에 숫자가 없습니다",
            AmountParseError.MisplacedSeparator => "천 단위 구분 기호(,)가 세 자리마다 있지 않습니다",
            AmountParseError.NotWholeWon => "원 단위 정수가 되지 않습니다",
            AmountParseError.UnitOrder => "단위(조·억·만)의 순서가 맞지 않습니다",
            AmountParseError.TooLarge => "금액이 너무 큽니다",
            AmountParseError.AmbiguousThousand => "억·조 바로 뒤의 천은 모호합니다(5천은 5,000원, 5천만은 5천만원): 2억 5천만 또는 2억5,000만으로 쓰십시오",
            _ => "금액이 아닙니다",
        };
        return $"'{text}'은(는) 금액이 아닙니다: {why}. 예: 2,500,000,000, 25억원, 7.5억, 2,500백만원, △1,000";
    }
}
