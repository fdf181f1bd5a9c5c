using FundingMatch.Cli.Commands;

namespace FundingMatch.Tests.Cli;

public class InOrderTests
{
    [Fact]
    public void Map_GivesTheResultsInThePartsOrder_HoweverLongEachTakes()
    {
        var parts = Enumerable.Range(0, 200).ToList();
        var results = InOrder.Map(parts, i =>
        {
            // Later parts often finish first.
            Thread.SpinWait((200 - i) % 7 * 10_000);
            return i * 2;
        }, workers: 4, window: 6).ToList();
        results.ShouldBe(parts.Select(i => i * 2).ToList());
        InOrder.Map(new List<int>(), i => i).ShouldBeEmpty();
    }

    [Fact]
    public void Map_KeepsAtMostTheWindowOfPartsAheadOfTheConsumer()
    {
        var started = 0;
        var maxAhead = 0;
        var consumed = 0;
        foreach (var _ in InOrder.Map(Enumerable.Range(0, 100).ToList(), i =>
        {
            var ahead = Interlocked.Increment(ref started) - Volatile.Read(ref consumed);
            InterlockedMax(ref maxAhead, ahead);
            return i;
        }, workers: 3, window: 4))
        {
            Thread.Sleep(1);
            Interlocked.Increment(ref consumed);
        }
        started.ShouldBe(100);
        maxAhead.ShouldBeLessThanOrEqualTo(5); // the window, and the one the consumer holds
    }

    [Fact]
    public void Map_ThrowsAPartsExceptionAfterTheResultsBeforeIt()
    {
        var seen = new List<int>();
        var e = Should.Throw<IOException>(() =>
        {
            foreach (var i in InOrder.Map(Enumerable.Range(0, 50).ToList(), i => i == 17 ? throw new IOException("disk gone") : i, workers: 2))
            {
                seen.Add(i);
            }
        });
        e.Message.ShouldBe("disk gone");
        seen.ShouldBe(Enumerable.Range(0, 17).ToList());
    }

    [Fact]
    public void Map_AConsumerThatStops_LeavesNoWorkRunning()
    {
        var running = 0;
        var results = InOrder.Map(Enumerable.Range(0, 1000).ToList(), i =>
        {
            Interlocked.Increment(ref running);
            Thread.Sleep(2);
            Interlocked.Decrement(ref running);
            return i;
        }, workers: 2).Take(10).ToList();
        results.ShouldBe(Enumerable.Range(0, 10).ToList());
        // Once the enumeration has ended, no part is being worked on (the file it reads may be closed now).
        Volatile.Read(ref running).ShouldBe(0);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
