using System.Net;
using System.Text;
using Outreach.Bot.Tests.Channels.Zalo;
using Outreach.Emulators.Messenger;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels.Messenger;

/// <summary>
/// Found by the webhook fuzzing: a signed body whose page id is not valid UTF-8 got a 500 (JsonDocument checks a string's
/// bytes only when it is read). Nothing a platform sends gets a 5xx: it is an unreadable body, 400.
/// </summary>
public sealed class MessengerInvalidUtf8Tests(PostgresServer server)
{
    private const string Body =
        """{"object":"page","entry":[{"id":"@ID","time":1796599083290,"messaging":[{"sender":{"id":"utf-1"},"recipient":{"id":"134968929707951"},"timestamp":1796599083391,"message":{"mid":"m_utf8","text":"chào"}}]}]}""";

    [Fact]
    public async Task SignedBodyWithInvalidUtf8InThePageId_400NotA500_AndAValidOneIsStillTaken()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        await using var messenger = await MessengerEmulator.StartAsync(cancellationToken: ct);
        var settings = new Dictionary<string, string?>(messenger.GatewaySettings()) { ["Outreach:Inbox:RunWorkers"] = "false" };
        await using var host = await TestHost.StartAsync(database, settings, cancellationToken: ct);
        var webhook = new Uri(host.BaseAddress, "/webhooks/facebook");

        foreach (var invalid in new[] { new byte[] { 0xFF }, [0xC3, 0x28], [0xED, 0xA0, 0x80] })
        {
            var bytes = Encoding.UTF8.GetBytes(Body.Replace("@ID", "13496892970791", StringComparison.Ordinal)).ToList();
            bytes.InsertRange(Encoding.UTF8.GetBytes(Body)[..Body.IndexOf("@ID", StringComparison.Ordinal)].Length + 13, invalid);
            using var response = await messenger.PostRawAsync(webhook, bytes.ToArray(), messenger.Options.AppSecret, ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using var valid = await messenger.PostRawAsync(
            webhook, Encoding.UTF8.GetBytes(Body.Replace("@ID", messenger.PageId, StringComparison.Ordinal)), messenger.Options.AppSecret, ct);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM inbox_events WHERE sender_id = 'utf-1'"));
    }
}
