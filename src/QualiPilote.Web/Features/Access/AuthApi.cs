using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Access;

public static class AuthApi
{
    /// <summary>An access token lasts an hour; its refresh token keeps the session going for <see cref="SessionStore.TokenIdle"/>
    /// without use. Either stops at once when the session ends.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    /// <summary>The same answer for a wrong password, an unknown address and a locked account, so that nobody learns which
    /// addresses have an account (the lockout itself still applies).</summary>
    public const string SignInRefused = "Adresse électronique ou mot de passe incorrect. Après 10 essais manqués, le compte est verrouillé 15 minutes.";

    public sealed record TokenRequest(string? Email, string? Password);
    public sealed record RefreshRequest(string? RefreshToken);

    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Authentification");
        auth.MapPost("/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(SignInLimits.Policy)
            .WithSummary("Obtenir un jeton d'accès")
            .WithDescription("Renvoie un jeton (accessToken, valable 1 heure) à placer dans l'en-tête Authorization: Bearer <jeton>, et un jeton de renouvellement (refreshToken) pour en obtenir un autre par POST /api/v1/auth/refresh. Nombre d'essais limité par adresse IP (429).");
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous().RequireRateLimiting(SignInLimits.Policy)
            .WithSummary("Renouveler un jeton d'accès")
            .WithDescription("Envoyez {\"refreshToken\": \"…\"} : un nouveau couple de jetons, tant que la session n'est pas terminée (déconnexion, mot de passe changé, rôle retiré) et au plus 14 jours après le dernier renouvellement.");
        auth.MapPost("/logout", LogoutAsync)
            .WithSummary("Terminer la session du jeton")
            .WithDescription("Le jeton d'accès et son jeton de renouvellement cessent aussitôt d'être acceptés.");
    }

    private static async Task<Results<EmptyHttpResult, SignInHttpResult, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn, SessionStore sessions, HttpContext http)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors.Add(new FieldError(null, "email", "l'adresse électronique est obligatoire."));
        }
        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add(new FieldError(null, "password", "le mot de passe est obligatoire."));
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        var user = await users.FindByEmailAsync(request.Email!);
        var check = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            return Unauthorized(SignInRefused);
        }
        return TypedResults.SignIn(await PrincipalAsync(signIn, user!, await sessions.OpenAsync(user!.Id, SessionKind.Token, http.RequestAborted)),
            authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(RefreshRequest request, IOptionsMonitor<BearerTokenOptions> options,
        SignInManager<AppUser> signIn, SessionStore sessions, TimeProvider clock, HttpContext http)
    {
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null
            : options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || !await sessions.IsAliveAsync(ticket.Principal, http.RequestAborted)
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return Unauthorized("Jeton de renouvellement invalide, expiré, ou session terminée : demandez un nouveau jeton par POST /api/v1/auth/token.");
        }
        return TypedResults.SignIn(await PrincipalAsync(signIn, user, ticket.Principal.FindFirstValue(UserSession.Claim)!), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, SessionStore sessions)
    {
        await sessions.EndAsync(http.User, http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(SignInManager<AppUser> signIn, AppUser user, string session)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(UserSession.Claim, session));
        return principal;
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: Problems.Title(401), detail: detail);
}
