using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Access;

public static class AccessSetup
{
    private const string BySideScheme = "BySide";

    /// <summary>Local accounts with ASP.NET Core Identity: a cookie for pages, bearer tokens for the API.
    /// Another sign-in scheme (ProConnect, OpenID Connect) can be added beside the cookie later.</summary>
    public static void AddAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddDefaultTokenProviders();

        // Requests that no endpoint policy names a scheme for (the fallback policy, and the 405/415 endpoints routing
        // adds) authenticate like the rest of their side: the bearer token under /api, the cookie everywhere else.
        services.AddAuthentication(o =>
            {
                // Identity set both to the cookie; forbidding falls back to the challenge scheme.
                o.DefaultAuthenticateScheme = BySideScheme;
                o.DefaultChallengeScheme = BySideScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddPolicyScheme(BySideScheme, null, o => o.ForwardDefaultSelector = context =>
                WebUi.IsApi(context) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "QualiPilote.Auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/connexion";
            o.LogoutPath = "/deconnexion";
            o.AccessDeniedPath = "/acces-refuse";
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
        });

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        Policies.Add(authorization);
        services.AddScoped<StructureAccess>();
        services.AddScoped<IAuthorizationHandler, StructureAccessHandler>();
    }
}
