using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace QualiPilote.Web.Shared;

/// <summary>The JSON API under /api/v1: bearer tokens only (never the cookie, so a page cannot be
/// tricked into calling it), French problem details, and its OpenAPI document.</summary>
public static class Api
{
    public const string Prefix = "/api/v1";

    /// <summary>The API's authentication scheme: a bearer token whose session is alive (Features/Access/ApiBearerHandler).</summary>
    public const string Scheme = "ApiBearer";

    public static readonly AuthorizationPolicy BearerUser = new AuthorizationPolicyBuilder(Scheme)
        .RequireAuthenticatedUser().Build();

    /// <summary>Who may read the OpenAPI document and the reference (/openapi/v1.json, /api/docs): anyone when
    /// <see cref="ApiOptions.PublicDocuments"/>, else a signed-in user (the pages' cookie or an API token).</summary>
    public const string DocumentsPolicy = "ApiDocuments";

    private const string DocumentsScheme = "ApiDocuments";

    /// <summary><c>Api:PublicDocuments</c> when set; by default public everywhere but in Production (README, « Configuration »).</summary>
    public static bool DocumentsArePublic(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Api:PublicDocuments") ?? !environment.IsProduction();

    public static void AddApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().Configure<IConfiguration, IHostEnvironment>((o, configuration, environment) =>
            o.PublicDocuments = DocumentsArePublic(configuration, environment));
        // The documents are outside /api/v1: a script brings its bearer token, a browser its cookie.
        services.AddAuthentication().AddPolicyScheme(DocumentsScheme, null, o => o.ForwardDefaultSelector = context =>
            context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Scheme : IdentityConstants.ApplicationScheme);
        services.AddAuthorizationBuilder().AddPolicy(DocumentsPolicy, p => p.AddAuthenticationSchemes(DocumentsScheme).AddRequirements(new DocumentsRequirement()));
        services.AddSingleton<IAuthorizationHandler, DocumentsHandler>();
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.OrdinalIgnoreCase) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "API Quali-Pilote",
                    Version = "v1",
                    Description = "Obtenez un jeton par POST /api/v1/auth/token (adresse électronique et mot de passe), puis envoyez-le dans l'en-tête Authorization: Bearer <jeton>. Les erreurs sont des « problem details » (RFC 9457) en français.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Jeton obtenu par POST /api/v1/auth/token",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
                return Task.CompletedTask;
            });
        });
    }

    /// <summary>The group every API endpoint hangs from: authenticated by bearer token unless it says otherwise.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(Prefix).RequireAuthorization(BearerUser).DisableAntiforgery();

    public static void MapApiDocuments(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(DocumentsPolicy);
        // Scalar's scripts only: the reference page itself is Features/ApiDocs/Reference (French, no inline script).
        app.MapScalarApiReference("/api/docs/ressources", o => o.WithTitle("API Quali-Pilote").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .RequireAuthorization(DocumentsPolicy);
    }

    private sealed class DocumentsRequirement : IAuthorizationRequirement;

    private sealed class DocumentsHandler(IOptions<ApiOptions> options) : AuthorizationHandler<DocumentsRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DocumentsRequirement requirement)
        {
            if (options.Value.PublicDocuments || context.User.Identity?.IsAuthenticated == true)
            {
                context.Succeed(requirement);
            }
            return Task.CompletedTask;
        }
    }
}

/// <summary>Settings of the API (section "Api").</summary>
public sealed class ApiOptions
{
    /// <summary>The OpenAPI document and its reference page readable without signing in.</summary>
    public bool PublicDocuments { get; set; }
}
