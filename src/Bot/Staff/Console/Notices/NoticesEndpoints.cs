using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Console.Layout;
using Outreach.Bot.Staff.Notices;
using Outreach.Bot.Staff.Notices.Mail;

namespace Outreach.Bot.Staff.Console.Notices;

/// <summary>
/// /staff/notices ("Thông báo"): what this staff member is to be told now (<see cref="NoticeService"/>), and her own address
/// for being told by e-mail (<see cref="NoticeMailService"/>).
/// </summary>
public static class NoticesEndpoints
{
    public static RouteGroupBuilder MapConsoleNotices(this RouteGroupBuilder console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MapGet("/notices", async (string? notice, HttpContext http, NoticeService notices, NoticeMailService mail, CancellationToken ct) =>
            await PageAsync(http.Session(), notices, mail, null, null, ConsoleNotices.Text(notice), ct));
        console.MapPost("/notices/email", async (
            [FromForm] EmailForm form, HttpContext http, NoticeService notices, NoticeMailService mail, CancellationToken ct) =>
        {
            var session = http.Session();
            var result = await mail.SetAsync(session, form.Email, ct);
            if (result.IsOk)
            {
                return Pages.SeeOther(ConsolePaths.Notices, result.Value.Email is null ? ConsoleNotices.MailOff : ConsoleNotices.MailSaved);
            }

            return result.Refusal.Kind == StaffRefusalKind.Invalid
                ? await PageAsync(session, notices, mail, form.Email, result.Refusal.Problems, null, ct)
                : Pages.Refusal(session, result.Refusal);
        });
        return console;
    }

    /// <summary>What the e-mail form posts.</summary>
    public sealed class EmailForm
    {
        public string? Email { get; set; }
    }

    private static async Task<IResult> PageAsync(
        StaffSession session, NoticeService notices, NoticeMailService mail, string? typed, IReadOnlyDictionary<string, string[]>? problems,
        string? notice, CancellationToken ct) =>
        Pages.Render<NoticesPage>(
            new
            {
                Session = session, Notices = await notices.CurrentAsync(session, ct), Mail = await mail.SettingAsync(session, ct),
                TypedEmail = typed, Problems = problems, Notice = notice,
            },
            problems is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
}
