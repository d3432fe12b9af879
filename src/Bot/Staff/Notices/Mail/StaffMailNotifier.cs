using Dapper;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;
using Outreach.Bot.Staff.Auth;
using Outreach.Bot.Staff.Posts;
using Outreach.Content.Notices;
using Outreach.Content.OrgUnits;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Notices.Mail;

/// <summary>
/// Tells staff by e-mail, every <see cref="StaffMailOptions.PollSeconds"/>, what is new for them since they set their address:
/// crisis alerts and members waiting in their scope (read from the data, as the console's notices are), posts waiting for
/// their approval, their posts returned. One mail per person per round; what was mailed is remembered only after the server
/// took the mail (a crash between the two mails it again: twice rather than never). One host mails at a time (an advisory lock).
/// </summary>
public sealed class StaffMailNotifier(
    NpgsqlDataSource dataSource, StaffMailStore mail, NoticeStore notices, PostService posts, OrgUnitStore units,
    IOptions<StaffMailOptions> options, TimeProvider time, ILogger<StaffMailNotifier> logger) : BackgroundService
{
    // Any constant shared by all hosts; "StfMail".
    private const long LockKey = 0x5374_664D_6169_6C;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        do
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception ex) when ((ex is NpgsqlException or TimeoutException) && !stoppingToken.IsCancellationRequested)
            {
                Log.StaffMailRoundFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round: mails everyone who has something new. How many mails the server took; null: another host is mailing.</summary>
    public async Task<int?> RoundAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(@LockKey)", new { LockKey }))
        {
            return null;
        }

        try
        {
            return await MailEveryoneAsync(ct);
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@LockKey)", new { LockKey });
        }
    }

    private async Task<int> MailEveryoneAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var from = MailboxAddress.Parse(settings.From!);
        var retryAfter = time.GetUtcNow().AddMinutes(-settings.RetryMinutes);
        var mailed = 0;
        await using var sender = new StaffMailSender(options);
        foreach (var recipient in await mail.RecipientsAsync(ct))
        {
            if (recipient.ErrorAt > retryAfter || await units.FindAsync(recipient.User.OrgUnitId, ct) is not { } unit)
            {
                continue;
            }

            var items = await mail.UnmailedAsync(recipient.User.Id, await NewForAsync(recipient, unit, ct), ct);
            if (items.Count == 0)
            {
                continue;
            }

            var message = StaffMailText.Compose(from, recipient.User.DisplayName, recipient.Email, items, settings.ConsoleUrl);
            if (await sender.SendAsync(message, ct) is { } problem)
            {
                Log.StaffMailFailed(logger, recipient.User.Id, problem);
                await mail.RecordFailureAsync(recipient.User.Id, problem, time.GetUtcNow(), ct);
                continue;
            }

            await mail.MarkMailedAsync(recipient.User.Id, items, time.GetUtcNow(), ct);
            mailed++;
        }

        return mailed;
    }

    // Everything her console's notices would show that arrived since she set her address.
    private async Task<List<MailItem>> NewForAsync(MailRecipient recipient, OrgUnit unit, CancellationToken ct)
    {
        var user = recipient.User;
        var items = (await mail.ScopeItemsAsync(unit.Id, recipient.Since, ct)).ToList();
        var session = new StaffSession(user, unit);
        if (StaffRoles.CanApprove(user.Role))
        {
            items.AddRange((await posts.AwaitingApprovalAsync(session, ct)).Mine
                .Where(p => p.Post.UpdatedAt >= recipient.Since)
                .Select(p => new MailItem("awaiting", p.Post.Id, p.Post.UpdatedAt, $"{p.Post.Title} · {p.Unit.Name}")));
        }

        if (StaffRoles.CanWrite(user.Role))
        {
            items.AddRange((await notices.ReturnedAsync(user.Id, ct))
                .Where(r => r.At >= recipient.Since)
                .Select(r => new MailItem("returned", r.PostId, r.At, string.IsNullOrWhiteSpace(r.Note) ? r.Title : $"{r.Title}, lý do: {r.Note}")));
        }

        return items;
    }
}
