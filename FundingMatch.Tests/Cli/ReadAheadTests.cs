using FundingMatch.Cli.Commands;

namespace FundingMatch.Tests.Cli;

public class ReadAheadTests
{
    [Fact]
    public void Of_GivesEveryItemInTheSourcesOrder()
    {
        ReadAhead.Of(Enumerable.Range(0, 10_007), batchSize: 64, depth: 2).ToList().ShouldBe(Enumerable.Range(0, 10_007).ToList());
        ReadAhead.Of(Enumerable.Empty<int>()).ShouldBeEmpty();
    }

    [Fact]
    public void Of_ThrowsTheSourcesExceptionAfterTheItemsBeforeIt()
    {
        static IEnumerable<int> Failing()
        {
            for (var i = 0; i < 100; i++)
            {
                yield return i;
            }
            throw new IOException("disk gone");
        }
        var seen = new List<int>();
        var e = Should.Throw<IOException>(() =>
        {
            foreach (var i in ReadAhead.Of(Failing(), batchSize: 7, depth: 2))
            {
                seen.Add(i);
            }
        });
        e.Message.ShouldBe("disk gone");
        seen.ShouldBe(Enumerable.Range(0, 98).ToList()); // the last, unfinished batch of 7 is not given
    }

    [Fact]
    public void Of_AConsumerThatStops_StopsTheReaderAndItsSource()
    {
        var disposed = new ManualResetEventSlim();
        IEnumerable<int> Endless()
        {
            try
            {
                for (var i = 0; ; i++)
                {
                    yield return i;
                }
            }
            finally
            {
                disposed.Set();
            }
        }
        ReadAhead.Of(Endless(), batchSize: 16, depth: 2).Take(50).Sum().ShouldBe(Enumerable.Range(0, 50).Sum());
        disposed.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken).ShouldBeTrue("the source was left open");
    }
}
