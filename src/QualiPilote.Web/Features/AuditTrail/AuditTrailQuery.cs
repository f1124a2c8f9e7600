using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.AuditTrail;

/// <summary>Reads a page of the audit trail, newest first, for one structure or for national data.</summary>
public sealed class AuditTrailQuery(AppDbContext db)
{
    public const int PageSize = 50;

    public sealed record Page(IReadOnlyList<AuditEntry> Entries, int PageNumber, int TotalCount, IReadOnlyList<string> EntityTypes)
    {
        public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);
    }

    public async Task<Page> ReadAsync(int? structureId, string? entityType, int pageNumber, CancellationToken cancellationToken = default)
    {
        var scope = db.AuditEntries.AsNoTracking().Where(e => e.StructureId == structureId);
        var types = await scope.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        var filtered = string.IsNullOrEmpty(entityType) ? scope : scope.Where(e => e.EntityType == entityType);
        var total = await filtered.CountAsync(cancellationToken);
        pageNumber = Math.Clamp(pageNumber, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var entries = await filtered.OrderByDescending(e => e.Id).Skip((pageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new Page(entries, pageNumber, total, types);
    }
}
