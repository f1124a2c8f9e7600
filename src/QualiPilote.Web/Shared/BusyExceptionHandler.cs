using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace QualiPilote.Web.Shared;

/// <summary>Answers a <see cref="BusyException"/> from the API with a French 503 problem and Retry-After. Pages fall through
/// to the error page, which shows the same message with the same status.</summary>
public sealed class BusyExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BusyException busy || !WebUi.IsApi(httpContext))
        {
            return false;
        }
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        AddRetryAfter(httpContext, busy);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Detail = busy.Message },
        });
    }

    public static void AddRetryAfter(HttpContext context, BusyException busy) =>
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(Fr.Culture);
}
