using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Outreach.Bot.Staff.Console.Layout;

namespace Outreach.Bot.Staff.Console;

/// <summary>
/// Every form the console posts carries an antiforgery token (rendered by &lt;AntiforgeryToken /&gt;); this filter checks it
/// before the handler runs and answers a plain Vietnamese page when it is missing or stale. The cookie is SameSite=Strict
/// too, but the token is what a form relies on.
/// </summary>
public static class ConsoleForms
{
    public static TBuilder ValidateAntiforgery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Checked here, explicitly, instead of by the form binder, so that a stale token gets a page that says what to do.
        builder.DisableAntiforgery();
        return builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                return await next(context);
            }

            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Pages.Problem(
                    "Phiên làm việc đã hết hạn", "Trang đã mở quá lâu hoặc bị gửi từ nơi khác. Hãy tải lại trang rồi thử lại.",
                        StatusCodes.Status400BadRequest);
            }

            return await next(context);
        });
    }
}
