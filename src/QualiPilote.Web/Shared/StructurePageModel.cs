using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Shared;

/// <summary>Base of every page under /structures/{code}. Each page states its own structure policy
/// (Policies.StructureAuditRead, StructureRead, StructureServiceEdit or StructureManage), which the access matrix
/// test checks; this base loads the structure and the user's scope before any handler runs.</summary>
public abstract class StructurePageModel(StructureAccess access) : PageModel
{
    public Structure Structure { get; private set; } = null!;
    public UserScope Scope { get; private set; } = UserScope.Anonymous;
    public AccessLevel Level => Scope.LevelFor(Structure);
    public bool CanManage => Level >= AccessLevel.Manage;
    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
    protected StructureAccess Access => access;

    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var code = RouteData.Values["code"] as string ?? "";
        var structure = await access.FindStructureAsync(code, HttpContext.RequestAborted);
        if (structure is null)
        {
            context.Result = NotFound();
            return;
        }
        Structure = structure;
        Scope = await access.ScopeAsync(User, HttpContext.RequestAborted);
        await next();
    }
}
