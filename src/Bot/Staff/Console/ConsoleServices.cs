using Outreach.Bot.Staff.Console.Previews;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console;

/// <summary>What the console's post pages need beside the staff API's services, bound in one parameter ([AsParameters]).</summary>
public sealed record ConsoleServices(StaffUserStore Staff, MessagePreviewer Previewer, ConsoleStore Store);
