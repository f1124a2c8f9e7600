using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Access;

public static class AuthApi
{
    public sealed record TokenRequest(string? Email, string? Password);

    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .WithTags("Authentification")
            .WithSummary("Obtenir un jeton d'accès")
            .WithDescription("Renvoie un jeton (accessToken) à placer dans l'en-tête Authorization: Bearer <jeton>. Valable 8 heures.");
    }

    private static async Task<Results<EmptyHttpResult, SignInHttpResult, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request, UserManager<AppUser> users, SignInManager<AppUser> signIn)
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
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: Problems.Title(401),
                detail: check.IsLockedOut ? "Compte verrouillé après trop d'essais : réessayez dans 15 minutes." : "Adresse électronique ou mot de passe incorrect.");
        }
        var principal = await signIn.CreateUserPrincipalAsync(user!);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
