using Outreach.Bot.Staff.Auth;

namespace Outreach.Bot.Staff.Unanswered;

/// <summary>
/// Turning a missed question into knowledge: a new way of asking an existing entry, or a new entry drafted from it. The
/// editable knowledge base implements this (its drafts then go through its own approval); the queue only calls it. Both
/// return the key of the entry changed or created, or why not (the knowledge service's own refusal).
/// </summary>
public interface IKnowledgeDrafts
{
    /// <summary>False while no knowledge service is wired in: the page then says so instead of offering the actions.</summary>
    bool IsAvailable { get; }

    /// <summary>Adds <paramref name="text"/> as a question variant of the entry <paramref name="entryKey"/> (a draft change).</summary>
    Task<StaffResult<string>> AttachVariantAsync(string entryKey, string text, StaffSession staff, CancellationToken cancellationToken);

    /// <summary>Starts a new entry (a draft) whose first question is <paramref name="text"/>; returns its key.</summary>
    Task<StaffResult<string>> CreateEntryAsync(string text, StaffSession staff, CancellationToken cancellationToken);
}

/// <summary>The stand-in until the editable knowledge base is wired in: both actions are refused with the reason.</summary>
public sealed class NoKnowledgeDrafts : IKnowledgeDrafts
{
    public const string Reason =
        "Chức năng sửa nội dung trả lời trong bảng điều khiển chưa được bật trên hệ thống này, nên chưa thêm được câu hỏi vào nội dung. Hãy báo quản trị viên.";

    public bool IsAvailable => false;

    public Task<StaffResult<string>> AttachVariantAsync(string entryKey, string text, StaffSession staff, CancellationToken cancellationToken) =>
        Task.FromResult<StaffResult<string>>(StaffRefusal.Conflict("Chưa bật chức năng", Reason));

    public Task<StaffResult<string>> CreateEntryAsync(string text, StaffSession staff, CancellationToken cancellationToken) =>
        Task.FromResult<StaffResult<string>>(StaffRefusal.Conflict("Chưa bật chức năng", Reason));
}
