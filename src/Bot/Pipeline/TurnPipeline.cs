using Outreach.Bot.Core;

namespace Outreach.Bot.Pipeline;

/// <summary>
/// The middleware of every turn, in the order they run (ARCHITECTURE.md): receipts → contact → opt-out → crisis guard →
/// handoff guard → the bot. The order is written here, once, and never left to assembly scanning.
/// </summary>
public sealed class TurnPipeline(ReceiptMiddleware receipts, ContactMiddleware contacts)
{
    public IReadOnlyList<IMiddleware> Middleware { get; } = [receipts, contacts];

    public void ApplyTo(BotAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        foreach (var middleware in Middleware)
        {
            adapter.Use(middleware);
        }
    }
}
