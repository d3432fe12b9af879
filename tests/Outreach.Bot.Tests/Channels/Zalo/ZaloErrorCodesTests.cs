using Outreach.Bot.Channels.Zalo;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Tests.Channels.Zalo;

public sealed class ZaloErrorCodesTests
{
    private static readonly ZaloOptions Options = new() { RateLimitRetryAfterSeconds = 60 };
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(-32, SendOutcome.RateLimited)]
    [InlineData(-200, SendOutcome.Transient)]
    [InlineData(-230, SendOutcome.OutsideWindow)]
    [InlineData(-232, SendOutcome.OutsideWindow)]
    [InlineData(-213, SendOutcome.Unreachable)]
    [InlineData(-217, SendOutcome.Unreachable)]
    [InlineData(-227, SendOutcome.Unreachable)]
    [InlineData(-216, SendOutcome.AuthFailed)]
    [InlineData(-220, SendOutcome.AuthFailed)]
    [InlineData(-201, SendOutcome.Rejected)]
    [InlineData(-240, SendOutcome.Rejected)]
    [InlineData(-999, SendOutcome.Rejected)]
    public void ToResult_DocumentedCodes_MapToOutcome(int code, SendOutcome outcome)
    {
        var result = ZaloErrorCodes.ToResult(code, "m", Options, Noon);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), result.ErrorCode);
    }

    [Fact]
    public void ToResult_RateLimit_RetriesAfterTheConfiguredWait() =>
        Assert.Equal(TimeSpan.FromSeconds(60), ZaloErrorCodes.ToResult(-32, null, Options, Noon).RetryAfter);

    [Theory]
    [InlineData(23, 7)]
    [InlineData(2, 4)]
    public void ToResult_NightBan_RetriesAtSixInVietnam(int hour, int hoursToWait)
    {
        var now = new DateTimeOffset(2026, 3, 2, hour, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();

        Assert.Equal(TimeSpan.FromHours(hoursToWait), ZaloErrorCodes.ToResult(-234, null, Options, now).RetryAfter);
    }
}
