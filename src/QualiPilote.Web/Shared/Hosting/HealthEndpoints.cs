using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Shared.Hosting;

/// <summary>Anonymous probes for a supervisor or a load balancer: <c>/healthz</c> answers « ok » while the process serves
/// requests (liveness); <c>/healthz/ready</c> also reaches the database, and answers 503 « indisponible » when it cannot.</summary>
public static class HealthEndpoints
{
    public const string Path = "/healthz";
    private const string Ready = "ready";

    public static void AddHealthEndpoints(this IServiceCollection services) =>
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("base de données", tags: [Ready]);

    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(Path, Options(_ => false)).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(Path + "/ready", Options(check => check.Tags.Contains(Ready))).AllowAnonymous().DisableRateLimiting();
    }

    public static bool IsHealth(HttpContext context) => context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = (context, report) =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(report.Status == HealthStatus.Unhealthy ? "indisponible" : "ok");
        },
    };
}
