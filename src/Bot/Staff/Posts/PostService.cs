using Outreach.Bot.Staff.Auth;
using Outreach.Content.Broadcasts;
using Outreach.Content.Channels;
using Outreach.Content.OrgUnits;
using Outreach.Content.Posts;
using Outreach.Content.Staff;
using Outreach.Scheduler.Broadcasting;

namespace Outreach.Bot.Staff.Posts;

/// <summary>
/// The posts capability for a staff member: what she may see (her unit and below; another unit's post does not exist for
/// her), the rules of writing one, its audience now, and (PostService.Lifecycle) every status change staff make. The JSON API
/// and the console both call this; neither decides anything itself.
/// </summary>
public sealed partial class PostService(
    PostStore posts,
    OrgUnitStore units,
    StaffUserStore staff,
    BroadcastStore broadcasts,
    AudiencePreview preview,
    BroadcastControl control,
    QuietHours quietHours,
    ChannelCatalog channels,
    Content.Publishing.PublicationStore publications,
    OfferedChannels offered,
    Content.Stats.PlatformReachStore platformReach,
    TimeProvider time)
{
    /// <summary>The longest list a page or the API returns.</summary>
    public const int ListLimit = 200;

    private const string WritersOnly = "Chỉ biên tập viên hoặc quản trị mới viết bài được.";

    /// <summary>Her scope's posts, newest first, optionally of one status.</summary>
    public Task<IReadOnlyList<Post>> ListAsync(StaffSession session, string? status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return posts.ListAsync(session.Unit.Id, status, ListLimit, ct);
    }

    /// <summary>A post of her scope with its unit; "not found" for another unit's post, as for a wrong id.</summary>
    public async Task<StaffResult<ScopedPost>> FindAsync(StaffSession session, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var post = await posts.FindAsync(id, ct);
        var unit = post is null ? null : await units.FindAsync(post.OrgUnitId, ct);
        return post is not null && unit is not null && session.Sees(unit) ? new ScopedPost(post, unit) : StaffRefusal.NotFound();
    }

    /// <summary>A post of her scope with its audited transitions and its sendings.</summary>
    public async Task<StaffResult<PostRecord>> RecordAsync(StaffSession session, long id, CancellationToken ct)
    {
        var found = await FindAsync(session, id, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        return new PostRecord(found.Value.Post, found.Value.Unit, await posts.TransitionsAsync(id, ct), await broadcasts.ListForPostAsync(id, ct),
            await publications.ForPostAsync(id, ct), await platformReach.ForPostAsync(id, ct));
    }

    /// <summary>How many members of the post's audience could be reached now, and why the others could not, per unit.</summary>
    public async Task<StaffResult<IReadOnlyList<AudiencePreviewRow>>> AudienceAsync(StaffSession session, long id, CancellationToken ct)
    {
        var found = await FindAsync(session, id, ct);
        return found.IsOk ? StaffResult.Ok(await preview.PreviewAsync(found.Value.Post, time.GetUtcNow(), ct)) : found.Refusal;
    }

    /// <summary>Every problem of a post request, by field: the rules of a post, her scope for its units, the topic.</summary>
    public async Task<Dictionary<string, string[]>> ProblemsAsync(StaffSession session, PostRequest request, CancellationToken ct, long? postUnitId = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        var errors = PostRules.Check(request, channels);
        var postUnit = postUnitId ?? request.OrgUnitId ?? session.Unit.Id;
        if (request.ChosenDestinations.Contains(PostDestinations.FacebookFeed)
            && (await publications.AccountsOfUnitAsync(Content.ChannelAccounts.ChannelAccountKinds.Messenger, postUnit, ct)).Count == 0)
        {
            errors[PostRules.DestinationsField] =
                ["Đơn vị của bài chưa có Trang Facebook nào đang hoạt động: quản trị viên thêm Trang ở “Trang và OA” trước khi chọn đăng lên bảng tin."];
        }

        if (request.ChosenDestinations.Contains(PostDestinations.ZaloArticle)
            && (await publications.AccountsOfUnitAsync(Content.ChannelAccounts.ChannelAccountKinds.Zalo, postUnit, ct)).Count == 0)
        {
            errors[PostRules.DestinationsField] =
                ["Đơn vị của bài chưa có Zalo OA nào đang hoạt động: quản trị viên thêm OA ở “Trang và OA” trước khi chọn gửi bài viết Zalo."];
        }

        foreach (var unitId in request.ChosenAudience.Units.Append(request.OrgUnitId ?? session.Unit.Id))
        {
            if (await units.FindAsync(unitId, ct) is not { } unit || !session.Sees(unit))
            {
                errors[Audience.UnitsField] = [$"Đơn vị {unitId} không tồn tại hoặc ngoài phạm vi của bạn."];
            }
        }

        if (!string.IsNullOrWhiteSpace(request.Topic) && !await posts.TopicExistsAsync(request.Topic, ct))
        {
            errors["topic"] = [$"Chủ đề '{request.Topic}' không tồn tại."];
        }

        return errors;
    }

    /// <summary>Writes a draft (editors and admins), for her unit unless the request names one of her scope.</summary>
    public async Task<StaffResult<Post>> CreateAsync(StaffSession session, PostRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!StaffRoles.CanWrite(session.User.Role))
        {
            return StaffRefusal.Forbidden(WritersOnly);
        }

        if (await ProblemsAsync(session, request, ct) is { Count: > 0 } problems)
        {
            return StaffRefusal.Invalid(problems);
        }

        return await posts.CreateAsync(ToPost(request, request.OrgUnitId ?? session.Unit.Id, session.User.Id), ct);
    }

    /// <summary>Replaces a post's content and audience (its unit and author stay); an approved or scheduled one goes back for approval.</summary>
    public async Task<StaffResult<Post>> UpdateAsync(StaffSession session, long id, PostRequest request, CancellationToken ct)
    {
        var found = await FindAsync(session, id, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        var existing = found.Value.Post;
        if (EditRefusal(session, existing) is { } refusal)
        {
            return refusal;
        }

        if (await ProblemsAsync(session, request, ct, existing.OrgUnitId) is { Count: > 0 } problems)
        {
            return StaffRefusal.Invalid(problems);
        }

        // An approved or scheduled post changed goes back for approval (issue 18.5): its schedule stops until then and is kept.
        var updated = ToPost(request, existing.OrgUnitId, existing.CreatedBy) with { Id = id, ImageId = existing.ImageId };
        if (!await posts.UpdateAsync(updated, session.User.Id, existing.Status, ct, ReapprovalNote))
        {
            return StaffRefusal.Conflict("Không sửa được", "Bài này vừa đổi trạng thái. Hãy tải lại để xem trạng thái mới.");
        }

        if (existing.Status == PostStatuses.Scheduled)
        {
            control.StopSchedule(id);
        }

        return (await posts.FindAsync(id, ct))!;
    }

    /// <summary>Why she may not write a new post, or null when she may.</summary>
    public static string? WriteRefusal(StaffSession session) =>
        StaffRoles.CanWrite((session ?? throw new ArgumentNullException(nameof(session))).User.Role) ? null : WritersOnly;

    /// <summary>What the post form offers: topics, the channels staff address, and the units of her scope down to two levels below hers.</summary>
    public async Task<PostChoices> ChoicesAsync(StaffSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var subtree = await units.GetSubtreeAsync(session.Unit.Id, ct);
        return new PostChoices(
            await posts.ListTopicsAsync(ct), await offered.ListAsync(ct), subtree.Where(u => u.Depth <= session.Unit.Depth + PostChoices.UnitLevelsShown).ToList());
    }

    /// <summary>The units of her scope, by id (for names on lists).</summary>
    public async Task<IReadOnlyDictionary<long, OrgUnit>> UnitsAsync(StaffSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return (await units.GetSubtreeAsync(session.Unit.Id, ct)).ToDictionary(u => u.Id);
    }

    /// <summary>Her scope's posts with a schedule that may fall in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) (the calendar).</summary>
    public Task<IReadOnlyList<Post>> ScheduledAsync(StaffSession session, DateTimeOffset fromUtc, DateTimeOffset toUtc, CancellationToken ct) =>
        posts.ListScheduledAsync((session ?? throw new ArgumentNullException(nameof(session))).Unit.Id, fromUtc, toUtc, ct);

    /// <summary>How many posts of her scope are in each status (the overview).</summary>
    public Task<IReadOnlyDictionary<string, int>> CountsAsync(StaffSession session, CancellationToken ct) =>
        posts.CountByStatusAsync((session ?? throw new ArgumentNullException(nameof(session))).Unit.Id, ct);

    public Task<IReadOnlyList<PostTopic>> TopicsAsync(CancellationToken ct) => posts.ListTopicsAsync(ct);

    /// <summary>The display names of the staff who made <paramref name="transitions"/> ("?" for an account that is gone).</summary>
    public Task<IReadOnlyDictionary<long, string>> ActorNamesAsync(IEnumerable<PostTransition> transitions, CancellationToken ct) =>
        StaffNamesAsync((transitions ?? throw new ArgumentNullException(nameof(transitions))).Select(t => t.ActorId).OfType<long>(), ct);

    /// <summary>The display names of the staff accounts <paramref name="ids"/> (the authors on the approval queue), "?" for one
    /// that is gone.</summary>
    public async Task<IReadOnlyDictionary<long, string>> StaffNamesAsync(IEnumerable<long> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var names = new Dictionary<long, string>();
        foreach (var id in ids.Distinct())
        {
            names[id] = (await staff.FindAsync(id, ct))?.DisplayName ?? "?";
        }

        return names;
    }

    /// <summary>Why she may not edit the post, or null when she may: writers edit a post until it starts sending (an approved or
    /// scheduled one then goes back for approval, see <see cref="UpdateAsync"/>).</summary>
    public static StaffRefusal? EditRefusal(StaffSession session, Post post) =>
        !StaffRoles.CanWrite((session ?? throw new ArgumentNullException(nameof(session))).User.Role)
            ? StaffRefusal.Forbidden("Chỉ biên tập viên hoặc quản trị mới sửa bài được.")
        : !IsEditable((post ?? throw new ArgumentNullException(nameof(post))).Status)
            ? StaffRefusal.Forbidden("Bài đang chờ duyệt, đang gửi, đã gửi hoặc đã hủy thì không sửa được.")
        : null;

    /// <summary>The note a post sent back for approval after an edit carries.</summary>
    public const string ReapprovalNote = "Sửa sau khi duyệt: chờ duyệt lại (lịch gửi được giữ)";

    /// <summary>True for the statuses a post can be edited in (an approved or scheduled one goes back for approval; a submitted one
    /// is not changed under its approver's eyes: she returns it).</summary>
    public static bool IsEditable(string status) =>
        status is PostStatuses.Draft or PostStatuses.Approved or PostStatuses.Scheduled;

    private static Post ToPost(PostRequest request, long orgUnitId, long createdBy) => new()
    {
        OrgUnitId = orgUnitId,
        Title = request.Title!.Trim(),
        Body = request.Body!.Trim(),
        LinkUrl = string.IsNullOrWhiteSpace(request.LinkUrl) ? null : request.LinkUrl.Trim(),
        Topic = request.Topic!.Trim(),
        IsPromotional = request.IsPromotional ?? true,
        Audience = request.ChosenAudience,
        Destinations = request.ChosenDestinations,
        CreatedBy = createdBy,
    };
}

/// <summary>The choices of the post form: topics, channels, and the units of the writer's scope she may address.</summary>
public sealed record PostChoices(IReadOnlyList<PostTopic> Topics, IReadOnlyList<string> Channels, IReadOnlyList<OrgUnit> Units)
{
    /// <summary>
    /// Units down to two levels below hers: choosing a unit includes everything under it, so deeper levels (thousands of
    /// tổ in a province) would only lengthen the page.
    /// </summary>
    public const int UnitLevelsShown = 2;
}
