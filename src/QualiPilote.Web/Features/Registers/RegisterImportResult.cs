using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>What an import answers: the batch written, or the first errors (line, field, French message) and their total, or
/// the warnings of a file that looks out of line (nothing stored until the user confirms). Either way nothing is half-stored.</summary>
public sealed record RegisterImportResult(RegisterImport? Batch, IReadOnlyList<FieldError> Errors, int ErrorCount)
{
    /// <summary>Why the file looks out of line, in French with its figures; the import was rolled back.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>What the refused file would have written (rows read, added, updated), for the confirmation.</summary>
    public (int Rows, int Imported, int Updated) WouldWrite { get; init; }

    public bool NeedsConfirmation => Batch is null && Warnings.Count > 0;

    public static RegisterImportResult ToConfirm(IReadOnlyList<string> warnings, int rows, int imported, int updated) =>
        new(null, [], 0) { Warnings = warnings, WouldWrite = (rows, imported, updated) };

    /// <summary>Errors listed in an answer; the total is always given. A file with 100 000 bad rows answers quickly with these.</summary>
    public const int MaxListedErrors = 100;

    public bool Succeeded => Batch is not null;

    public string Summary => NeedsConfirmation
        ? $"Import en attente de confirmation : ce fichier ({Fr.Count(WouldWrite.Rows, "ligne")}, {Fr.Number(WouldWrite.Imported)} à ajouter, {Fr.Number(WouldWrite.Updated)} à modifier) sort de l'ordinaire ; rien n'a été enregistré."
        : Batch is null
        ? $"Import refusé : {Fr.Count(ErrorCount, "erreur")}, rien n'a été enregistré."
        : Batch.Imported + Batch.Updated == 0
            ? $"Import terminé : le fichier ({Fr.Count(Batch.Rows, "ligne")}) ne change rien au registre."
            : $"Import terminé : {Fr.Count(Batch.Imported, "ligne ajoutée", "lignes ajoutées")}, {Fr.Count(Batch.Updated, "modifiée")}, {Fr.Count(Batch.Unchanged, "inchangée")}.";
}
