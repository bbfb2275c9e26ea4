using Covacha.Products.Messaging;
using Covacha.Shared.Resilience;

namespace Covacha.Products.Tests.Unit;

public sealed class BackoffTests
{
    private static readonly Backoff s_eventRetry = new OutboxRelaySettings().EventRetry;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(7, 60)]
    [InlineData(5000, 60)]
    public void Ceiling_Attempts_DoublesUpToTheCap(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), s_eventRetry.Ceiling(attempts));

    [Fact]
    public void Delay_ManyRetriesOfTheSameAttempt_SpreadBelowTheCeilingNeverAbove()
    {
        var ceiling = s_eventRetry.Ceiling(3);

        var delays = Enumerable.Range(0, 200).Select(_ => s_eventRetry.Delay(3)).ToList();

        Assert.All(delays, d => Assert.InRange(d, ceiling * (1 - Backoff.Jitter), ceiling));
        Assert.True(delays.Distinct().Count() > 50, "rows that failed together must not all retry at the same moment");
    }

    [Fact]
    public void Delay_AtTheCap_NeverExceedsMax() =>
        Assert.Equal(TimeSpan.FromMinutes(1), s_eventRetry.Delay(100, random: 0));
}
