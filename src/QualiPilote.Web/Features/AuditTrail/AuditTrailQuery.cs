using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.AuditTrail;

/// <summary>Reads the audit trail, newest first, for one structure or for national data, through a <see cref="JournalFilter"/>.</summary>
public sealed class AuditTrailQuery(AppDbContext db)
{
    public const int PageSize = 50;

    /// <summary>One author of entries of the journal, as stored (the user name, "système" for the app itself).</summary>
    public sealed record Author(string UserName, string? UserId);

    public sealed record Page(IReadOnlyList<AuditEntry> Entries, int PageNumber, int TotalCount, IReadOnlyList<string> EntityTypes, IReadOnlyList<Author> Authors)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public async Task<Page> ReadAsync(int? structureId, JournalFilter filter, int pageNumber, CancellationToken cancellationToken = default)
    {
        var scope = Scope(structureId);
        var types = await scope.Select(e => e.EntityType).Distinct().ToListAsync(cancellationToken);
        var authors = await scope.Select(e => new { e.UserName, e.UserId }).Distinct().ToListAsync(cancellationToken);
        var filtered = filter.Apply(scope);
        var total = await filtered.CountAsync(cancellationToken);
        pageNumber = Math.Clamp(pageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var entries = await filtered.OrderByDescending(e => e.Id).Skip((pageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var distinctAuthors = authors.GroupBy(a => a.UserName, StringComparer.Ordinal)
            .Select(g => new Author(g.Key, g.Select(a => a.UserId).FirstOrDefault(id => id is not null))).ToList();
        return new Page(entries, pageNumber, total, types, distinctAuthors);
    }

    /// <summary>Every entry the filter selects, newest first, a batch at a time (for the Excel export).</summary>
    public async IAsyncEnumerable<IReadOnlyList<AuditEntry>> BatchesAsync(int? structureId, JournalFilter filter, int batchSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filtered = filter.Apply(Scope(structureId));
        long? before = null;
        while (true)
        {
            var query = before is { } last ? filtered.Where(e => e.Id < last) : filtered;
            var batch = await query.OrderByDescending(e => e.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                yield break;
            }
            yield return batch;
            before = batch[^1].Id;
        }
    }

    private IQueryable<AuditEntry> Scope(int? structureId) => db.AuditEntries.AsNoTracking().Where(e => e.StructureId == structureId);
}
