namespace Outreach.Bot.Staff.Console.Layout;

/// <summary>Which menu entry a page belongs to (marked as the current page for screen readers and the eye).</summary>
public enum ConsoleSection
{
    None = 0,
    Home = 1,
    Posts = 2,
    Approvals = 3,
    Calendar = 4,
    Accounts = 5,
    Reach = 10,
    Handoffs = 6,
    Units = 11,
    Members = 12,
    Knowledge = 13,
    Unanswered = 14,
    Notices = 20,
    ChannelAccounts = 15,
}
