using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Spreadsheets;

namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>The action plan: views by service, engagement or origin, overdue and due soon, with filters kept in the
/// query string (a GET form, so a view can be bookmarked, shared and exported as it is).</summary>
[Authorize(Policy = Policies.StructureAuditRead)]
public class IndexModel(StructureAccess access, AppDbContext db, ActionPlanQuery query, ActionPlanEditor editor, TimeProvider clock, IConfiguration configuration) : StructurePageModel(access)
{
    [BindProperty(SupportsGet = true, Name = "vue")] public ActionView View { get; set; }
    [BindProperty(SupportsGet = true, Name = "service")] public string? Service { get; set; }
    [BindProperty(SupportsGet = true, Name = "engagement")] public int? Engagement { get; set; }
    [BindProperty(SupportsGet = true, Name = "origine")] public ActionOrigin? Origin { get; set; }
    [BindProperty(SupportsGet = true, Name = "statut")] public ActionStatusFilter? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "echeance")] public ActionDeadline? Deadline { get; set; }

    public ActionFilter Filter { get; private set; } = new();
    public IReadOnlyList<ImprovementAction> Actions { get; private set; } = [];
    public IReadOnlyList<ActionGroup> Groups { get; private set; } = [];
    public IEnumerable<SelectListItem> Services { get; private set; } = [];
    public IReadOnlyList<EngagementOption> Engagements { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = clock.Today();
        Filter = BoundFilter();
        Actions = await query.ListAsync(Structure.Id, Filter);
        Groups = ActionPlanQuery.Group(Actions, View);
        Services = (await db.Services.AsNoTracking().Where(s => s.StructureId == Structure.Id).OrderBy(s => s.Code).ToListAsync())
            .Select(s => new SelectListItem(s.Label, s.Code));
        var linked = await db.Set<ActionEngagement>().AsNoTracking().Where(e => e.StructureId == Structure.Id).Select(e => e.EngagementId).Distinct().ToListAsync();
        Engagements = await editor.EngagementOptionsAsync(Structure.Id, linked);
    }

    /// <summary>The Excel file of the view named by the same query string.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var filter = BoundFilter();
        var actions = await query.ListAsync(Structure.Id, filter);
        var engagement = filter.Engagement is { } id
            ? await db.Engagements.AsNoTracking().Include(e => e.Referential).FirstOrDefaultAsync(e => e.Id == id)
            : null;
        var today = clock.Today();
        var buffer = new MemoryStream();
        await ActionExporter.WriteAsync(buffer, Structure, filter, actions, today,
            _ => engagement is null ? null : ActionPlanQuery.EngagementTitle(engagement),
            action => PublicAddress.Absolute(configuration, Request, Url.Page("/ActionPlan/Details", new { code = Structure.Code, actionId = action.Id })!), HttpContext.RequestAborted);
        return File(buffer.ToArray(), SpreadsheetWriter.XlsxContentType, ActionExporter.FileName(Structure, today));
    }

    public string ExportUrl
    {
        get
        {
            var query = Filter.ToQuery();
            return $"{Url.Page("/ActionPlan/Index", new { code = Structure.Code })}{query}{(query.Length == 0 ? "?" : "&")}handler=Export";
        }
    }

    private ActionFilter BoundFilter() => new(View, string.IsNullOrWhiteSpace(Service) ? null : Service, Engagement, Origin, Status, Deadline);

    /// <summary>This page's address for the current filter changed by <paramref name="change"/>.</summary>
    public string ViewUrl(Func<ActionFilter, ActionFilter> change) => Url.Page("/ActionPlan/Index", new { code = Structure.Code }) + change(Filter).ToQuery();
}
