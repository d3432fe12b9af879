using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Outreach.Bot.Channels;
using Outreach.Bot.Core;
using Outreach.Content.Channels;
using Outreach.Content.Inbox;
using Outreach.Scheduler.Sending;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Channels;

/// <summary>The channel contract's checks: a channel is registered whole (channel and sender) and with its migration.</summary>
public sealed class ChannelContractTests(PostgresServer server)
{
    [Fact]
    public void Registry_ChannelWithoutSender_IsRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ChannelRegistry([new BareChannel("fax")], []));

        Assert.Contains("fax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_NamesEveryRegisteredChannel_DisplayNameFromItsProfile()
    {
        var registry = new ChannelRegistry([new BareChannel("fax")], [new BareSender("fax")]);

        Assert.Equal("Fax (fax)", registry.Catalog.DisplayName("fax"));
        Assert.Equal("pigeon", registry.Catalog.DisplayName("pigeon"));
        Assert.Equal(["fax"], registry.Catalog.Offered);
    }

    [Fact]
    public async Task Start_RegisteredChannelWithoutItsMigration_StopsWithItsName()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestHost.StartAsync(
            database,
            configure: b => b.Services.AddSingleton<IChannel>(new BareChannel("fax")).AddSingleton<IChannelSender>(new BareSender("fax")),
            cancellationToken: ct));

        Assert.Contains("fax", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contacts_OnlyOfChannelsInTheChannelsTable()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await server.CreateDatabaseAsync(ct);
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);

        await connection.ExecuteAsync("INSERT INTO contacts (channel, account_id, platform_user_id) VALUES ('zalo', 'oa', 'u1')");
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            connection.ExecuteAsync("INSERT INTO contacts (channel, account_id, platform_user_id) VALUES ('fax', 'oa', 'u1')"));
    }

    private sealed class BareChannel(string name) : IChannel
    {
        public ChannelProfile Profile { get; } = new(name, $"Fax ({name})");

        public IReadOnlyList<Activity> ToActivities(InboxEvent inboxEvent) => [];

        public ChannelPreview Preview(OutboundMessage message) => new(name, [], 0, 0);
    }

    private sealed class BareSender(string name) : IChannelSender
    {
        public string Channel => name;

        public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
            Task.FromResult(SendResult.Sent("x"));
    }
}
