using System.Runtime.ExceptionServices;

namespace FundingMatch.Cli.Input;

/// <summary>Two pieces of work at once: the second on a thread of its own, the first on the caller's.</summary>
internal static class TwoThreads
{
    /// <summary>
    /// Runs <paramref name="first"/> and <paramref name="second"/> at the same time and gives both results; an exception
    /// of either is thrown here (the first's when both fail), once both have ended.
    /// </summary>
    public static (T First, T Second) Run<T>(Func<T> first, Func<T> second)
    {
        T secondResult = default!;
        ExceptionDispatchInfo? secondFailure = null;
        var thread = new Thread(() =>
        {
            try
            {
                secondResult = second();
            }
            catch (Exception e)
            {
                secondFailure = ExceptionDispatchInfo.Capture(e);
            }
        })
        { IsBackground = true, Name = "fundingmatch open" };
        thread.Start();
        T firstResult;
        try
        {
            firstResult = first();
        }
        finally
        {
            thread.Join();
        }
        secondFailure?.Throw();
        return (firstResult, secondResult);
    }
}
