using System.Security.Claims;

namespace QualiPilote.Web.Features.Access;

public static class ClaimsPrincipalNames
{
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(AppClaimsFactory.FullName) ?? user.Identity?.Name ?? "";
}
