namespace FundingMatch.Rules;

/// <summary>A source of a site's money (재원). The order is report order.</summary>
public enum FundingSource
{
    /// <summary>국비: the national budget.</summary>
    National = 0,

    /// <summary>시·도비: the province or metropolitan city (광역).</summary>
    Provincial = 1,

    /// <summary>시·군·구비: the city, county or district (기초).</summary>
    Municipal = 2,

    /// <summary>지방비 given without its split into provincial and municipal money: still local-government money.</summary>
    Local = 3,

    /// <summary>민간 (자부담): private partners, or the firm's own money.</summary>
    Private = 4,
}
