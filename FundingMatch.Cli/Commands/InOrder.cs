using System.Runtime.ExceptionServices;

namespace FundingMatch.Cli.Commands;

/// <summary>
/// Works on parts on threads of its own, one a core, and gives the results in the parts' order: a large file cut
/// into parts is read on every core while its consumer takes the parts one by one, as if they were read in a row.
/// </summary>
internal static class InOrder
{
    /// <summary>
    /// <paramref name="work"/> on each part on <paramref name="workers"/> threads (by default one a core), at most
    /// <paramref name="window"/> parts ahead of the consumer (memory stays bounded), the results in the parts' order.
    /// An exception of a part is thrown where its result would have come, after the results before it. No work is left
    /// running once the enumeration ends, however it ends.
    /// </summary>
    /// <remarks>
    /// Waiting threads block rather than spin: on a machine of two cores, a thread pool's spinning workers and a
    /// consumer spinning on a task took as much processor time as the work (measured in BENCHMARKS.md).
    /// </remarks>
    public static IEnumerable<TResult> Map<TPart, TResult>(IReadOnlyList<TPart> parts, Func<TPart, TResult> work, int workers = 0, int window = 0)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(work);
        workers = workers > 0 ? workers : Environment.ProcessorCount;
        window = Math.Max(window > 0 ? window : workers + 2, workers);
        var results = new TResult[parts.Count];
        var failures = new ExceptionDispatchInfo?[parts.Count];
        var done = new bool[parts.Count];
        var gate = new object();
        var next = 0;
        var consumed = 0;
        var stop = false;

        void Work()
        {
            while (true)
            {
                int i;
                lock (gate)
                {
                    while (!stop && next < parts.Count && next - consumed >= window)
                    {
                        Monitor.Wait(gate);
                    }
                    if (stop || next >= parts.Count)
                    {
                        return;
                    }
                    i = next++;
                }
                TResult result = default!;
                ExceptionDispatchInfo? failure = null;
                try
                {
                    result = work(parts[i]);
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
                lock (gate)
                {
                    results[i] = result;
                    failures[i] = failure;
                    done[i] = true;
                    Monitor.PulseAll(gate);
                }
            }
        }

        var threads = new Thread[Math.Min(workers, parts.Count)];
        for (var t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(Work) { IsBackground = true, Name = "fundingmatch part" };
            threads[t].Start();
        }
        try
        {
            for (var i = 0; i < parts.Count; i++)
            {
                TResult result;
                lock (gate)
                {
                    while (!done[i])
                    {
                        Monitor.Wait(gate);
                    }
                    result = results[i];
                    results[i] = default!;
                    consumed++;
                    Monitor.PulseAll(gate);
                }
                failures[i]?.Throw();
                yield return result;
            }
        }
        finally
        {
            // A consumer that stopped early, or a part that failed: the parts still being worked on are finished (their
            // results and failures no longer matter), so that nothing reads a file its owner is about to close.
            lock (gate)
            {
                stop = true;
                Monitor.PulseAll(gate);
            }
            foreach (var thread in threads)
            {
                thread.Join();
            }
        }
    }
}
