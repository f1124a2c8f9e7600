using Microsoft.AspNetCore.Authorization;

namespace QualiPilote.Web.Features.Access;

/// <summary>Grants a structure policy when the user's level on the structure named by the route value "code"
/// reaches the minimum. An unknown code is granted to administrators only, so that they get a 404, others a 403.
/// The structure it loads stays in <see cref="CurrentStructure"/> for the endpoint or page.</summary>
internal sealed class StructureAccessHandler(StructureAccess access) : AuthorizationHandler<StructureAccessRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StructureAccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http || http.GetRouteValue("code") is not string code)
        {
            return;
        }
        var scope = await access.ScopeAsync(context.User, http.RequestAborted);
        if (!scope.IsAuthenticated)
        {
            return;
        }
        var current = await access.LoadCurrentAsync(code, context.User, http.RequestAborted);
        if (current is null)
        {
            if (scope.IsNationalAdmin)
            {
                context.Succeed(requirement);
            }
            return;
        }
        if (current.Level >= requirement.Minimum)
        {
            context.Succeed(requirement);
        }
    }
}
