using System.Reflection;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
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
        }).AddEndpointFilterFactory(EmptyFormsBindEmpty);
    }

    /// <summary>
    /// A form posted with no field the handler's form type knows (only the token: an unticked box is not sent, a script or a
    /// cut-off post) binds to null, and the handler would fail on it with a 500. Such a form is given to the handler as an
    /// empty one instead, so the handler's own checks answer in Vietnamese ("Đánh dấu ô xác nhận trước khi xóa.").
    /// </summary>
    private static EndpointFilterDelegate EmptyFormsBindEmpty(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var forms = factory.MethodInfo.GetParameters()
            .Select((parameter, index) => (parameter, index))
            .Where(p => p.parameter.GetCustomAttribute<FromFormAttribute>() is not null
                && p.parameter.ParameterType is { IsClass: true, IsAbstract: false }
                && p.parameter.ParameterType.GetConstructor(Type.EmptyTypes) is not null)
            .Select(p => (p.index, p.parameter.ParameterType))
            .ToArray();
        if (forms.Length == 0)
        {
            return next;
        }

        return context =>
        {
            foreach (var (index, type) in forms)
            {
                if (index < context.Arguments.Count && context.Arguments[index] is null)
                {
                    context.Arguments[index] = Activator.CreateInstance(type);
                }
            }

            return next(context);
        };
    }
}
