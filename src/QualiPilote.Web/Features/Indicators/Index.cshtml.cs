using Microsoft.AspNetCore.Authorization;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>The structure's dashboard: indicators in rows, years (or the quarters of a year) in columns, each value with its
/// target and status and a link to the records behind it; a per-service breakdown; one chart per indicator with its table.</summary>
[Authorize(Policy = Policies.StructureRead)]
public class IndexModel(StructureAccess access, DashboardQuery dashboards) : StructurePageModel(access)
{
    public Dashboard Dashboard { get; private set; } = null!;

    public async Task OnGetAsync(string? vue, int? annee, int? debut, int? fin, string? service) =>
        Dashboard = await dashboards.LoadAsync(Structure, vue, annee, debut, fin, service);
}
