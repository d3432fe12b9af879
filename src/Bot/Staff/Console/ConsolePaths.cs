using System.Globalization;

namespace Outreach.Bot.Staff.Console;

/// <summary>The console's addresses, in one place so pages, handlers and tests agree.</summary>
public static class ConsolePaths
{
    public const string Home = "/staff";
    public const string Posts = "/staff/posts";
    public const string NewPost = "/staff/posts/new";
    public const string Approvals = "/staff/approvals";
    public const string Calendar = "/staff/calendar";
    public const string Accounts = "/staff/accounts";
    public const string Password = "/staff/password";
    public const string Reach = "/staff/reach";
    public const string Handoffs = "/staff/handoffs";
    public const string Units = "/staff/units";
    public const string Members = "/staff/members";
    public const string Knowledge = "/staff/knowledge";
    public const string Notices = "/staff/notices";
    public const string NoticesEmail = "/staff/notices/email";
    public const string NoticesApi = "/staff/api/notices";
    public const string ChannelAccounts = "/staff/channel-accounts";
    public const string SignOut = "/staff/logout";
    public const string HangfireDashboard = "/hangfire";

    public static string SignIn(string? returnUrl = null) =>
        IsLocal(returnUrl) && returnUrl != Home ? "/staff/login?returnUrl=" + Uri.EscapeDataString(returnUrl!) : "/staff/login";

    public static string Post(long id) => Id("/staff/posts/", id);

    public static string EditPost(long id) => Id("/staff/posts/", id) + "/edit";

    public static string PostAction(long id, string action) => Id("/staff/posts/", id) + "/" + action;

    public static string Broadcast(long id) => Id("/staff/broadcasts/", id);

    public static string BroadcastAction(long id, string action) => Id("/staff/broadcasts/", id) + "/" + action;

    public static string BroadcastApi(long id) => Id("/staff/api/broadcasts/", id);

    public static string ChannelAccount(long id) => Id("/staff/channel-accounts/", id);

    public static string Account(long id) => Id("/staff/accounts/", id);

    public static string AccountAction(long id, string action) => Id("/staff/accounts/", id) + "/" + action;

    public static string Handoff(long id) => Id("/staff/handoffs/", id);

    public static string HandoffAction(long id, string action) => Id("/staff/handoffs/", id) + "/" + action;

    public static string CrisisAlertDone(long id) => Id("/staff/handoffs/alerts/", id) + "/done";

    public static string Unit(long id) => Id("/staff/units/", id);

    public static string UnitJoin(long id) => Id("/staff/units/", id) + "/join";

    public static string Member(long id) => Id("/staff/members/", id);

    public static string KnowledgeItem(long id) => Id("/staff/knowledge/", id);

    public static string CalendarMonth(int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{Calendar}?month={year:D4}-{month:D2}");

    /// <summary>True for an address of this console (never another host, never "//host"): the only places sign-in returns to.</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 }
        && url.StartsWith(Home, StringComparison.Ordinal)
        && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.Contains('\\', StringComparison.Ordinal)
        && (url.Length == Home.Length || url[Home.Length] is '/' or '?');

    private static string Id(string prefix, long id) => prefix + id.ToString(CultureInfo.InvariantCulture);
}
