using System.Globalization;
using Outreach.Bot.Staff.Auth;
using Outreach.Content.Staff;

namespace Outreach.Bot.Staff.Console.Handoffs;

/// <summary>Who may do what in the handoff inbox: every staff member reads her scope's conversations; all but viewers act.</summary>
public static class HandoffAccess
{
    /// <summary>Why this staff member may not take, answer or release conversations, or null when she may.</summary>
    public static string? Refusal(StaffSession session) =>
        session?.User.Role == StaffRoles.Viewer ? "Tài khoản người xem chỉ được đọc hộp thư hỗ trợ, không nhận hay trả lời hội viên." : null;

    public static bool CanAct(StaffSession session) => Refusal(session) is null;

    /// <summary>How a staff member is written in handoffs.taken_by / closed_by: her account id (names change, ids do not).</summary>
    public static string StaffId(StaffSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.User.Id.ToString(CultureInfo.InvariantCulture);
    }
}
