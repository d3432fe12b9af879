using Outreach.Bot.Core;
using Outreach.Testing;

namespace Outreach.Bot.Tests.Core;

public sealed class MiddlewareSetTests
{
    [Fact]
    public async Task RunPipelineAsync_ThreeSteps_RunInOrderAroundTheBot()
    {
        var trace = new List<string>();
        var adapter = new TestAdapter();
        adapter.Use(new Tracing("a", trace)).Use(new Tracing("b", trace)).Use(new Tracing("c", trace));

        await adapter.ProcessAsync(new CallbackBot(_ => trace.Add("bot")), TestAdapter.Message("hi"), TestContext.Current.CancellationToken);

        Assert.Equal(["a>", "b>", "c>", "bot", "<c", "<b", "<a"], trace);
    }

    [Fact]
    public async Task RunPipelineAsync_StepDoesNotCallNext_LaterStepsAndBotDoNotRun()
    {
        var trace = new List<string>();
        var adapter = new TestAdapter();
        adapter.Use(new Tracing("a", trace)).Use(new ShortCircuit(trace)).Use(new Tracing("c", trace));

        await adapter.ProcessAsync(new CallbackBot(_ => trace.Add("bot")), TestAdapter.Message("hi"), TestContext.Current.CancellationToken);

        Assert.Equal(["a>", "stop", "<a"], trace);
    }

    [Fact]
    public async Task RunPipelineAsync_BotThrowsAndOnTurnErrorSet_HandlerReceivesErrorAndMayReply()
    {
        var adapter = new TestAdapter();
        Exception? seen = null;
        adapter.OnTurnError = async (context, error) =>
        {
            seen = error;
            await context.SendActivityAsync("Xin lỗi, có lỗi xảy ra.");
        };

        var sent = await adapter.ProcessAsync(
            new CallbackBot(_ => throw new InvalidOperationException("boom")), TestAdapter.Message("hi"), TestContext.Current.CancellationToken);

        Assert.IsType<InvalidOperationException>(seen);
        Assert.Equal("Xin lỗi, có lỗi xảy ra.", Assert.Single(sent).Text);
    }

    [Fact]
    public async Task OnSendActivities_HandlerPrependsActivity_ItIsSentFirst()
    {
        var adapter = new TestAdapter();
        adapter.Use(new PrependOnSend("113 trước"));

        var sent = await adapter.ProcessAsync(
            new AsyncBot(c => c.SendActivityAsync("menu")), TestAdapter.Message("hi"), TestContext.Current.CancellationToken);

        Assert.Equal(["113 trước", "menu"], sent.Select(a => a.Text));
        Assert.All(sent, a => Assert.Equal("member-1", a.Recipient.Id));
    }

    private sealed class Tracing(string name, List<string> trace) : IMiddleware
    {
        public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            trace.Add(name + ">");
            await next(cancellationToken);
            trace.Add("<" + name);
        }
    }

    private sealed class ShortCircuit(List<string> trace) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            trace.Add("stop");
            return Task.CompletedTask;
        }
    }

    private sealed class PrependOnSend(string first) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            turnContext.OnSendActivities((context, activities, nextSend, ct) =>
            {
                activities.Insert(0, context.Activity.CreateReply(first));
                return nextSend();
            });
            return next(cancellationToken);
        }
    }

    private sealed class CallbackBot(Action<ITurnContext> onTurn) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            onTurn(turnContext);
            return Task.CompletedTask;
        }
    }

    private sealed class AsyncBot(Func<ITurnContext, Task> onTurn) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) => onTurn(turnContext);
    }
}
