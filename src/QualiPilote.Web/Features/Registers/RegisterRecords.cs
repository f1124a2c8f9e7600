using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>The register rows behind one figure: a structure, a reception period, optionally a service and a status,
/// read through the (structure, reception date) index, one page at a time.</summary>
public sealed class RegisterRecords(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public sealed record Page<T>(IReadOnlyList<T> Rows, int Total, int PageNumber)
    {
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public IQueryable<CorrespondenceItem> Correspondence(int structureId, CorrespondenceChannel? channel, DateOnly from, DateOnly to, int? serviceId,
        CorrespondenceStatus? status)
    {
        var today = clock.Today();
        var items = db.Set<CorrespondenceItem>().AsNoTracking().Where(i => i.StructureId == structureId && i.ReceivedOn >= from && i.ReceivedOn < to);
        if (channel is { } c)
        {
            items = items.Where(i => i.Channel == c);
        }
        if (serviceId is { } s)
        {
            items = items.Where(i => i.ServiceId == s);
        }
        return status switch
        {
            CorrespondenceStatus.OnTime => items.Where(i => i.HasContact && i.InPerimeter && i.AnsweredOn != null && i.AnsweredOn <= i.DueOn),
            CorrespondenceStatus.Late => items.Where(i => i.HasContact && i.InPerimeter
                && ((i.AnsweredOn != null && i.AnsweredOn > i.DueOn) || (i.AnsweredOn == null && i.DueOn < today))),
            CorrespondenceStatus.Pending => items.Where(i => i.HasContact && i.InPerimeter && i.AnsweredOn == null && i.DueOn >= today),
            CorrespondenceStatus.Excluded => items.Where(i => !i.HasContact || !i.InPerimeter),
            _ => items,
        };
    }

    public async Task<Page<CorrespondenceItem>> CorrespondencePageAsync(int structureId, CorrespondenceChannel? channel, DateOnly from, DateOnly to, int? serviceId,
        CorrespondenceStatus? status, int page, CancellationToken cancellationToken = default)
    {
        var query = Correspondence(structureId, channel, from, to, serviceId, status);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query.OrderBy(i => i.ReceivedOn).ThenBy(i => i.Reference).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new Page<CorrespondenceItem>(rows, total, page);
    }

    public Task<List<CallRecord>> CallsAsync(int structureId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        db.Set<CallRecord>().AsNoTracking().Where(c => c.StructureId == structureId && c.Start >= from && c.Start < to).OrderBy(c => c.Start).ToListAsync(cancellationToken);

    public Task<List<AttendanceRecord>> AttendanceAsync(int structureId, AttendanceSite? site, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        db.Set<AttendanceRecord>().AsNoTracking()
            .Where(a => a.StructureId == structureId && a.Month >= from && a.Month < to && (site == null || a.Site == site))
            .OrderBy(a => a.Month).ThenBy(a => a.Site).ThenBy(a => a.Category).ToListAsync(cancellationToken);
}
