using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Undoes a file import while no later write touched its rows: the rows it inserted are deleted, the rows it updated
/// get back the values kept for them (<see cref="CorrespondencePreviousValue"/> and its siblings), the months involved are
/// re-tallied, and the batch is marked undone (the batch is audited, so the journal records who undid it and when).
/// Every row names the batch that last wrote it, so "untouched since" is checked by counting the rows that still carry it.</summary>
public sealed class ImportUndo(AppDbContext db, RegisterLock registerLock, IRegisterTallies tallies, TimeProvider clock)
{
    /// <summary>What undoing would do, or why it cannot be done (<see cref="Refusal"/>, French).</summary>
    public sealed record Plan(RegisterImport Batch, int Removed, int Restored, string? Refusal)
    {
        public bool Possible => Refusal is null;

        public string Consequence => Removed + Restored == 0
            ? "Cet import n'avait rien changé au registre : il sera seulement marqué annulé."
            : $"{Lines(Removed)} {(Removed > 1 ? "seront retirées" : "sera retirée")}, {Lines(Restored)} {(Restored > 1 ? "retrouveront leur" : "retrouvera sa")} valeur précédente.";

        private static string Lines(int count) => $"{Fr.Number(count)} ligne{(count > 1 ? "s" : "")}";
    }

    public async Task<Plan?> PlanAsync(int structureId, int batchId, CancellationToken cancellationToken = default)
    {
        var batch = await db.Set<RegisterImport>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId && b.StructureId == structureId, cancellationToken);
        if (batch is null)
        {
            return null;
        }
        if (!batch.IsFileImport)
        {
            return new Plan(batch, 0, 0, "Seul un import de fichier peut être annulé ; une saisie du formulaire se corrige dans le formulaire du courrier.");
        }
        if (batch.UndoneAt is { } undone)
        {
            return new Plan(batch, 0, 0, $"Cet import a déjà été annulé le {Fr.DateTime(undone)} par {batch.UndoneByName}.");
        }
        var (owned, restored) = await CountAsync(batch, cancellationToken);
        if (owned != batch.Imported + batch.Updated)
        {
            var later = await db.Set<RegisterImport>().AsNoTracking()
                .Where(b => b.StructureId == structureId && b.Register == batch.Register && b.Id > batch.Id && b.UndoneAt == null && b.Imported + b.Updated > 0)
                .OrderByDescending(b => b.Id).FirstOrDefaultAsync(cancellationToken);
            var touched = batch.Imported + batch.Updated - owned;
            return new Plan(batch, 0, 0, $"Impossible d'annuler cet import : une écriture plus récente a modifié ou supprimé {Fr.Number(touched)} de ses "
                + $"{Fr.Number(batch.Imported + batch.Updated)} lignes"
                + (later is null ? "" : $" (dernière en date : {(later.IsFileImport ? $"import « {later.FileName} »" : "saisie du formulaire")} n° {later.Id} du {Fr.DateTime(later.At)} par {later.UserName})")
                + ". Annulez d'abord les imports plus récents, ou corrigez les lignes par un nouvel import.");
        }
        return new Plan(batch, owned - restored, restored, null);
    }

    /// <summary>Undoes the import; answers the plan it carried out, its refusal, or null for an unknown batch.</summary>
    public async Task<Plan?> UndoAsync(int structureId, int batchId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var transaction = await registerLock.BeginAsync(structureId, cancellationToken);
        var plan = await PlanAsync(structureId, batchId, cancellationToken);
        if (plan is not { Possible: true })
        {
            return plan;
        }
        var done = plan.Batch.Register switch
        {
            RegisterKind.Correspondence => await UndoCorrespondenceAsync(plan.Batch, cancellationToken),
            RegisterKind.Calls => await UndoCallsAsync(plan.Batch, cancellationToken),
            _ => await UndoAttendanceAsync(plan.Batch, cancellationToken),
        };
        if (done != (plan.Removed, plan.Restored))
        {
            // The lock keeps other writers out between the plan and the changes; should the counts still differ, nothing is kept.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return plan with { Refusal = "Le registre a été modifié pendant l'annulation : rien n'a été changé, recommencez." };
        }
        var batch = await db.Set<RegisterImport>().SingleAsync(b => b.Id == batchId, cancellationToken);
        batch.UndoneAt = clock.GetUtcNow().UtcDateTime;
        batch.UndoneByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        batch.UndoneByName = user.Identity?.Name ?? "?";
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return plan with { Batch = batch };
    }

    private async Task<(int Owned, int Restored)> CountAsync(RegisterImport batch, CancellationToken cancellationToken)
    {
        var (structureId, id) = (batch.StructureId, batch.Id);
        return batch.Register switch
        {
            RegisterKind.Correspondence => (
                await db.Set<CorrespondenceItem>().CountAsync(i => i.StructureId == structureId && i.BatchId == id, cancellationToken),
                await db.Set<CorrespondencePreviousValue>().CountAsync(p => p.BatchId == id, cancellationToken)),
            RegisterKind.Calls => (
                await db.Set<CallRecord>().CountAsync(c => c.StructureId == structureId && c.BatchId == id, cancellationToken),
                await db.Set<CallPreviousValue>().CountAsync(p => p.BatchId == id, cancellationToken)),
            _ => (
                await db.Set<AttendanceRecord>().CountAsync(a => a.StructureId == structureId && a.BatchId == id, cancellationToken),
                await db.Set<AttendancePreviousValue>().CountAsync(p => p.BatchId == id, cancellationToken)),
        };
    }

    /// <summary>Set-based, for imports of hundreds of thousands of rows: one UPDATE … FROM (SQLite 3.33+ and PostgreSQL) and one DELETE.</summary>
    private async Task<(int Removed, int Restored)> UndoCorrespondenceAsync(RegisterImport batch, CancellationToken cancellationToken)
    {
        var (structureId, id) = (batch.StructureId, batch.Id);
        var items = db.Set<CorrespondenceItem>().Where(i => i.StructureId == structureId && i.BatchId == id);
        var previous = db.Set<CorrespondencePreviousValue>().Where(p => p.BatchId == id);
        var now = await items.GroupBy(_ => 1).Select(g => new { From = g.Min(i => i.ReceivedOn), To = g.Max(i => i.ReceivedOn) }).FirstOrDefaultAsync(cancellationToken);
        var before = await previous.GroupBy(_ => 1).Select(g => new { From = g.Min(p => p.ReceivedOn), To = g.Max(p => p.ReceivedOn) }).FirstOrDefaultAsync(cancellationToken);
        var restored = await db.Database.ExecuteSqlRawAsync(
            $"UPDATE \"{CorrespondenceItem.Table}\" AS i SET \"ServiceId\" = p.\"ServiceId\", \"Channel\" = p.\"Channel\", \"ReceivedOn\" = p.\"ReceivedOn\", "
            + "\"AnsweredOn\" = p.\"AnsweredOn\", \"DueOn\" = p.\"DueOn\", \"HasContact\" = p.\"HasContact\", \"InPerimeter\" = p.\"InPerimeter\", \"BatchId\" = p.\"PreviousBatchId\" "
            + $"FROM \"{CorrespondencePreviousValue.Table}\" AS p WHERE p.\"BatchId\" = {{0}} AND i.\"StructureId\" = {{1}} AND i.\"Reference\" = p.\"Reference\" AND i.\"BatchId\" = {{0}}",
            [id, structureId], cancellationToken);
        var removed = await items.ExecuteDeleteAsync(cancellationToken);
        await previous.ExecuteDeleteAsync(cancellationToken);
        var months = new[] { now?.From, now?.To, before?.From, before?.To }.OfType<DateOnly>().ToList();
        if (months.Count > 0)
        {
            await tallies.RebuildCorrespondenceAsync(structureId, MonthOf(months.Min()), MonthOf(months.Max()), cancellationToken);
        }
        return (removed, restored);
    }

    private async Task<(int Removed, int Restored)> UndoCallsAsync(RegisterImport batch, CancellationToken cancellationToken)
    {
        var records = await db.Set<CallRecord>().Where(c => c.StructureId == batch.StructureId && c.BatchId == batch.Id).ToListAsync(cancellationToken);
        var previous = (await db.Set<CallPreviousValue>().Where(p => p.BatchId == batch.Id).ToListAsync(cancellationToken)).ToDictionary(p => (p.Start, p.End));
        var (removed, restored) = (0, 0);
        foreach (var record in records)
        {
            if (previous.TryGetValue((record.Start, record.End), out var old))
            {
                (record.Presented, record.Answered, record.BatchId) = (old.Presented, old.Answered, old.PreviousBatchId);
                restored++;
            }
            else
            {
                db.Remove(record);
                removed++;
            }
        }
        db.RemoveRange(previous.Values);
        await db.SaveChangesAsync(cancellationToken);
        if (records.Count > 0)
        {
            await tallies.RebuildCallsAsync(batch.StructureId, MonthOf(records.Min(r => r.Start)), MonthOf(records.Max(r => r.Start)), cancellationToken);
        }
        return (removed, restored);
    }

    private async Task<(int Removed, int Restored)> UndoAttendanceAsync(RegisterImport batch, CancellationToken cancellationToken)
    {
        var records = await db.Set<AttendanceRecord>().Where(a => a.StructureId == batch.StructureId && a.BatchId == batch.Id).ToListAsync(cancellationToken);
        var previous = (await db.Set<AttendancePreviousValue>().Where(p => p.BatchId == batch.Id).ToListAsync(cancellationToken))
            .ToDictionary(p => (p.Month, p.Site, p.Category));
        var (removed, restored) = (0, 0);
        foreach (var record in records)
        {
            if (previous.TryGetValue((record.Month, record.Site, record.Category), out var old))
            {
                (record.Visitors, record.BatchId) = (old.Visitors, old.PreviousBatchId);
                restored++;
            }
            else
            {
                db.Remove(record);
                removed++;
            }
        }
        db.RemoveRange(previous.Values);
        await db.SaveChangesAsync(cancellationToken);
        if (records.Count > 0)
        {
            await tallies.RebuildAttendanceAsync(batch.StructureId, records.Min(r => r.Month), records.Max(r => r.Month), cancellationToken);
        }
        return (removed, restored);
    }

    private static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);
}
