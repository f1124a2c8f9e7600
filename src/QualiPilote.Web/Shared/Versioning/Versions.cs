using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Shared.Versioning;

/// <summary>The one way an editor saves a change to an <see cref="IVersioned"/> record, and the one way pages and API
/// endpoints report a stale write (docs/adr/0035).</summary>
public static class Versions
{
    public const string Field = "version";

    /// <summary>An update must say which version it was made from; a create needs none.</summary>
    public static void Require(int? version, List<FieldError> errors)
    {
        if (version is null)
        {
            errors.Add(new FieldError(null, Field, "la version lue est obligatoire pour modifier : relisez l'enregistrement et renvoyez sa version (champ « version »)."));
        }
    }

    /// <summary>Saves the pending changes if <paramref name="record"/> is still at <paramref name="readVersion"/>; otherwise
    /// throws <see cref="StaleVersionException"/> and forgets every pending change. The record's row is updated (and its
    /// version raised) even when only its child rows changed, and EF's <c>WHERE Version = @read</c> refuses a write or a
    /// delete that lost a race after the comparison. For records kept one per key (a value per period, a target per year),
    /// a null <paramref name="readVersion"/> means "there was none when I read": the record must then be new
    /// (<see cref="EntityState.Added"/>), and a new record with a read version was deleted in the meantime.</summary>
    public static async Task SaveIfCurrentAsync(this AppDbContext db, IVersioned record, int? readVersion, CancellationToken cancellationToken = default)
    {
        var entry = db.Entry(record);
        var isNew = entry.State == EntityState.Added;
        if (isNew ? readVersion is not null : record.Version != readVersion)
        {
            var stale = isNew
                ? new StaleVersionException(null, readVersion, null, null)
                : await StaleAsync(db, entry.Metadata.ClrType.Name, KeyOf(entry), record.Version, readVersion, cancellationToken);
            db.ChangeTracker.Clear();
            throw stale;
        }
        if (entry.State is EntityState.Unchanged or EntityState.Modified)
        {
            entry.Property(r => r.Version).IsModified = true;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            var stored = await conflict.Entries[0].GetDatabaseValuesAsync(cancellationToken);
            var current = stored?.GetValue<int>(nameof(IVersioned.Version));
            db.ChangeTracker.Clear();
            throw await StaleAsync(db, entry.Metadata.ClrType.Name, KeyOf(entry), current, readVersion, cancellationToken);
        }
    }

    /// <summary>The 409 answer of the API: French title and detail, the stored version and the stored record.</summary>
    public static ProblemHttpResult Conflict(StaleVersionException stale, string what, object? current) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = Problems.Title(409),
            Detail = stale.ApiDetail(what),
            Extensions = { ["currentVersion"] = stale.CurrentVersion, ["current"] = current },
        });

    /// <summary>Prepares a page to show the conflict (partial <c>_VersionConflict</c>): the message, and the stored version
    /// in the form's hidden field so that the next save is made knowingly.</summary>
    public static void ShowConflict(this PageModel page, StaleVersionException stale, string what, string versionField = "Input.Version")
    {
        page.ViewData[nameof(StaleVersionException)] = stale.PageMessage(what);
        page.ModelState.Remove(versionField);
    }

    private static string KeyOf(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    private static async Task<StaleVersionException> StaleAsync(AppDbContext db, string entityType, string entityId, int? current, int? sent, CancellationToken cancellationToken)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderByDescending(e => e.Id).Select(e => new { e.UserId, e.UserName, e.At }).FirstOrDefaultAsync(cancellationToken);
        return new StaleVersionException(current, sent, await NameAsync(db, last?.UserId, cancellationToken) ?? last?.UserName, last?.At);
    }

    /// <summary>The person's full name for the message (the journal keeps their login name).</summary>
    public static async Task<string?> NameAsync(AppDbContext db, string? userId, CancellationToken cancellationToken = default) =>
        userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.FullName).FirstOrDefaultAsync(cancellationToken);
}
