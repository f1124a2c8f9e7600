using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using QualiPilote.Web.Features.AuditTrail;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Data;

/// <summary>Runs every save of the app's context: raises the version of each updated <see cref="IVersioned"/> row, refuses
/// any change to the journal, and writes one <see cref="AuditEntry"/> per audited change, signed by
/// <paramref name="author"/> at <paramref name="clock"/>'s time, in the same transaction as the change (docs/adr/0007).
/// <para>A save with audited changes is run here and EF Core's own save is skipped: the changes are saved, then their
/// entries, inside the caller's transaction or else one of ours, committed only when both succeeded and rolled back
/// otherwise. Doing it all in this one call, rather than beginning in SavingChanges and finishing in SavedChanges or
/// SaveChangesFailed, keeps every failure path in one try/finally: EF Core calls no interceptor when a save fails on a
/// concurrency token or is cancelled, and our transaction would stay open on the context.</para>
/// <para>Registered before any other save interceptor, so that their work (<see cref="Features.Access.SessionRevocation"/>)
/// runs inside this transaction. The changes are always accepted: SaveChanges(acceptAllChangesOnSuccess: false), which
/// nothing here uses, is not supported.</para></summary>
public sealed class AuditInterceptor(ICurrentUser author, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Contexts whose save this interceptor is running; their nested saves go straight to EF Core.</summary>
    private readonly ConditionalWeakTable<DbContext, object> _saving = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not { } db || Prepare(db, result) is not { } audit)
        {
            return result;
        }
        _saving.Add(db, this);
        IDbContextTransaction? ownTransaction = null;
        try
        {
            ownTransaction = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
            var written = db.SaveChanges();
            AddEntries(db, audit);
            db.SaveChanges();
            ownTransaction?.Commit();
            return InterceptionResult<int>.SuppressWithResult(written);
        }
        finally
        {
            ownTransaction?.Dispose();
            _saving.Remove(db);
        }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db || Prepare(db, result) is not { } audit)
        {
            return result;
        }
        _saving.Add(db, this);
        IDbContextTransaction? ownTransaction = null;
        try
        {
            ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var written = await db.SaveChangesAsync(cancellationToken);
            AddEntries(db, audit);
            await db.SaveChangesAsync(cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return InterceptionResult<int>.SuppressWithResult(written);
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
            _saving.Remove(db);
        }
    }

    /// <summary>What every save does before writing; returns the changes to journal, or null when EF Core's own save
    /// is to go on: nothing audited, another interceptor already answered, or a save this interceptor is running.</summary>
    private AuditRecorder? Prepare(DbContext db, InterceptionResult<int> result)
    {
        if (result.HasResult || _saving.TryGetValue(db, out _))
        {
            return null;
        }
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        // One version more per update, whoever saves: editors compare versions, they never count them (docs/adr/0035).
        foreach (var entry in tracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property(e => e.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }
        if (tracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Le journal des modifications ne se modifie pas et ne se supprime pas.");
        }
        var audit = AuditRecorder.Capture(tracker);
        return audit.IsEmpty ? null : audit;
    }

    /// <summary>Keys and "after" values are read now, once the changes are saved (database-generated ids).</summary>
    private void AddEntries(DbContext db, AuditRecorder audit) =>
        db.Set<AuditEntry>().AddRange(audit.ToEntries(clock.GetUtcNow().UtcDateTime, author));
}
