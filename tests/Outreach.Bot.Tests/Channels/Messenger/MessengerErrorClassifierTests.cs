using System.Net.Http.Headers;
using Outreach.Bot.Channels.Messenger;
using Outreach.Scheduler.Sending;

namespace Outreach.Bot.Tests.Channels.Messenger;

public sealed class MessengerErrorClassifierTests
{
    [Theory]
    [InlineData("e01-outside-window.json", SendOutcome.OutsideWindow, "10/2018278")]
    [InlineData("e02-outside-window-zh.json", SendOutcome.OutsideWindow, "10/2018278")]
    [InlineData("e15-outside-window-news.json", SendOutcome.OutsideWindow, "10/2018065")]
    [InlineData("e03-unavailable-200.json", SendOutcome.Unreachable, "200/1545041")]
    [InlineData("e03-unavailable-551.json", SendOutcome.Unreachable, "551/1545041")]
    [InlineData("e13-no-matching-user.json", SendOutcome.Unreachable, "100/2018001")]
    [InlineData("e16-cannot-receive.json", SendOutcome.Unreachable, "10/2018108")]
    [InlineData("e17-message-not-sent.json", SendOutcome.Unreachable, "200/1545041")]
    [InlineData("e04-app-rate-limit.json", SendOutcome.RateLimited, "4")]
    [InlineData("e11-rate-limit-613.json", SendOutcome.RateLimited, "613")]
    [InlineData("e07-token-expired.json", SendOutcome.AuthFailed, "190/463")]
    [InlineData("e07-token-logged-out.json", SendOutcome.AuthFailed, "190/460")]
    [InlineData("e07-token-not-authorized.json", SendOutcome.AuthFailed, "190/458")]
    [InlineData("e08-invalid-token.json", SendOutcome.AuthFailed, "190/1234567")]
    [InlineData("e14-invalid-token.json", SendOutcome.AuthFailed, "190")]
    [InlineData("e06-permissions.json", SendOutcome.AuthFailed, "200")]
    [InlineData("e18-requires-pages-messaging.json", SendOutcome.AuthFailed, "230")]
    [InlineData("e18b-app-not-live.json", SendOutcome.AuthFailed, "200/2018028")]
    [InlineData("e10-temporary-failure.json", SendOutcome.Transient, "1200")]
    [InlineData("e05-upload-failure.json", SendOutcome.Rejected, "100/2018047")]
    [InlineData("e09-invalid-parameter.json", SendOutcome.Rejected, "100")]
    [InlineData("e12-invalid-fbid.json", SendOutcome.Rejected, "100")]
    public void Classify_RecordedGraphErrors_ByCodeAndSubcode(string file, SendOutcome outcome, string code)
    {
        var result = MessengerErrorClassifier.Classify(400, MessengerErrorClassifier.ParseError(TestData.Text(file)));

        Assert.Equal((outcome, code), (result.Outcome, result.ErrorCode));
    }

    [Fact]
    public void Classify_RateLimit_WaitsForRetryAfterThenUsageHeaderThenDefault()
    {
        var error = MessengerErrorClassifier.ParseError(TestData.Text("e11-rate-limit-613.json"));
        using var withRetryAfter = new HttpResponseMessage();
        withRetryAfter.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
        using var withUsage = new HttpResponseMessage();
        withUsage.Headers.Add("X-Business-Use-Case-Usage",
            """{"106378625516323":[{"type":"messenger","call_count":100,"total_cputime":1,"total_time":1,"estimated_time_to_regain_access":3}]}""");

        Assert.Equal(TimeSpan.FromSeconds(7), MessengerErrorClassifier.Classify(400, error, withRetryAfter.Headers).RetryAfter);
        Assert.Equal(TimeSpan.FromMinutes(3), MessengerErrorClassifier.Classify(400, error, withUsage.Headers).RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(60), MessengerErrorClassifier.Classify(400, error).RetryAfter);
    }

    [Theory]
    [InlineData(503, SendOutcome.Transient)]
    [InlineData(500, SendOutcome.Transient)]
    [InlineData(429, SendOutcome.RateLimited)]
    [InlineData(404, SendOutcome.Rejected)]
    public void Classify_NoGraphErrorBody_ByHttpStatus(int status, SendOutcome outcome)
    {
        Assert.Equal(outcome, MessengerErrorClassifier.Classify(status, MessengerErrorClassifier.ParseError("<html>busy</html>")).Outcome);
    }
}
