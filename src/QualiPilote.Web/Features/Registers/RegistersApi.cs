using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Registers;

public static class RegistersApi
{
    /// <summary>Uploads of a million register rows (about 50 MB of CSV) must get through; files are streamed, never held in memory.</summary>
    public const long MaxUploadBytes = 1L << 30;

    public sealed record ImportDto(int Batch, int Rows, int Imported, int Updated, int Unchanged);
    public sealed record UndoDto(int Batch, int Removed, int Restored, DateTime UndoneAt, string UndoneBy);
    public sealed record DeadlineDto(int Id, CorrespondenceChannel Channel, DateOnly EffectiveFrom, int Days, bool WorkingDays, int Version);
    /// <param name="Version">The version of this channel's deadline at this date, read before editing; null when there was none.</param>
    public sealed record DeadlinePayload(CorrespondenceChannel? Channel, DateOnly? EffectiveFrom, int? Days, bool? WorkingDays, int? Version = null);

    public static void MapRegistersApi(this RouteGroupBuilder api)
    {
        var registers = api.MapStructureGroup("/registers").WithTags("Registres");
        Upload(registers.MapPost("/correspondence", ImportCorrespondenceAsync)).RequireAuthorization(Policies.StructureServiceEdit)
            .WithSummary("Importer le registre des courriers, courriels et réclamations (CSV ou XLSX)")
            .WithDescription("Colonnes : reference;service;canal;recu_le;repondu_le;contact[;perimetre]. Séparateur ; ou , ; UTF-8 ou Windows-1252. "
                + "Une référence déjà enregistrée est mise à jour. Tout ou rien : 422 avec les premières erreurs {line, field, message} et leur nombre (errorCount). "
                + "Un référent-relais n'importe que les lignes de son service. " + ReviewDescription);
        Upload(registers.MapPost("/calls", ImportCallsAsync)).RequireAuthorization(Policies.StructureManage)
            .WithSummary("Importer les appels (date_heure;statut ou debut;fin;presentes;decroches)").WithDescription(ReviewDescription);
        Upload(registers.MapPost("/attendance", ImportAttendanceAsync)).RequireAuthorization(Policies.StructureManage)
            .WithSummary("Importer la fréquentation (mois;site;categorie;nombre)").WithDescription(ReviewDescription);
        registers.MapPost("/imports/{batch:int}/undo", UndoAsync).RequireAuthorization(Policies.StructureManage)
            .WithSummary("Annuler un import de fichier (référent qualité)")
            .WithDescription("Les lignes ajoutées par l'import sont retirées, les lignes qu'il a modifiées retrouvent leur valeur précédente, les indicateurs sont recalculés ; "
                + "l'import reste dans l'historique, marqué annulé. 409 si une écriture plus récente a touché ses lignes, ou s'il est déjà annulé.");

        var deadlines = api.MapStructureGroup("/deadlines").WithTags("Registres");
        deadlines.MapGet("/", ListDeadlinesAsync).RequireAuthorization(Policies.StructureRead).WithSummary("Délais de réponse par canal et date d'effet");
        deadlines.MapPut("/", SaveDeadlineAsync).RequireAuthorization(Policies.StructureManage)
            .WithSummary("Fixer un délai de réponse (canal, date d'effet, jours, jours ouvrés ou calendaires)")
            .WithDescription("Les dates limites des éléments reçus à partir de cette date et les indicateurs sont recalculés.");
    }

    private const string ReviewDescription = "Un fichier hors de l'ordinaire (volume d'un mois ou d'un trimestre au moins 3 fois celui de la même période de l'année précédente, "
        + "ou plus de la moitié des éléments hors délai) n'est pas enregistré : 409 avec les avertissements (warnings) ; renvoyez-le avec ?confirm=true pour l'enregistrer.";

    private static RouteHandlerBuilder Upload(RouteHandlerBuilder endpoint) =>
        endpoint.Accepts<IFormFile>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));

    private static Task<IResult> ImportCorrespondenceAsync(string code, HttpContext http, CurrentStructure here, CorrespondenceImporter importer) =>
        ImportAsync(code, http, here, (structure, scope, stream, name, reviewed) => importer.ImportAsync(structure, scope, http.User, stream, name, reviewed, http.RequestAborted));

    private static Task<IResult> ImportCallsAsync(string code, HttpContext http, CurrentStructure here, CallsImporter importer) =>
        ImportAsync(code, http, here, (structure, _, stream, name, reviewed) => importer.ImportAsync(structure, http.User, stream, name, reviewed, http.RequestAborted));

    private static Task<IResult> ImportAttendanceAsync(string code, HttpContext http, CurrentStructure here, AttendanceImporter importer) =>
        ImportAsync(code, http, here, (structure, _, stream, name, reviewed) => importer.ImportAsync(structure, http.User, stream, name, reviewed, http.RequestAborted));

    private static async Task<IResult> ImportAsync(string code, HttpContext http, CurrentStructure here,
        Func<Structures.Structure, UserScope, Stream, string, bool, Task<RegisterImportResult>> import)
    {
        var structure = here.Structure;
        if (!TryConfirm(http.Request.Query["confirm"], out var confirmed))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: Problems.Title(400),
                detail: "confirm : true ou false attendu (true : enregistrer un fichier hors de l'ordinaire malgré les avertissements).");
        }
        var file = await MultipartUpload.FilePartAsync(http.Request, "file", MaxUploadBytes, http.RequestAborted);
        if (file is null)
        {
            return Problems.Validation([new FieldError(null, "file", "joignez le fichier du registre (champ « file », CSV ou XLSX) dans une requête multipart/form-data.")]);
        }
        var scope = here.Scope;
        // The import reads the upload on its own thread as it arrives (RegisterUpload), with blocking reads.
        if (http.Features.Get<IHttpBodyControlFeature>() is { } body)
        {
            body.AllowSynchronousIO = true;
        }
        RegisterImportResult result;
        try
        {
            result = await import(structure, scope, file.Value.Body, file.Value.FileName, !confirmed);
        }
        catch (Exception e) when (e is IOException or InvalidDataException && !http.RequestAborted.IsCancellationRequested)
        {
            // The upload broke off or its multipart framing is wrong; the import's transaction was not committed.
            return Problems.Validation([new FieldError(null, "file", "le fichier n'a pas pu être lu jusqu'au bout (envoi interrompu ou requête multipart mal formée) : rien n'a été enregistré.")]);
        }
        if (result.NeedsConfirmation)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = Problems.Title(409),
                Detail = result.Summary + " Renvoyez le même fichier avec ?confirm=true pour l'enregistrer malgré les avertissements.",
                Extensions =
                {
                    ["warnings"] = result.Warnings,
                    ["rows"] = result.WouldWrite.Rows,
                    ["imported"] = result.WouldWrite.Imported,
                    ["updated"] = result.WouldWrite.Updated,
                },
            });
        }
        if (!result.Succeeded)
        {
            return Problems.Validation(result.Errors, result.ErrorCount, result.Summary);
        }
        var batch = result.Batch!;
        return TypedResults.Ok(new ImportDto(batch.Id, batch.Rows, batch.Imported, batch.Updated, batch.Unchanged));
    }

    private static bool TryConfirm(Microsoft.Extensions.Primitives.StringValues values, out bool confirmed)
    {
        confirmed = false;
        if (values.Count == 0)
        {
            return true;
        }
        if (values.Count > 1)
        {
            return false;
        }
        return bool.TryParse(values[0], out confirmed);
    }

    private static async Task<IResult> UndoAsync(string code, int batch, HttpContext http, CurrentStructure here, ImportUndo undo)
    {
        var structure = here.Structure;
        var plan = await undo.UndoAsync(structure.Id, batch, http.User, http.RequestAborted);
        if (plan is null)
        {
            return Problems.NotFound($"La structure {code} n'a pas d'import n° {batch}.");
        }
        if (!plan.Possible)
        {
            return Problems.Conflict(plan.Refusal!);
        }
        return TypedResults.Ok(new UndoDto(plan.Batch.Id, plan.Removed, plan.Restored, plan.Batch.UndoneAt!.Value, plan.Batch.UndoneByName!));
    }

    private static async Task<Results<Ok<List<DeadlineDto>>, ProblemHttpResult>> ListDeadlinesAsync(string code, CurrentStructure here, AppDbContext db, CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        return TypedResults.Ok(await db.Set<ResponseDeadline>().AsNoTracking().Where(d => d.StructureId == structure.Id)
            .OrderBy(d => d.Channel).ThenBy(d => d.EffectiveFrom)
            .Select(d => new DeadlineDto(d.Id, d.Channel, d.EffectiveFrom, d.Days, d.WorkingDays, d.Version)).ToListAsync(cancellationToken));
    }

    private static async Task<IResult> SaveDeadlineAsync(string code, DeadlinePayload payload, CurrentStructure here, DeadlineEditor editor, AppDbContext db,
        CancellationToken cancellationToken)
    {
        var structure = here.Structure;
        List<FieldError> errors;
        try
        {
            errors = await editor.SaveAsync(structure, new DeadlineInput
            {
                Channel = payload.Channel,
                EffectiveFrom = payload.EffectiveFrom,
                Days = payload.Days,
                WorkingDays = payload.WorkingDays ?? true,
                Version = payload.Version,
            }, cancellationToken);
        }
        catch (StaleVersionException stale)
        {
            var current = await db.Set<ResponseDeadline>().AsNoTracking()
                .Where(d => d.StructureId == structure.Id && d.Channel == payload.Channel && d.EffectiveFrom == payload.EffectiveFrom)
                .Select(d => new DeadlineDto(d.Id, d.Channel, d.EffectiveFrom, d.Days, d.WorkingDays, d.Version)).FirstOrDefaultAsync(cancellationToken);
            return Versions.Conflict(stale, "le délai de ce canal à cette date", current);
        }
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }
        return await ListDeadlinesAsync(code, here, db, cancellationToken);
    }
}
