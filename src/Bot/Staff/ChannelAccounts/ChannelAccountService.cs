using Outreach.Bot.Channels.Accounts;
using Outreach.Bot.Channels.Zalo;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.ChannelAccounts;
using Outreach.Content.ChannelTokens;
using Outreach.Content.Staff;
using Outreach.Content.UnitTree;

namespace Outreach.Bot.Staff.ChannelAccounts;

/// <summary>
/// The Facebook Pages and Zalo OAs of a staff member's subtree ("Trang và OA"), for the console and the JSON API alike.
/// Everyone of the unit sees them (never a secret: only "đã lưu" and when they last changed, and whether the platform refused
/// the token); admins add them, attach them to a unit of theirs, replace their secrets and turn them off. An account or a unit
/// outside her subtree does not exist for her (404), before any role is checked. Secrets are protected with the key ring
/// before they reach the store; a Zalo OA's refresh token goes to <c>channel_tokens</c>, where its tokens rotate.
/// </summary>
public sealed class ChannelAccountService(
    ChannelAccountStore store,
    ChannelAccountSecrets secrets,
    ChannelTokenStore tokens,
    ZaloTokenProvider zaloTokens,
    ChannelAccountDirectory directory,
    UnitTreeStore tree)
{
    private const string NotFoundReason = "Không tìm thấy Trang/OA này trong các đơn vị của chị.";

    /// <summary>Why she may not change accounts (admins only), or null when she may.</summary>
    public static string? ManageRefusal(StaffSession session) =>
        (session ?? throw new ArgumentNullException(nameof(session))).User.Role == StaffRoles.Admin
            ? null
            : "Chỉ quản trị viên mới thêm hay sửa Trang Facebook và Zalo OA.";

    /// <summary>The accounts of her subtree, and the active units she may attach one to.</summary>
    public async Task<ChannelAccountList> ListAsync(StaffSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var accounts = await store.ListAsync(session.Unit.Id, ct);
        var views = new List<ChannelAccountView>(accounts.Count);
        foreach (var account in accounts)
        {
            views.Add(await ViewAsync(account, ct));
        }

        return new ChannelAccountList(views, await UnitsAsync(session, ct), ManageRefusal(session) is null);
    }

    /// <summary>One account of her subtree.</summary>
    public async Task<StaffResult<ChannelAccountDetails>> DetailsAsync(StaffSession session, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await store.FindAsync(session.Unit.Id, id, ct) is { } account
            ? new ChannelAccountDetails(await ViewAsync(account, ct), await UnitsAsync(session, ct), ManageRefusal(session) is null)
            : StaffRefusal.NotFound(NotFoundReason);
    }

    /// <summary>Adds a Page or OA to a unit of hers (admins).</summary>
    public async Task<StaffResult<ChannelAccountView>> CreateAsync(StaffSession session, ChannelAccountRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        if (request.UnitId is { } unitId && await tree.FindAsync(session.Unit.Id, unitId, ct) is null)
        {
            return StaffRefusal.NotFound("Không tìm thấy đơn vị này trong các đơn vị của chị.");
        }

        if (ManageRefusal(session) is { } reason)
        {
            return StaffRefusal.Forbidden(reason);
        }

        var problems = ChannelAccountRules.Check(request, null);
        if (problems.Count == 0 && await UnitProblemAsync(session, request.UnitId!.Value, ct) is { } unitProblem)
        {
            problems["unitId"] = [unitProblem];
        }

        if (problems.Count > 0)
        {
            return StaffRefusal.Invalid(problems);
        }

        var channel = request.Channel!.Trim();
        var accountId = request.AccountId!.Trim();
        var draft = new ChannelAccountDraft(
            channel, accountId, request.Name?.Trim() ?? "", request.UnitId!.Value, ChannelAccountRules.Given(request.AppId),
            secrets.Protect(ChannelAccountRules.Given(request.AppSecret)), secrets.Protect(ChannelAccountRules.Given(request.OaSecretKey)),
            secrets.Protect(ChannelAccountRules.Given(request.AccessToken)));
        if (await store.CreateAsync(draft, session.User.Id, ct) is not { } created)
        {
            return StaffRefusal.Invalid("accountId",
                $"{ChannelAccountKinds.DisplayName(channel)} {accountId} đã có trong hệ thống: mỗi Trang, mỗi OA chỉ thuộc một đơn vị.");
        }

        await SaveRefreshTokenAsync(created, request.RefreshToken, ct);
        directory.Invalidate();
        return await ViewAsync(created, ct);
    }

    /// <summary>Changes an account of hers (admins): its name, its unit, and any secret given (an empty one is kept).</summary>
    public async Task<StaffResult<ChannelAccountView>> UpdateAsync(StaffSession session, long id, ChannelAccountRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = await FindForChangeAsync(session, id, request.UnitId, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        var account = found.Value;
        var problems = ChannelAccountRules.Check(request, account.Channel);
        if (request.UnitId is { } unitId && unitId != account.OrgUnitId && await UnitProblemAsync(session, unitId, ct) is { } unitProblem)
        {
            problems["unitId"] = [unitProblem];
        }

        if (problems.Count > 0)
        {
            return StaffRefusal.Invalid(problems);
        }

        var change = new ChannelAccountChange(
            Name: request.Name is { } name && name.Trim() != account.Name ? name.Trim() : null,
            OrgUnitId: request.UnitId is { } unit && unit != account.OrgUnitId ? unit : null,
            AppId: ChannelAccountRules.Given(request.AppId) is { } appId && appId != account.AppId ? appId : null,
            AppSecretProtected: secrets.Protect(ChannelAccountRules.Given(request.AppSecret)),
            WebhookSecretProtected: secrets.Protect(ChannelAccountRules.Given(request.OaSecretKey)),
            AccessTokenProtected: secrets.Protect(ChannelAccountRules.Given(request.AccessToken)),
            RefreshTokenChanged: account.Channel == ChannelAccountKinds.Zalo && ChannelAccountRules.Given(request.RefreshToken) is not null);
        if (change.ChangedFields.Count == 0)
        {
            return await ViewAsync(account, ct);
        }

        var updated = await store.UpdateAsync(id, change, session.User.Id, ct);
        await SaveRefreshTokenAsync(updated, request.RefreshToken, ct);
        directory.Invalidate();
        return await ViewAsync(updated, ct);
    }

    /// <summary>Turns an account of hers off (its webhooks are acknowledged and dropped, nothing is sent through it) or on again (admins).</summary>
    public async Task<StaffResult<ChannelAccountView>> SetActiveAsync(StaffSession session, long id, bool active, CancellationToken ct)
    {
        var found = await FindForChangeAsync(session, id, null, ct);
        if (!found.IsOk)
        {
            return found.Refusal;
        }

        var updated = found.Value.IsActive == active ? found.Value : await store.UpdateAsync(id, new ChannelAccountChange(IsActive: active), session.User.Id, ct);
        directory.Invalidate();
        return await ViewAsync(updated, ct);
    }

    private async Task<StaffResult<ChannelAccount>> FindForChangeAsync(StaffSession session, long id, long? unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await store.FindAsync(session.Unit.Id, id, ct) is not { } account)
        {
            return StaffRefusal.NotFound(NotFoundReason);
        }

        if (unitId is { } unit && await tree.FindAsync(session.Unit.Id, unit, ct) is null)
        {
            return StaffRefusal.NotFound("Không tìm thấy đơn vị này trong các đơn vị của chị.");
        }

        return ManageRefusal(session) is { } reason ? StaffRefusal.Forbidden(reason) : account;
    }

    private async Task<string?> UnitProblemAsync(StaffSession session, long unitId, CancellationToken ct) =>
        await tree.FindAsync(session.Unit.Id, unitId, ct) is { IsActive: true, MergedIntoId: null }
            ? null
            : "Đơn vị này đã ngừng hoạt động hoặc đã sáp nhập: chọn một đơn vị đang hoạt động.";

    // A Zalo OA's refresh token is a seed of channel_tokens: a new one replaces the stored pair, and this host's cached access token.
    private async Task SaveRefreshTokenAsync(ChannelAccount account, string? refreshToken, CancellationToken ct)
    {
        if (account.Channel != ChannelAccountKinds.Zalo || ChannelAccountRules.Given(refreshToken) is not { } token)
        {
            return;
        }

        await tokens.SeedAsync(ZaloChannel.Name, account.AccountId, token, ct);
        zaloTokens.Forget(account.AccountId);
    }

    private async Task<ChannelAccountView> ViewAsync(ChannelAccount account, CancellationToken ct)
    {
        if (account.Channel != ChannelAccountKinds.Zalo)
        {
            return new ChannelAccountView(account, false, null);
        }

        var token = await tokens.GetAsync(ZaloChannel.Name, account.AccountId, ct);
        return new ChannelAccountView(account, token is not null, token?.LastError);
    }

    private async Task<IReadOnlyList<UnitNode>> UnitsAsync(StaffSession session, CancellationToken ct) =>
        (await tree.ListSubtreeAsync(session.Unit.Id, session.Unit.Id, includeInactive: false, ct)).ToList();
}
