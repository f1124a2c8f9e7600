using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace QualiPilote.Web.Shared;

/// <summary>A request that names no handler of the page: a POST to a page that only shows (its model would render unloaded and
/// fail), or a <c>?handler=</c> the page does not have. Answered 405 (with the methods the page takes) or 404, never by
/// running the page without its handler.</summary>
public sealed class UnmatchedHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (context.HandlerMethod is not null || handlers.Count == 0)
        {
            await next();
            return;
        }
        var name = context.RouteData.Values["handler"] as string ?? context.HttpContext.Request.Query["handler"].ToString();
        var named = string.IsNullOrEmpty(name)
            ? handlers.Where(h => string.IsNullOrEmpty(h.Name)).ToList()
            : handlers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count == 0 && !string.IsNullOrEmpty(name))
        {
            context.Result = new NotFoundResult();
            return;
        }
        var allowed = (named.Count > 0 ? named : handlers).Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToList();
        if (allowed.Contains("GET"))
        {
            allowed.Add("HEAD");
        }
        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
