using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace QualiPilote.Web.Shared;

/// <summary>One error of a form, an API call or an import file: the line (for files), the field, and a French message.</summary>
public sealed record FieldError(int? Line, string Field, string Message)
{
    public override string ToString() => Line is null ? $"{Field} : {Message}" : $"Ligne {Line}, {Field} : {Message}";
}

/// <summary>JSON problem details in French for the API (RFC 9457).</summary>
public static class Problems
{
    public static string Title(int status) => status switch
    {
        400 => "Requête invalide",
        401 => "Authentification requise",
        403 => "Accès refusé",
        404 => "Ressource introuvable",
        405 => "Méthode non autorisée",
        409 => "Conflit",
        413 => "Fichier trop volumineux",
        415 => "Format non pris en charge",
        422 => "Données invalides",
        429 => "Trop de requêtes",
        503 => "Service momentanément indisponible",
        _ => status >= 500 ? "Erreur interne" : "Erreur",
    };

    public static ProblemHttpResult Validation(IReadOnlyCollection<FieldError> errors, int? total = null, string? detail = null) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = Title(422),
            Detail = detail ?? (errors.Count == 1 ? errors.First().ToString() : $"{total ?? errors.Count} erreurs : rien n'a été enregistré."),
            Extensions =
            {
                ["errors"] = errors.Select(e => new { line = e.Line, field = e.Field, message = e.Message }).ToList(),
                ["errorCount"] = total ?? errors.Count,
            },
        });

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Title(404), detail: detail);

    public static ProblemHttpResult UnknownStructure(string code) => NotFound($"Aucune structure n'a le code « {code} ».");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: Title(403), detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Title(409), detail: detail);

    /// <summary>Every problem answer gets its French title from its status: the app's own answers already have it, and the
    /// framework's (400, 404, 405, 413 « Content Too Large », 415…) would otherwise come out in English.</summary>
    public static void AddFrenchProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Title = Title(status);
            context.ProblemDetails.Type ??= $"https://httpstatuses.io/{status}";
        });
}
