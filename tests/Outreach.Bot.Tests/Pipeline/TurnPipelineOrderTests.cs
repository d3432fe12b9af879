using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Outreach.Bot.Answers;
using Outreach.Bot.Core;
using Outreach.Content.Unanswered;
using Outreach.Bot.Pipeline;
using Outreach.Content.Alerts;
using Outreach.Content.ContentPacks;
using Outreach.Content.Contacts;
using Outreach.Content.Dialogs;
using Outreach.Content.Handoffs;
using Outreach.Content.KnowledgeBase;
using Outreach.Content.Messages;
using Outreach.Content.Stats;
using Outreach.Content.Subscriptions;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Pipeline;

/// <summary>The real pipeline in memory (no turn session, so no database is touched): what each guard lets through.</summary>
public sealed class TurnPipelineOrderTests : IAsyncDisposable
{
    // Never opened: without a turn session the middleware do not write.
    private readonly NpgsqlDataSource _unused = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1");

    [Theory]
    [InlineData("dừng lại, chồng em đang đánh em")]
    [InlineData("STOP chồng đang đánh em")]
    [InlineData("ck e dang danh e, cuu e")]
    public async Task CrisisMessage_HotlineReplyAndTurnEndsBeforeOptOutAndBot(string text)
    {
        var (adapter, bot) = await BuildAsync();

        var sent = await adapter.SendAsync(bot, text, cancellationToken: TestContext.Current.CancellationToken);

        var reply = Assert.Single(sent);
        Assert.StartsWith("Gọi ngay 113", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, bot.Calls);
    }

    [Fact]
    public async Task StopWord_OptOutReplyAndBotNotCalled()
    {
        var (adapter, bot) = await BuildAsync();

        var sent = await adapter.SendAsync(bot, "Dừng", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("dừng gửi tin", Assert.Single(sent).Text, StringComparison.Ordinal);
        Assert.Equal(0, bot.Calls);
    }

    [Fact]
    public async Task OrdinaryQuestion_ReachesTheBot()
    {
        var (adapter, bot) = await BuildAsync();

        await adapter.SendAsync(bot, "dừng vay vốn có được không", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, bot.Calls);
    }

    public ValueTask DisposeAsync() => _unused.DisposeAsync();

    private async Task<(TestAdapter Adapter, CountingBot Bot)> BuildAsync()
    {
        var knowledge = new CurrentKnowledge();
        var directory = Path.Combine(AppContext.BaseDirectory, "ContentPacks", "pack");
        knowledge.Swap(KnowledgeSnapshot.Build(await ContentPackReader.ReadAsync(directory, TestContext.Current.CancellationToken)));
        var options = Options.Create(new KnowledgeOptions());
        var time = TimeProvider.System;
        var reach = new ReachEventStore(_unused, Options.Create(new ReachOptions()));
        var pipeline = new TurnPipeline(
            new ReceiptMiddleware(new OutboundMessageStore(_unused, time), new Outreach.Content.Broadcasts.DeliveryStore(_unused), time),
            new ContactMiddleware(new ContactStore(_unused), reach),
            new CrisisGuardMiddleware(
                knowledge, new CrisisRecorder(new CrisisAlertStore(_unused), new HandoffStore(_unused), new DialogStateStore()),
                new AnswerFeedback(new MemberQuestionStore(), Options.Create(new UnansweredOptions()), time), options, time,
                NullLogger<CrisisGuardMiddleware>.Instance),
            new MenuChoiceMiddleware(knowledge, new DialogStateStore(), options, time),
            new OptOutMiddleware(knowledge, new SubscriptionStore(), new DialogStateStore(), options, time, reach),
            new HandoffGuardMiddleware(new HandoffStore(_unused), Options.Create(new HandoffOptions())));
        return (new TestAdapter(pipeline), new CountingBot());
    }

    private sealed class CountingBot : IBot
    {
        public int Calls { get; private set; }

        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.CompletedTask;
        }
    }
}
