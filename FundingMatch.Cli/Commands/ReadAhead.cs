using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace FundingMatch.Cli.Commands;

/// <summary>
/// Enumerates a source on a thread of its own, a batch ahead of its consumer, so that reading a file and judging
/// what was read use two cores. The order is the source's; memory is bounded (at most <c>depth</c> batches wait);
/// an exception of the source is thrown to the consumer where the source would have thrown it, after the items
/// before it; a consumer that stops early stops the reader.
/// </summary>
internal static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int batchSize = 1024, int depth = 8)
    {
        using var queue = new BlockingCollection<T[]>(depth);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var reader = new Thread(() =>
        {
            try
            {
                var batch = new List<T>(batchSize);
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count == batchSize)
                    {
                        queue.Add([.. batch], stop.Token);
                        batch.Clear();
                    }
                }
                if (batch.Count > 0)
                {
                    queue.Add([.. batch], stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped: nothing more is wanted.
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "fundingmatch read-ahead",
        };
        reader.Start();
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable())
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }
            reader.Join();
            failure?.Throw();
        }
        finally
        {
            if (reader.IsAlive)
            {
                stop.Cancel();
                // Unblock a reader waiting for room, then wait for it to close its files.
                while (queue.TryTake(out _))
                {
                }
                reader.Join();
            }
        }
    }
}
