using Outreach.Content.Time;
using Outreach.Content.Broadcasts;
using Outreach.Testing;

namespace Outreach.Scheduler.Tests.Broadcasting;

public sealed class QuietHoursTests
{
    private readonly QuietHours _quiet = TestChannels.QuietHours();

    [Theory]
    [InlineData("2026-11-27 20:59", true)]
    [InlineData("2026-11-27 21:00", false)]
    [InlineData("2026-11-28 03:00", false)]
    [InlineData("2026-11-28 06:59", false)]
    [InlineData("2026-11-28 07:00", true)]
    public void IsAllowed_PromotionalOnMessenger_FollowsQuietHoursInVietnamTime(string local, bool allowed)
    {
        Assert.Equal(allowed, _quiet.IsAllowed(Vn(local), ["messenger"], isPromotional: true));
    }

    [Fact]
    public void IsAllowed_UrgentOnMessengerAtNight_IsAllowed()
    {
        Assert.True(_quiet.IsAllowed(Vn("2026-11-28 02:00"), ["messenger"], isPromotional: false));
    }

    [Fact]
    public void IsAllowed_UrgentOnZaloAtNight_RespectsZaloDeliveryHours()
    {
        Assert.False(_quiet.IsAllowed(Vn("2026-11-28 02:00"), ["zalo"], isPromotional: false));
        Assert.True(_quiet.IsAllowed(Vn("2026-11-28 06:00"), ["zalo"], isPromotional: false));
        Assert.False(_quiet.IsAllowed(Vn("2026-11-28 22:00"), ["zalo"], isPromotional: false));
    }

    [Theory]
    [InlineData("2026-11-27 22:30", true, "messenger", "2026-11-28 07:00")]
    [InlineData("2026-11-28 00:10", true, "messenger", "2026-11-28 07:00")]
    [InlineData("2026-11-27 23:00", false, "zalo", "2026-11-28 06:00")]
    [InlineData("2026-11-28 06:30", true, "zalo", "2026-11-28 07:00")]
    [InlineData("2026-11-27 10:15", true, "zalo", "2026-11-27 10:15")]
    public void NextAllowed_IsTheEndOfTheForbiddenStretch(string local, bool promotional, string channel, string expectedLocal)
    {
        var next = _quiet.NextAllowed(Vn(local), [channel], promotional);

        Assert.Equal(Vn(expectedLocal), next);
    }

    [Fact]
    public void NextAllowed_SpansTheDateLineOfUtc()
    {
        // 22:30 in Vietnam is 15:30 UTC the same day; 07:00 next morning is 00:00 UTC the day after.
        var next = _quiet.NextAllowed(new DateTimeOffset(2026, 11, 27, 15, 30, 0, TimeSpan.Zero), ["messenger", "zalo"], isPromotional: true);

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), next);
    }

    private static DateTimeOffset Vn(string local)
    {
        var parsed = DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return VietnamTime.FromLocal(DateOnly.FromDateTime(parsed), TimeOnly.FromDateTime(parsed));
    }
}
