using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Registers;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>The drill-down of one value: how it was computed, per service, and the register rows behind it
/// (which items were late, in which service), one page at a time.</summary>
[Authorize(Policy = Policies.StructureRead)]
public class DetailsModel(StructureAccess access, AppDbContext db, IndicatorQuery query, IndicatorEditor editor, RegisterRecords records, TimeProvider clock)
    : StructurePageModel(access)
{
    public Indicator Indicator { get; private set; } = null!;
    public IndicatorResult Result { get; private set; } = null!;
    public Period Period { get; private set; }
    public Service? Service { get; private set; }
    public CorrespondenceStatus? Status { get; private set; }
    public CorrespondenceChannel? Channel { get; private set; }
    public AttendanceSite? Site { get; private set; }
    public Dictionary<int, Service> Services { get; private set; } = [];
    public IReadOnlyList<(int ServiceId, IndicatorResult Result)> ByService { get; private set; } = [];
    public RegisterRecords.Page<CorrespondenceItem>? Items { get; private set; }
    public IReadOnlyList<CallRecord> Calls { get; private set; } = [];
    public IReadOnlyList<AttendanceRecord> Attendance { get; private set; } = [];
    public IReadOnlyList<(string Category, long Visitors)> Categories { get; private set; } = [];
    public IndicatorValue? Entered { get; private set; }
    public ImprovementAction? Action { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string indicator, string period, string? service, CorrespondenceStatus? statut,
        [FromQuery(Name = "page")] int pageNumber = 1)
    {
        var found = await editor.FindAsync(Structure.Id, indicator);
        if (found is null || !Period.TryParse(period, out var parsed))
        {
            return NotFound();
        }
        Indicator = found;
        Period = parsed;
        Status = statut;
        Today = clock.Today();
        Services = await db.Set<Service>().AsNoTracking().Where(s => s.StructureId == Structure.Id).ToDictionaryAsync(s => s.Id);
        Service = Services.Values.FirstOrDefault(s => s.Code == service);
        var figures = await query.LoadByServiceAsync(Structure.Id, [Indicator], [Period]);
        Result = figures.Compute(Indicator, Period, withPrevious: true, Service?.Id);
        Channel = RegisterSources.ChannelOf(Indicator.Source);
        Site = RegisterSources.SiteOf(Indicator.Source);
        if (Channel is { } channel)
        {
            ByService = figures.ServiceIds(Indicator.Code, Period).Select(id => (ServiceId: id, Result: figures.Compute(Indicator, Period, withPrevious: false, id)))
                .OrderBy(s => Services.GetValueOrDefault(s.ServiceId)?.Code).ToList();
            Items = await records.CorrespondencePageAsync(Structure.Id, channel, Period.Start, Period.End, Service?.Id, Status, pageNumber);
        }
        else if (Indicator.Source == IndicatorSource.Calls)
        {
            Calls = await records.CallsAsync(Structure.Id, Period.Start, Period.End);
        }
        else if (Site is { } site)
        {
            Categories = await query.ByCategoryAsync(Structure.Id, Indicator.Code, Period);
            Attendance = await records.AttendanceAsync(Structure.Id, site, Period.Start, Period.End);
        }
        Entered = await db.Set<IndicatorValue>().AsNoTracking()
            .FirstOrDefaultAsync(v => v.StructureId == Structure.Id && v.IndicatorId == Indicator.Id && v.Period == Period.Key);
        Action = await db.Set<IndicatorAlert>().AsNoTracking()
            .Where(a => a.StructureId == Structure.Id && a.IndicatorId == Indicator.Id && a.Period == Period.Key && a.Action != null)
            .Select(a => a.Action).FirstOrDefaultAsync();
        return Page();
    }

    public bool CanEdit(CorrespondenceItem item) => Scope.CanEditService(Structure, item.ServiceId);

    /// <summary>The query is written out: "page" is the page name's route value, so Url.Page cannot add it to the query.</summary>
    public string LinkTo(Period? period = null, CorrespondenceStatus? status = null, int? page = null, bool keepStatus = true) =>
        Url.Page("/Indicators/Details", new { code = Structure.Code, indicator = Indicator.Code, period = (period ?? Period).Key }) + "?"
        + (Service is null ? "" : $"service={Uri.EscapeDataString(Service.Code)}&")
        + ((status ?? (keepStatus ? Status : null)) is { } s ? $"statut={s}&" : "")
        + (page is { } p ? $"page={p}" : "");
}
