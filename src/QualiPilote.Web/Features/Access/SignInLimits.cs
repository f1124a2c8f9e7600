using System.Threading.RateLimiting;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Access;

/// <summary>Bounds password guessing by address: the sign-in form and the token endpoints take at most
/// <c>RateLimits:SignInPerMinute</c> attempts a minute from one IP address (30 by default: a prefecture's agents sign in
/// from one address at nine o'clock); the account lockout (10 failures) bounds guessing per account.</summary>
public static class SignInLimits
{
    public const string Policy = "sign-in";

    public static void AddSignInLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue<int?>("RateLimits:SignInPerMinute") ?? 30;
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("lecture")
                : RateLimitPartition.GetSlidingWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "inconnue", _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "60";
                const string detail = "Trop de tentatives de connexion depuis cette adresse : réessayez dans une minute.";
                if (WebUi.IsApi(http))
                {
                    await http.Response.WriteAsJsonAsync(new { status = 429, title = Problems.Title(429), detail }, cancellationToken);
                }
                else
                {
                    var login = http.RequestServices.GetRequiredService<LinkGenerator>().GetPathByPage(http, "/Access/Login");
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync($"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Trop de tentatives – Quali-Pilote</title></head><body><main><h1>Trop de tentatives</h1><p>{detail}</p><p><a href=\"{login}\">Revenir à la connexion</a></p></main></body></html>", cancellationToken);
                }
            };
        });
    }
}
