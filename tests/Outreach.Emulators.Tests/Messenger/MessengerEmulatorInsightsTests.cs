using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Outreach.Emulators.Messenger;

namespace Outreach.Emulators.Tests.Messenger;

/// <summary>Page post insights as PLATFORM-MESSENGER.md §4.2 and E20 describe them.</summary>
public sealed class MessengerEmulatorInsightsTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Insights_LiveMetrics_AnswerGraphsLifetimeShape()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fb = await Started(ct);

        var (status, body) = await GetAsync(fb, $"v25.0/{fb.PageId}_1/insights?metric=post_media_view,post_reactions_by_type_total", ct);

        Assert.Equal(HttpStatusCode.OK, status);
        var data = body.GetProperty("data");
        Assert.Equal(["post_media_view", "post_reactions_by_type_total"], data.EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal("lifetime", data[0].GetProperty("period").GetString());
        Assert.Equal(40, data[0].GetProperty("values")[0].GetProperty("value").GetInt32());
        Assert.Equal(3, data[1].GetProperty("values")[0].GetProperty("value").GetProperty("like").GetInt32());
        Assert.Equal($"{fb.PageId}_1/insights/post_media_view/lifetime", data[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("post_impressions_unique")]
    [InlineData("post_engaged_users")]
    [InlineData("post_impressions")]
    public async Task Insights_OneDeadMetricAmongLiveOnes_FailsTheWholeRequest(string dead)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fb = await Started(ct);

        var (status, body) = await GetAsync(fb, $"v25.0/{fb.PageId}_1/insights?metric=post_media_view,{dead}", ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(100, body.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("(#100) Giá trị phải là một chỉ số thông tin chi tiết hợp lệ", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Insights_NoMetric_AnswersE20()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fb = await Started(ct);

        var (status, body) = await GetAsync(fb, $"v25.0/{fb.PageId}_1/insights", ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal((3001, 1504028), (body.GetProperty("error").GetProperty("code").GetInt32(), body.GetProperty("error").GetProperty("error_subcode").GetInt32()));
    }

    [Fact]
    public async Task Insights_AnotherPagesPostOrABadToken_Refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fb = await Started(ct);

        var (other, otherBody) = await GetAsync(fb, "v25.0/555_1/insights?metric=post_media_view", ct);
        var (badToken, tokenBody) = await GetAsync(fb, $"v25.0/{fb.PageId}_1/insights?metric=post_media_view", ct, token: "sai");

        Assert.Equal(HttpStatusCode.BadRequest, other);
        Assert.Equal(33, otherBody.GetProperty("error").GetProperty("error_subcode").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, badToken);
        Assert.Equal(190, tokenBody.GetProperty("error").GetProperty("code").GetInt32());
    }

    private static async Task<MessengerEmulator> Started(CancellationToken ct)
    {
        var fb = await MessengerEmulator.StartAsync(cancellationToken: ct);
        fb.PublishPost(fb.PageId + "_1", new Dictionary<string, JsonNode>
        {
            ["post_media_view"] = 40,
            ["post_reactions_by_type_total"] = new JsonObject { ["like"] = 3 },
        });
        return fb;
    }

    private static async Task<(HttpStatusCode, JsonElement)> GetAsync(MessengerEmulator fb, string path, CancellationToken ct, string token = MessengerEmulatorOptions.DefaultPageToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fb.BaseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request, ct);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone());
    }
}
