using System.Reflection;

namespace FundingMatch;

/// <summary>About the library itself.</summary>
public static class Library
{
    /// <summary>The version of FundingMatch (the packages, the tool and the JSON reports share it), e.g. <c>0.2.0</c>.</summary>
    public static string Version { get; } =
        typeof(Library).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
