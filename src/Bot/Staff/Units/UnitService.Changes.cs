using Outreach.Bot.Staff.Auth;
using Outreach.Content.UnitTree;

namespace Outreach.Bot.Staff.Units;

public sealed partial class UnitService
{
    /// <summary>Creates a unit under a unit of hers (admins).</summary>
    public async Task<StaffResult<UnitNode>> CreateAsync(StaffSession session, UnitCreateRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parentId = request.ParentId ?? session.Unit.Id;
        if (await CheckAsync(session, parentId, ct) is { } refusal)
        {
            return refusal;
        }

        // The checks that belong to one field are made here, so that each field gets its own message; the store checks them all again.
        var problems = new Dictionary<string, string[]>();
        if (UnitRules.NameError(request.Name) is { } name)
        {
            problems["name"] = [name];
        }

        if (!string.IsNullOrWhiteSpace(request.Code) && UnitRules.CodeError(request.Code.Trim()) is { } code)
        {
            problems["code"] = [code];
        }

        if (string.IsNullOrWhiteSpace(request.Level))
        {
            problems["level"] = ["Chọn cấp của đơn vị."];
        }

        if (problems.Count > 0)
        {
            return StaffRefusal.Invalid(problems);
        }

        return Answer(await tree.CreateAsync(Actor(session), parentId, request.Level!.Trim(), request.Name!, request.Code, ct), CreateField);
    }

    /// <summary>Renames a unit of hers (admins).</summary>
    public async Task<StaffResult<UnitNode>> RenameAsync(StaffSession session, long unitId, string? name, CancellationToken ct) =>
        await CheckAsync(session, unitId, ct) is { } refusal ? refusal
        : Answer(await tree.RenameAsync(Actor(session), unitId, name ?? "", ct), _ => "name");

    /// <summary>Sets or clears the code of a unit of hers (admins): the <c>ref</c> of its link and its key in spreadsheets.</summary>
    public async Task<StaffResult<UnitNode>> SetCodeAsync(StaffSession session, long unitId, string? code, CancellationToken ct) =>
        await CheckAsync(session, unitId, ct) is { } refusal ? refusal
        : Answer(await tree.SetCodeAsync(Actor(session), unitId, code, ct), _ => "code");

    /// <summary>Moves a unit of hers, with everything below it, under another unit of hers (admins).</summary>
    public async Task<StaffResult<UnitNode>> MoveAsync(StaffSession session, long unitId, long? parentId, CancellationToken ct)
    {
        if (await CheckAsync(session, unitId, ct) is { } refusal)
        {
            return refusal;
        }

        return parentId is not { } parent
            ? StaffRefusal.Invalid("parentId", "Chọn đơn vị cấp trên mới.")
            : Answer(await tree.MoveAsync(Actor(session), unitId, parent, ct), _ => "parentId");
    }

    /// <summary>Deactivates a unit of hers and everything below it (admins): no new members; members, posts and reach stay.</summary>
    public async Task<StaffResult<UnitNode>> DeactivateAsync(StaffSession session, long unitId, CancellationToken ct) =>
        await CheckAsync(session, unitId, ct) is { } refusal ? refusal
        : Answer(await tree.DeactivateAsync(Actor(session), unitId, ct), _ => "unit");

    /// <summary>Undoes a deactivation (admins).</summary>
    public async Task<StaffResult<UnitNode>> ReactivateAsync(StaffSession session, long unitId, CancellationToken ct) =>
        await CheckAsync(session, unitId, ct) is { } refusal ? refusal
        : Answer(await tree.ReactivateAsync(Actor(session), unitId, ct), _ => "unit");

    /// <summary>What merging a unit of hers into another would move now (admins), for her to confirm; nothing is changed.</summary>
    public Task<StaffResult<UnitMerge>> PreviewMergeAsync(StaffSession session, long unitId, long? intoId, CancellationToken ct) =>
        MergeAsync(session, unitId, intoId, dryRun: true, ct);

    /// <summary>Merges a unit of hers into another of hers (admins): see UnitTree/README.md for what follows the survivor.</summary>
    public Task<StaffResult<UnitMerge>> MergeAsync(StaffSession session, long unitId, long? intoId, CancellationToken ct) =>
        MergeAsync(session, unitId, intoId, dryRun: false, ct);

    private async Task<StaffResult<UnitMerge>> MergeAsync(StaffSession session, long unitId, long? intoId, bool dryRun, CancellationToken ct)
    {
        if (await CheckAsync(session, unitId, ct) is { } refusal)
        {
            return refusal;
        }

        if (intoId is not { } survivorId)
        {
            return StaffRefusal.Invalid("intoId", "Chọn đơn vị tiếp nhận.");
        }

        var merged = (await tree.FindAsync(session.Unit.Id, unitId, ct))!;
        var outcome = dryRun
            ? await tree.PreviewMergeAsync(Actor(session), unitId, survivorId, ct)
            : await tree.MergeAsync(Actor(session), unitId, survivorId, ct);
        var survivor = Answer(outcome.Outcome, _ => "intoId");
        return survivor.IsOk ? new UnitMerge(merged, survivor.Value, outcome.Summary!, !dryRun) : survivor.Refusal;
    }

    // A unit outside her subtree is not found (whatever her role); then only admins change the tree.
    private async Task<StaffRefusal?> CheckAsync(StaffSession session, long unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await tree.FindAsync(session.Unit.Id, unitId, ct) is null)
        {
            return NotFound();
        }

        return ManageRefusal(session) is { } reason ? StaffRefusal.Forbidden(reason) : null;
    }

    private static StaffResult<UnitNode> Answer(UnitOutcome outcome, Func<string, string> field) => outcome.Status switch
    {
        UnitOutcomeStatus.Done => outcome.Unit!,
        UnitOutcomeStatus.NotFound => NotFound(),
        _ => StaffRefusal.Invalid(field(outcome.Error!), outcome.Error!, "Không thực hiện được"),
    };

    // The store's refusal of a new unit, by the field it is about.
    private static string CreateField(string error) =>
        error.StartsWith("Mã ", StringComparison.Ordinal) ? "code"
        : error.StartsWith("Tên ", StringComparison.Ordinal) ? "name"
        : error.Contains("cấp '", StringComparison.Ordinal) && !error.StartsWith("Đơn vị cấp trên", StringComparison.Ordinal) ? "level"
        : error.StartsWith("Không có cấp", StringComparison.Ordinal) ? "level"
        : "parentId";
}
