using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Bot.Staff.Auth;

namespace Outreach.Bot.Staff.Console.Layout;

/// <summary>Builds the results console handlers return: a page, a redirect with a notice, or a problem page.</summary>
public static class Pages
{
    /// <summary>Renders <typeparamref name="TPage"/> (static server-side rendering: plain HTML, no circuit, no WebAssembly).</summary>
    public static RazorComponentResult<TPage> Render<TPage>(object parameters, int status = StatusCodes.Status200OK)
        where TPage : IComponent =>
        new(parameters) { StatusCode = status };

    public static RazorComponentResult<ProblemPage> Problem(string title, string detail, int status, StaffSession? session = null) =>
        Render<ProblemPage>(new { Title = title, Detail = detail, Session = session }, status);

    /// <summary>Another unit's data does not exist as far as this staff member is concerned: the same 404 as a wrong id.</summary>
    public static RazorComponentResult<ProblemPage> NotFound(StaffSession session) =>
        Problem("Không tìm thấy", "Không có trang này, hoặc nó thuộc đơn vị ngoài phạm vi của bạn.", StatusCodes.Status404NotFound,
            session);

    public static RazorComponentResult<ProblemPage> Forbidden(StaffSession session, string reason) =>
        Problem("Không được phép", reason, StatusCodes.Status403Forbidden, session);

    /// <summary>
    /// How the console says a staff service's refusal: another unit's data is the plain 404, a refusal with its own title its
    /// problem page. Invalid input is the caller's (it shows the form again with the problems); here it becomes a plain 400.
    /// </summary>
    public static IResult Refusal(StaffSession session, StaffRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Kind switch
        {
            StaffRefusalKind.NotFound when refusal.Title is null => NotFound(session),
            StaffRefusalKind.NotFound => Problem(refusal.Title, refusal.Reason, StatusCodes.Status404NotFound, session),
            StaffRefusalKind.Forbidden => Forbidden(session, refusal.Reason),
            StaffRefusalKind.Conflict => Problem(refusal.Title ?? "Không thực hiện được", refusal.Reason, StatusCodes.Status409Conflict, session),
            _ => Problem(refusal.Title ?? "Dữ liệu chưa hợp lệ", refusal.Reason, StatusCodes.Status400BadRequest, session),
        };
    }

    /// <summary>
    /// Post/redirect/get: back to <paramref name="path"/>, which then says what was done. Only a code travels in the address
    /// (see <see cref="ConsoleNotices"/>), so nobody can make the console show a text of their own.
    /// </summary>
    public static IResult SeeOther(string path, string? notice = null) =>
        Results.Redirect(notice is null ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "notice=" + notice);
}
