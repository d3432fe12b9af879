using Cronos;
using Outreach.Content.Broadcasts;
using Outreach.Content.Channels;
using Outreach.Content.Posts;
using Outreach.Content.Targets;

namespace Outreach.Bot.Staff.Posts;

/// <summary>
/// What staff send to create or edit a post (the JSON API's body; the console's form becomes one). The audience comes as
/// <see cref="Audience"/> or, as before, as <see cref="Channels"/> and <see cref="AudienceUnitIds"/>.
/// </summary>
public sealed record PostRequest(
    string? Title, string? Body, string? LinkUrl, string? Topic, bool? IsPromotional, string[]? Channels, long[]? AudienceUnitIds, long? OrgUnitId,
    Audience? Audience = null, string[]? Destinations = null)
{
    /// <summary>The audience asked for.</summary>
    public Audience ChosenAudience => Audience ?? Content.Broadcasts.Audience.Of(Channels, AudienceUnitIds);

    /// <summary>Where the post goes (<see cref="PostDestinations"/>); none given means the message broadcast, as before.</summary>
    public string[] ChosenDestinations =>
        Destinations is null ? [PostDestinations.Messages] : Destinations.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).Distinct(StringComparer.Ordinal).ToArray();
}

/// <summary>A note with a transition (required when rejecting).</summary>
public sealed record NoteRequest(string? Note);

/// <summary>
/// When to send: once at <see cref="SendAt"/> (with a UTC offset), or repeatedly: by <see cref="Repeat"/> (daily, weekly, monthly,
/// as the console offers it) or on a 5-field cron read in Asia/Ho_Chi_Minh. Exactly one of the three.
/// </summary>
public sealed record ScheduleRequest(DateTimeOffset? SendAt, string? Cron, Recurrence? Repeat = null)
{
    /// <summary>The schedule stored for a valid request (<see cref="PostRules.Check(ScheduleRequest, DateTimeOffset)"/> first).</summary>
    public PostSchedule ToSchedule() =>
        SendAt is { } at ? new PostSchedule(PostSchedule.Once, at.ToUniversalTime(), null)
        : new PostSchedule(PostSchedule.Recurring, null, Repeat is { } repeat ? repeat.ToCron() : Cron!.Trim());

    /// <summary>When a valid request's first sending falls (before the quiet hours): its time, or the cron's next occurrence.</summary>
    public DateTimeOffset FirstOccurrence(DateTimeOffset now)
    {
        var schedule = ToSchedule();
        return schedule.SendAt ?? Recurrence.Occurrences(schedule.Cron!, now).First();
    }
}

/// <summary>The checks of a post request that need no database; each failure is a Vietnamese message under the field's name.</summary>
internal static class PostRules
{
    /// <summary>The field of the destinations, as the API and the form name it.</summary>
    public const string DestinationsField = "destinations";

    public static Dictionary<string, string[]> Check(PostRequest request, ChannelCatalog channels)
    {
        var errors = new Dictionary<string, string[]>();
        // A missing field and a too long one are different problems (issue 18.8: 250 characters are not "bắt buộc").
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            errors["title"] = ["Tiêu đề là bắt buộc."];
        }
        else if (request.Title.Trim().Length is var titleLength and > 200)
        {
            errors["title"] = [$"Tiêu đề dài {VietnameseFormat.Number(titleLength)} ký tự, tối đa 200 ký tự."];
        }

        if (string.IsNullOrWhiteSpace(request.Body))
        {
            errors["body"] = ["Nội dung là bắt buộc."];
        }
        else if (request.Body.Trim().Length is var bodyLength and > 2000)
        {
            errors["body"] = [$"Nội dung dài {VietnameseFormat.Number(bodyLength)} ký tự, tối đa 2.000 ký tự (giới hạn của Messenger và Zalo)."];
        }

        if (request.LinkUrl is { Length: > 0 } link
            && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors["linkUrl"] = ["Đường dẫn phải là địa chỉ http(s) đầy đủ."];
        }

        if (string.IsNullOrWhiteSpace(request.Topic))
        {
            errors["topic"] = ["Chủ đề là bắt buộc."];
        }

        var destinations = request.ChosenDestinations;
        if (destinations.Length == 0 || destinations.Any(d => !PostDestinations.IsKnown(d)))
        {
            errors[DestinationsField] = [$"Chọn ít nhất một nơi đăng: {string.Join(", ", PostDestinations.All.Select(PostDestinations.DisplayName))}."];
        }

        // The audience is whom the messages go to: a post only for the Page feed needs none.
        if (destinations.Contains(PostDestinations.Messages))
        {
            foreach (var (field, problems) in request.ChosenAudience.Problems(channels))
            {
                errors[field] = problems;
            }
        }

        return errors;
    }

    public static Dictionary<string, string[]> Check(ScheduleRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var given = (request.SendAt is null ? 0 : 1) + (string.IsNullOrWhiteSpace(request.Cron) ? 0 : 1) + (request.Repeat is null ? 0 : 1);
        if (given != 1)
        {
            errors["schedule"] = ["Chọn một trong ba: thời điểm gửi (sendAt), lặp lại (repeat) hoặc lịch cron (cron)."];
        }
        else if (request.Repeat is { } repeat)
        {
            foreach (var (field, problems) in repeat.Problems())
            {
                errors[field] = problems;
            }
        }
        else if (request.SendAt is { } at && (at < now.AddMinutes(-1) || at > now.AddYears(1)))
        {
            errors["sendAt"] = ["Thời điểm gửi phải ở tương lai (tối đa một năm)."];
        }
        else if (request.Cron is { Length: > 0 } cron && CronProblem(cron, now) is { } problem)
        {
            errors["cron"] = [problem];
        }

        return errors;
    }

    private static string? CronProblem(string cron, DateTimeOffset now)
    {
        CronExpression expression;
        try
        {
            expression = CronExpression.Parse(cron);
        }
        catch (CronFormatException)
        {
            return "Lịch lặp không hợp lệ (dạng cron 5 trường, ví dụ \"0 8 * * 1\" = 8 giờ sáng thứ Hai).";
        }

        var next = expression.GetOccurrences(now, now.AddDays(2), Content.Time.VietnamTime.Zone).Take(3).ToList();
        return next.Count >= 2 && next[1] - next[0] < TimeSpan.FromHours(1) ? "Lịch lặp quá dày: tối đa mỗi giờ một lần." : null;
    }
}
