using Outreach.Bot.Core;

namespace Outreach.Bot.Pipeline;

/// <summary>
/// The middleware of every turn, in the order they run: receipts → contact → crisis guard → a menu's label typed as its tap →
/// opt-out → handoff guard → the bot.
/// The crisis guard runs before opt-out and handoff, so a member in danger gets hotlines whatever else is going on.
/// The order is written here, once, and never left to assembly scanning.
/// </summary>
public sealed class TurnPipeline(
    ReceiptMiddleware receipts, ContactMiddleware contacts, CrisisGuardMiddleware crisis, MenuChoiceMiddleware menuChoice, OptOutMiddleware optOut,
    HandoffGuardMiddleware handoff)
{
    public IReadOnlyList<IMiddleware> Middleware { get; } = [receipts, contacts, crisis, menuChoice, optOut, handoff];

    public void ApplyTo(BotAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        foreach (var middleware in Middleware)
        {
            adapter.Use(middleware);
        }
    }
}
