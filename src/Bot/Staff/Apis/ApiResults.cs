using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Outreach.Bot.Staff.Apis;

/// <summary>How the JSON API says a staff service's answer: the value as <c>ok</c> makes it, or the refusal as a problem.</summary>
internal static class ApiResults
{
    public static IResult From<T>(StaffResult<T> result, Func<T, IResult> ok)
    {
        ArgumentNullException.ThrowIfNull(ok);
        return result.IsOk ? ok(result.Value) : Refusal(result.Refusal);
    }

    public static IResult Refusal(StaffRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Kind switch
        {
            StaffRefusalKind.Invalid => TypedResults.ValidationProblem(refusal.Problems, title: refusal.Title),
            StaffRefusalKind.Forbidden => TypedResults.Problem(refusal.Reason, statusCode: StatusCodes.Status403Forbidden),
            StaffRefusalKind.Conflict when refusal.Problems.Count > 0 => TypedResults.Problem(
                refusal.Reason, statusCode: StatusCodes.Status409Conflict, title: refusal.Title,
                extensions: new Dictionary<string, object?> { ["changes"] = refusal.Problems }),
            StaffRefusalKind.Conflict => TypedResults.Problem(refusal.Reason, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(refusal.Reason, statusCode: StatusCodes.Status404NotFound),
        };
    }
}
