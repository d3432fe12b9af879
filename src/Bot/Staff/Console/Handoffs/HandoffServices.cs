using Outreach.Bot.Handoffs;
using Outreach.Content.Alerts;
using Outreach.Content.Channels;

namespace Outreach.Bot.Staff.Console.Handoffs;

/// <summary>What the handoff pages and API need, bound in one parameter ([AsParameters]).</summary>
public sealed record HandoffServices(
    HandoffService Handoffs, ConversationHistory History, CrisisAlertStore Alerts, ChannelCatalog Channels, TimeProvider Time);
