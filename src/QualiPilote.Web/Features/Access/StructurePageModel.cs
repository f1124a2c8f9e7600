using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Access;

/// <summary>Base of every page under /structures/{code}. Each page states its own structure policy
/// (Policies.StructureAuditRead, StructureRead, StructureServiceEdit or StructureManage), which the access matrix
/// test checks; the structure and the user's scope are the ones that check loaded (<see cref="CurrentStructure"/>).</summary>
public abstract class StructurePageModel(StructureAccess access) : PageModel
{
    private CurrentStructure? _current;

    public Structure Structure => _current!.Structure;
    public UserScope Scope => _current?.Scope ?? UserScope.Anonymous;
    public AccessLevel Level => _current!.Level;
    public bool CanManage => Level >= AccessLevel.Manage;
    public string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);
    protected StructureAccess Access => access;

    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var code = RouteData.Values["code"] as string ?? "";
        _current = await access.LoadCurrentAsync(code, User, HttpContext.RequestAborted);
        if (_current is null)
        {
            context.Result = NotFound();
            return;
        }
        ViewData[SideMenu.ViewDataKey] = StructureMenu.For(_current, HttpContext.RequestServices.GetRequiredService<PagePaths>(), HttpContext);
        await next();
    }
}
