using System.Globalization;
using Microsoft.Extensions.Logging;
using Outreach.Content.Posts;
using Outreach.Content.Publishing;
using Outreach.Content.Time;

namespace Outreach.Scheduler.Publishing;

/// <summary>
/// A Zalo article broadcast, one OA's row at a time, in three stored steps: create (claimed with an attempt key like a Page
/// post; the token is stored), verify until Zalo has processed and moderated the article (the id is stored, or the refusal and
/// its reason), broadcast (claimed; the broadcast's id is stored). A row with a stored token or id never creates again; a
/// create whose answer was lost is looked for in the OA's articles first. A broadcast whose answer was lost is never sent
/// again (Zalo has no way to look one up): it stops with a reason telling staff to check the OA.
/// </summary>
public sealed partial class PublishPostJob
{
    private const int TitleLimit = 150;
    private const int AuthorLimit = 50;
    private const int DescriptionLimit = 300;

    // The article of a post, or why it cannot have one (no image for its cover, no public address for Zalo to fetch it from).
    private async Task<(ArticleDraft? Article, string? Problem)> ArticleOfAsync(Post post, CancellationToken ct)
    {
        var settings = options.Value;
        if (post.ImageId is not { } imageId || await images.FindAsync(imageId, ct) is not { } image)
        {
            return (null, "Bài viết Zalo cần ảnh bìa: thêm ảnh (JPEG hoặc PNG) cho bài, gửi duyệt lại rồi lên lịch lại.");
        }

        if (settings.PublicBaseUrl is not { } baseUrl)
        {
            return (null, "Chưa đặt Outreach:Publishing:PublicBaseUrl (địa chỉ công khai của hệ thống) nên Zalo không tải được ảnh bìa: quản trị viên đặt khóa này rồi lên lịch lại.");
        }

        var unit = await units.FindAsync(post.OrgUnitId, ct);
        var cover = new Uri($"{baseUrl.AbsoluteUri.TrimEnd('/')}{PostImageLinks.PathPrefix}{image.Id}/{image.Sha256}");
        var body = post.Body.Trim();
        return (new ArticleDraft(
            Shorten(post.Title.Trim(), TitleLimit),
            Shorten(unit?.Name ?? "Hội LHPN", AuthorLimit),
            Shorten(body, DescriptionLimit),
            body,
            cover,
            post.LinkUrl), null);
    }

    private async Task<DateTimeOffset?> ArticleStepAsync(
        PostPublication row, IArticlePublisher publisher, (ArticleDraft? Article, string? Problem) article, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        if (row.IsFinal)
        {
            return null;
        }

        if (row.Status == PublicationStatuses.Publishing)
        {
            var settledAt = row.StartedAt!.Value.AddSeconds(settings.UncertainWaitSeconds);
            if (settledAt > now)
            {
                return settledAt;
            }

            return row.ArticleId is null ? await ReconcileCreateAsync(row, publisher, article, ct) : await AbandonBroadcastAsync(row, ct);
        }

        if (row.RetryAt is { } retryAt && retryAt > now)
        {
            return retryAt;
        }

        if (row.ArticleId is not null)
        {
            return await BroadcastStepAsync(row, publisher, ct);
        }

        if (row.ArticleToken is { } token)
        {
            return await VerifyStepAsync(row, publisher, token, ct);
        }

        if (article.Article is not { } draft)
        {
            await publications.FailPendingAsync(row.Id, "no_article", article.Problem!, ct);
            return null;
        }

        var claimed = await publications.ClaimAsync(row.Id, Guid.NewGuid(), ct);
        return claimed is null ? now.AddSeconds(settings.UncertainWaitSeconds) : await CreateStepAsync(claimed, publisher, draft, ct);
    }

    private async Task<DateTimeOffset?> CreateStepAsync(PostPublication row, IArticlePublisher publisher, ArticleDraft draft, CancellationToken ct)
    {
        var key = row.AttemptKey!.Value;
        var settings = options.Value;
        var result = await publisher.CreateAsync(row.AccountId, draft, ct);
        var now = time.GetUtcNow();
        switch (result.Outcome)
        {
            case PublishOutcome.Published:
                var verifyAt = now.AddSeconds(settings.ZaloVerifySeconds);
                await publications.RecordArticleCreatedAsync(row.Id, key, result.ExternalId!, verifyAt, ct);
                Log.ArticleStep(logger, row.PostId, row.AccountId, "created", "waiting for moderation");
                // Zalo often has the id at once: ask now, then at the polling interval.
                var created = await publications.FindAsync(row.Id, ct);
                return created is { Status: PublicationStatuses.Pending, ArticleToken: { } token }
                    ? await VerifyStepAsync(created, publisher, token, ct)
                    : verifyAt;
            case PublishOutcome.Unknown:
                await publications.NoteUncertainAsync(row.Id, key, result.ErrorCode ?? "unknown", result.Reason ?? "", ct);
                Log.PublishUncertain(logger, row.PostId, row.AccountId, key);
                return row.StartedAt!.Value.AddSeconds(settings.UncertainWaitSeconds);
            default:
                return await RecordAttemptFailureAsync(row, key, result, ct);
        }
    }

    // A create left without an answer: the OA's articles are searched for it before a new attempt.
    private async Task<DateTimeOffset?> ReconcileCreateAsync(
        PostPublication row, IArticlePublisher publisher, (ArticleDraft? Article, string? Problem) article, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        if (article.Article is not { } draft)
        {
            await publications.RecordFailedAsync(row.Id, row.AttemptKey!.Value, "no_article", article.Problem!, null, ct);
            return null;
        }

        var lookup = await publisher.FindAsync(row.AccountId, draft, row.StartedAt!.Value.AddSeconds(-settings.LookupSlackSeconds), ct);
        if (!lookup.Known)
        {
            await publications.NoteUncertainAsync(row.Id, row.AttemptKey!.Value, "lookup_failed", lookup.Reason ?? "", ct);
            return now.AddSeconds(settings.RetrySeconds);
        }

        if (lookup.ExternalId is { } found)
        {
            // Listed among the OA's articles: Zalo has processed it; broadcast it without creating another.
            await publications.RecordArticleApprovedAsync(row.Id, found, row.AttemptKey, ct);
            Log.PublicationRecovered(logger, row.PostId, row.AccountId, row.AttemptKey!.Value);
            return now;
        }

        var retaken = await publications.TakeOverAsync(row.Id, row.AttemptKey!.Value, Guid.NewGuid(), ct);
        return retaken is null ? now.AddSeconds(settings.UncertainWaitSeconds) : await CreateStepAsync(retaken, publisher, draft, ct);
    }

    private async Task<DateTimeOffset?> VerifyStepAsync(PostPublication row, IArticlePublisher publisher, string token, CancellationToken ct)
    {
        var settings = options.Value;
        var result = await publisher.VerifyAsync(row.AccountId, token, ct);
        var now = time.GetUtcNow();
        switch (result.Outcome)
        {
            case PublishOutcome.Published:
                await publications.RecordArticleApprovedAsync(row.Id, result.ExternalId!, null, ct);
                Log.ArticleStep(logger, row.PostId, row.AccountId, "approved", result.ExternalId!);
                var approved = await publications.FindAsync(row.Id, ct);
                return approved is { Status: PublicationStatuses.Pending, ArticleId: not null } ? await BroadcastStepAsync(approved, publisher, ct) : now;
            case PublishOutcome.Rejected:
                await publications.RecordArticleRejectedAsync(row.Id, result.ErrorCode ?? "rejected", result.Reason ?? "Zalo từ chối bài viết.", ct);
                Log.ArticleStep(logger, row.PostId, row.AccountId, "rejected", result.ErrorCode ?? "");
                return null;
            case PublishOutcome.Processing or PublishOutcome.Retry or PublishOutcome.Unknown:
                var waitingSince = row.ModerationAt ?? row.UpdatedAt;
                if (now - waitingSince > TimeSpan.FromMinutes(settings.ZaloModerationMaxMinutes))
                {
                    await publications.FailPendingAsync(row.Id, "moderation_timeout",
                        $"Zalo chưa duyệt xong bài viết sau {settings.ZaloModerationMaxMinutes.ToString("N0", VietnamCulture)} phút: kiểm tra bài trong trang quản trị OA rồi lên lịch lại.", ct);
                    return null;
                }

                var next = result.RetryAfter is { } wait ? now + wait : now.AddSeconds(settings.ZaloVerifySeconds);
                await publications.DeferAsync(row.Id, next, result.Outcome == PublishOutcome.Processing ? null : result.ErrorCode,
                    result.Outcome == PublishOutcome.Processing ? null : result.Reason, ct);
                return next;
            default:
                await publications.FailPendingAsync(row.Id, result.ErrorCode ?? "refused", result.Reason ?? "Zalo từ chối bài viết.", ct);
                Log.PublishFailed(logger, row.PostId, row.AccountId, result.ErrorCode ?? "refused", false);
                return null;
        }
    }

    private async Task<DateTimeOffset?> BroadcastStepAsync(PostPublication row, IArticlePublisher publisher, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var hours = broadcastOptions.Value;
        var local = VietnamTime.ToLocal(now);
        var clock = TimeOnly.FromDateTime(local.DateTime);
        if (clock < hours.ZaloFrom || clock >= hours.ZaloUntil)
        {
            // Zalo delivers broadcasts only in the day: wait for the next opening (its own ban is 22:00–06:00).
            var day = clock < hours.ZaloFrom ? local.Date : local.Date.AddDays(1);
            var opening = VietnamTime.FromLocal(DateOnly.FromDateTime(day), hours.ZaloFrom);
            await publications.DeferAsync(row.Id, opening, "zalo_hours",
                $"Chờ giờ gửi của Zalo: bài được gửi lúc {VietnamTime.ToLocal(opening).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)}.", ct);
            return opening;
        }

        var dayStart = VietnamTime.FromLocal(DateOnly.FromDateTime(local.Date), TimeOnly.MinValue);
        var monthStart = VietnamTime.FromLocal(new DateOnly(local.Year, local.Month, 1), TimeOnly.MinValue);
        var today = await publications.CountArticleBroadcastsAsync(row.AccountId, dayStart, row.Id, ct);
        if (today >= settings.ZaloBroadcastsPerDay)
        {
            await publications.FailPendingAsync(row.Id, "daily_limit",
                $"OA {row.AccountId} đã gửi {today.ToString("N0", VietnamCulture)} bài viết hôm nay (giới hạn {settings.ZaloBroadcastsPerDay.ToString("N0", VietnamCulture)} bài/ngày): bài viết đã được Zalo duyệt, lên lịch lại từ ngày mai để gửi mà không tạo lại.", ct);
            return null;
        }

        var month = await publications.CountArticleBroadcastsAsync(row.AccountId, monthStart, row.Id, ct);
        if (month >= settings.ZaloBroadcastsPerMonth)
        {
            await publications.FailPendingAsync(row.Id, "monthly_limit",
                $"OA {row.AccountId} đã gửi {month.ToString("N0", VietnamCulture)} bài viết trong tháng: mỗi người theo dõi chỉ nhận tối đa {settings.ZaloBroadcastsPerMonth.ToString("N0", VietnamCulture)} bài/tháng, gửi thêm sẽ không đến ai. Lên lịch lại từ tháng sau.", ct);
            return null;
        }

        var claimed = await publications.ClaimAsync(row.Id, Guid.NewGuid(), ct);
        if (claimed is null)
        {
            return now.AddSeconds(settings.UncertainWaitSeconds);
        }

        var key = claimed.AttemptKey!.Value;
        var target = new BroadcastTarget(settings.ZaloTargetCities, settings.ZaloTargetGender, settings.ZaloTargetAges);
        var result = await publisher.BroadcastAsync(claimed.AccountId, claimed.ArticleId!, target, ct);
        switch (result.Outcome)
        {
            case PublishOutcome.Published:
                await publications.RecordPublishedAsync(claimed.Id, key, claimed.ArticleId!, publisher.Platform, ct, result.ExternalId);
                Log.Published(logger, claimed.PostId, claimed.AccountId, claimed.ArticleId!);
                return null;
            case PublishOutcome.Unknown:
                await publications.NoteUncertainAsync(claimed.Id, key, result.ErrorCode ?? "unknown", result.Reason ?? "", ct);
                return claimed.StartedAt!.Value.AddSeconds(settings.UncertainWaitSeconds);
            default:
                return await RecordAttemptFailureAsync(claimed, key, result, ct);
        }
    }

    // A broadcast left without an answer cannot be looked up on Zalo: it is never sent again, and staff are told to check.
    private async Task<DateTimeOffset?> AbandonBroadcastAsync(PostPublication row, CancellationToken ct)
    {
        await publications.RecordFailedAsync(row.Id, row.AttemptKey!.Value, "broadcast_unknown",
            $"Zalo không trả lời lệnh gửi bài viết {row.ArticleId}: chưa rõ bài đã đến người theo dõi chưa. Hệ thống không gửi lại để tránh gửi hai lần; kiểm tra mục Tin truyền thông trong trang quản trị OA.", null, ct);
        Log.PublishFailed(logger, row.PostId, row.AccountId, "broadcast_unknown", false);
        return null;
    }

    private async Task<DateTimeOffset?> RecordAttemptFailureAsync(PostPublication row, Guid key, PublishResult result, CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (result.Outcome == PublishOutcome.Retry && row.Attempts < settings.MaxAttempts)
        {
            var retryAt = now + (result.RetryAfter ?? TimeSpan.FromSeconds(settings.RetrySeconds * Math.Pow(2, row.Attempts - 1)));
            await publications.RecordFailedAsync(row.Id, key, result.ErrorCode ?? "retry",
                $"{result.Reason} Sẽ thử lại lúc {VietnamTime.ToLocal(retryAt).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture)}.", retryAt, ct);
            Log.PublishFailed(logger, row.PostId, row.AccountId, result.ErrorCode ?? "retry", true);
            return retryAt;
        }

        var reason = result.Outcome == PublishOutcome.Retry ? $"{result.Reason} Đã thử {row.Attempts} lần, dừng lại." : result.Reason ?? "Zalo từ chối.";
        await publications.RecordFailedAsync(row.Id, key, result.ErrorCode ?? "refused", reason, null, ct);
        Log.PublishFailed(logger, row.PostId, row.AccountId, result.ErrorCode ?? "refused", false);
        return null;
    }

    private static readonly CultureInfo VietnamCulture = CultureInfo.GetCultureInfo("vi-VN");

    private static string Shorten(string text, int limit) =>
        text.Length <= limit ? text : text[..(text.LastIndexOf(' ', limit - 1) is var space and > 0 ? space : limit - 1)].TrimEnd() + "…";
}
