using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Commands;

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
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = AuthApi.TokenLifetime;
                o.RefreshTokenExpiration = SessionStore.TokenIdle;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiBearerHandler>(Api.Scheme, null)
            .AddPolicyScheme(BySideScheme, null, o => o.ForwardDefaultSelector = context =>
                WebUi.IsApi(context) ? Api.Scheme : IdentityConstants.ApplicationScheme);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "QualiPilote.Auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/connexion";
            o.LogoutPath = "/deconnexion";
            o.AccessDeniedPath = "/acces-refuse";
            o.ExpireTimeSpan = SessionStore.CookieIdle;
            o.SlidingExpiration = true;
            // After Identity's security-stamp check: each signed-in browser is a server-side session, ended by signing out.
            var stampCheck = o.Events.OnValidatePrincipal;
            o.Events.OnSigningIn = async context =>
            {
                var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
                if (userId is not null && context.Principal!.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == UserSession.Claim))
                {
                    var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
                    identity.AddClaim(new Claim(UserSession.Claim, await sessions.OpenAsync(userId, SessionKind.Cookie, context.HttpContext.RequestAborted)));
                }
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                await stampCheck(context);
                var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
                if (context.Principal is not null && !await sessions.IsAliveAsync(context.Principal, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        Policies.Add(authorization);
        services.AddScoped<StructureAccess>();
        services.AddScoped<CurrentStructure>();
        services.AddScoped<MemberEditor>();
        services.AddScoped<AdminBootstrap>();
        services.AddScoped<SessionStore>();
        services.AddAppCommand<AdminCreateCommand>();
        services.AddSignInLimits(builder.Configuration);
        // Identity renews a cookie's principal every 30 minutes from the database: the renewed one keeps its session.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.FindFirst(UserSession.Claim) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            {
                identity.AddClaim(new Claim(UserSession.Claim, session.Value));
            }
            return Task.CompletedTask;
        });
        services.AddSingleton<SessionRevocation>();
        services.AddScoped<IAuthorizationHandler, StructureAccessHandler>();
    }
}
