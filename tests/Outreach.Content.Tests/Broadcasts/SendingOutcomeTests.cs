using Outreach.Content.Broadcasts;
using Outreach.Content.Posts;

namespace Outreach.Content.Tests.Broadcasts;

/// <summary>Issue 18.1: a sending's outcome from its deliveries; skipped members are not failures.</summary>
public sealed class SendingOutcomeTests
{
    [Theory]
    [InlineData(5, 0, 0, 2, BroadcastStatuses.Completed, PostStatuses.Sent)]
    [InlineData(0, 0, 0, 7, BroadcastStatuses.Completed, PostStatuses.Sent)]
    [InlineData(0, 1602, 0, 0, BroadcastStatuses.Failed, PostStatuses.Failed)]
    [InlineData(0, 0, 3, 1, BroadcastStatuses.Failed, PostStatuses.Failed)]
    [InlineData(10, 4, 0, 0, BroadcastStatuses.Partial, PostStatuses.Partial)]
    [InlineData(10, 0, 1, 0, BroadcastStatuses.Partial, PostStatuses.Partial)]
    public void Outcome_FollowsWhatWasReachedAndWhatFailed(int sent, int failed, int unknown, int skipped, string broadcast, string post)
    {
        DeliveryCount[] counts =
        [
            new(DeliveryStatuses.Sent, null, sent), new(DeliveryStatuses.Failed, FailReasons.PlatformUnreachable, failed),
            new(DeliveryStatuses.Unknown, null, unknown), new(DeliveryStatuses.Skipped, SkipReasons.Unreachable, skipped),
        ];

        var outcome = SendingOutcome.Of(counts);

        Assert.Equal(broadcast, outcome);
        Assert.Equal(post, SendingOutcome.PostStatus(outcome));
    }
}
