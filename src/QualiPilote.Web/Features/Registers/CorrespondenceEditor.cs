using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Registers;

public sealed class CorrespondenceInput
{
    [Required, StringLength(CorrespondenceItem.ReferenceMaxLength), Display(Name = "Référence")]
    public string? Reference { get; set; }

    [Required, Display(Name = "Service")]
    public string? ServiceCode { get; set; }

    [Required, Display(Name = "Canal")]
    public CorrespondenceChannel? Channel { get; set; }

    [Required, Display(Name = "Reçu le"), PlausibleDate]
    public DateOnly? ReceivedOn { get; set; }

    [Display(Name = "Répondu le"), PlausibleDate]
    public DateOnly? AnsweredOn { get; set; }

    [Display(Name = "L'expéditeur a laissé des coordonnées utilisables")]
    public bool HasContact { get; set; } = true;

    [Display(Name = "Demande dans le périmètre suivi")]
    public bool InPerimeter { get; set; } = true;

    /// <summary>To correct a line: the <see cref="CorrespondenceItem.BatchId"/> read, which every save of the line (form or
    /// file) replaces, so it serves as the line's version (docs/adr/0035).</summary>
    [Display(Name = "Version")]
    public int? Version { get; set; }
}

/// <summary>Adds or corrects one register line from the form, with the same rules as a file line. Each save is a batch of one
/// (audited like an import) and moves the tallies by the line's old and new contributions.</summary>
public sealed class CorrespondenceEditor(AppDbContext db, RegisterLock registerLock, IRegisterTallies tallies, TimeProvider clock)
{
    private static readonly Dictionary<string, string> FormFields = new()
    {
        ["reference"] = "reference",
        ["service"] = "serviceCode",
        ["canal"] = "channel",
        ["recu_le"] = "receivedOn",
        ["repondu_le"] = "answeredOn",
        ["contact"] = "hasContact",
        ["perimetre"] = "inPerimeter",
    };

    public async Task<List<FieldError>> SaveAsync(Structure structure, UserScope scope, ClaimsPrincipal user, CorrespondenceInput input, bool creating,
        CancellationToken cancellationToken = default)
    {
        var errors = InputValidation.Validate(input);
        if (errors.Count > 0)
        {
            return errors;
        }
        // The line, its deadline rules and the tallies are read under the lock, so nobody changes them before this write.
        await using var transaction = await registerLock.BeginAsync(structure.Id, cancellationToken);
        var existing = await db.Set<CorrespondenceItem>().FirstOrDefaultAsync(i => i.StructureId == structure.Id && i.Reference == input.Reference!.Trim(), cancellationToken);
        if (creating && existing is not null)
        {
            return [new FieldError(null, "reference", $"la référence « {input.Reference} » existe déjà : modifiez la ligne existante.")];
        }
        if (!creating && existing is null)
        {
            return [new FieldError(null, "reference", $"aucune ligne n'a la référence « {input.Reference} ».")];
        }
        if (!creating && input.Version is null)
        {
            return [new FieldError(null, Versions.Field, "la version lue est obligatoire pour corriger une ligne : rouvrez la ligne depuis le registre.")];
        }
        var rules = await CorrespondenceImporter.RowRules.LoadAsync(db, structure, scope, clock.Today(), cancellationToken);
        if (existing is not null && !scope.CanEditService(structure, existing.ServiceId))
        {
            return [new FieldError(null, "serviceCode", "cette ligne appartient au registre d'un autre service que le vôtre.")];
        }
        if (existing is not null && !creating && existing.BatchId != input.Version)
        {
            throw await StaleAsync(existing.BatchId, input.Version, cancellationToken);
        }
        var importErrors = new ImportErrors();
        var cells = new[]
        {
            input.Reference!.Trim(), input.ServiceCode, input.Channel!.Value.FileValue(),
            input.ReceivedOn?.ToString("yyyy-MM-dd", Fr.Culture), input.AnsweredOn?.ToString("yyyy-MM-dd", Fr.Culture),
            input.HasContact ? "oui" : "non", input.InPerimeter ? "oui" : "non",
        };
        var row = rules.Read(cells, 0, new CorrespondenceImporter.RowRules.ColumnMap(0, 1, 2, 3, 4, 5, 6), importErrors);
        if (row is null)
        {
            return importErrors.Listed.Select(e => new FieldError(null, FormFields.GetValueOrDefault(e.Field, e.Field), e.Message)).ToList();
        }

        var batch = RegisterImport.New(structure.Id, RegisterKind.Correspondence, null, user, clock);
        batch.Rows = 1;
        db.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        var delta = new TallyDelta();
        if (existing is null)
        {
            existing = new CorrespondenceItem { StructureId = structure.Id, Reference = row.Reference };
            db.Add(existing);
            batch.Imported = 1;
        }
        else
        {
            delta.AddCorrespondence(existing.Channel, existing.ServiceId, existing.ReceivedOn, existing.AnsweredOn, existing.DueOn, existing.IsCounted, -1);
            batch.Updated = 1;
        }
        existing.ServiceId = row.ServiceId;
        existing.Channel = row.Channel;
        existing.ReceivedOn = row.ReceivedOn;
        existing.AnsweredOn = row.AnsweredOn;
        existing.DueOn = row.DueOn;
        existing.HasContact = row.HasContact;
        existing.InPerimeter = row.InPerimeter;
        existing.BatchId = batch.Id;
        delta.AddCorrespondence(row.Channel, row.ServiceId, row.ReceivedOn, row.AnsweredOn, row.DueOn, row.IsCounted);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An import rewrote the line between our read and our write (BatchId is the concurrency token).
            db.ChangeTracker.Clear();
            var current = await db.Set<CorrespondenceItem>().AsNoTracking()
                .Where(i => i.StructureId == structure.Id && i.Reference == row.Reference).Select(i => i.BatchId).FirstAsync(cancellationToken);
            throw await StaleAsync(current, input.Version, cancellationToken);
        }
        await tallies.ApplyAsync(structure.Id, delta, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    private async Task<StaleVersionException> StaleAsync(int currentBatch, int? readBatch, CancellationToken cancellationToken)
    {
        var batch = await db.Set<RegisterImport>().AsNoTracking().Where(b => b.Id == currentBatch).Select(b => new { b.UserId, b.UserName, b.At }).FirstOrDefaultAsync(cancellationToken);
        return new StaleVersionException(currentBatch, readBatch, await Versions.NameAsync(db, batch?.UserId, cancellationToken) ?? batch?.UserName, batch?.At);
    }
}
