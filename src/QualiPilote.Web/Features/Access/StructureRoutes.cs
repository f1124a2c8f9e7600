using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Access;

/// <summary>API endpoints of one structure hang from <c>/structures/{code}</c> through <see cref="MapStructureGroup"/>
/// (or carry <see cref="WithStructure"/>): the filter answers 404 for an unknown code before the endpoint runs, and the
/// endpoint takes the structure the authorization step loaded as a <see cref="CurrentStructure"/> parameter — no lookup
/// of its own, none forgotten (Features/Access/CurrentStructureTests).</summary>
public static class StructureRoutes
{
    public static RouteGroupBuilder MapStructureGroup(this IEndpointRouteBuilder api, string path) =>
        api.MapGroup("/structures/{code}" + path).WithStructure();

    public static TBuilder WithStructure<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var code = http.GetRouteValue("code") as string ?? "";
                var access = http.RequestServices.GetRequiredService<StructureAccess>();
                return await access.LoadCurrentAsync(code, http.User, http.RequestAborted) is null
                    ? Problems.UnknownStructure(code)
                    : await next(context);
            })
            .WithMetadata(new StructureGroupMarker());

    /// <summary>Marks the endpoints whose structure the filter loads (checked by the access tests).</summary>
    public sealed class StructureGroupMarker;
}
