using Microsoft.Extensions.Options;
using Outreach.Bot.Channels.Messenger;

namespace Outreach.Bot.Tests.Channels.Messenger;

public sealed class MessengerRateLimitsTests
{
    [Fact]
    public void TryAcquire_OnePageSpendsItsBucket_AnotherPageStillSends()
    {
        using var limits = new MessengerRateLimits(Options.Create(new MessengerOptions { SendsPerSecondPerPage = 3 }));

        var pageA = Enumerable.Range(0, 4).Select(_ => limits.TryAcquire("111").IsAcquired).ToList();
        var pageB = limits.TryAcquire("222").IsAcquired;

        Assert.Equal([true, true, true, false], pageA);
        Assert.True(pageB);
    }

    [Fact]
    public async Task AcquireAsync_BucketEmpty_WaitsForTheNextTokenInsteadOfFailing()
    {
        using var limits = new MessengerRateLimits(Options.Create(new MessengerOptions { SendsPerSecondPerPage = 10 }));
        for (var i = 0; i < 10; i++)
        {
            Assert.True(limits.TryAcquire("111").IsAcquired);
        }

        using var lease = await limits.AcquireAsync("111", TestContext.Current.CancellationToken);

        Assert.True(lease.IsAcquired);
    }
}
