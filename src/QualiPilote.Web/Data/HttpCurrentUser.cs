using System.Security.Claims;

namespace QualiPilote.Web.Data;

/// <summary>The signed-in person of the current request; outside a request, or for an anonymous one, the app itself
/// (<see cref="SystemUser"/>). The request is read at each save, so one instance serves the whole app.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => httpContextAccessor.HttpContext?.User;

    public string? Id => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The account's user name; « ? » for a signed-in principal without one (never seen with Identity's cookie).</summary>
    public string Name => Principal is { Identity.IsAuthenticated: true } user ? user.Identity.Name ?? "?" : SystemUser.UserName;
}
