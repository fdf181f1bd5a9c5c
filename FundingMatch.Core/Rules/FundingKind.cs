namespace FundingMatch.Rules;

/// <summary>The kind of a contribution: money (현금) or goods, land and labour valued in won (현물).</summary>
public enum FundingKind
{
    /// <summary>현금: cash.</summary>
    Cash = 0,

    /// <summary>현물: in kind (land, a building, staff time), valued in won.</summary>
    InKind = 1,
}
