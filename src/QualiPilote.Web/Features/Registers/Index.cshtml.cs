using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>The structure's registers at a glance (from the tallies, never counting the rows), their imports and deadlines.</summary>
[Authorize(Policy = Policies.StructureRead)]
public class IndexModel(StructureAccess access, AppDbContext db, IRegisterTallies tallies, TimeProvider clock) : StructurePageModel(access)
{
    public sealed record YearCount(int Year, string IndicatorCode, long Items);

    public IReadOnlyList<YearCount> Counts { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<RegisterImport> Imports { get; private set; } = [];
    public IReadOnlyList<ResponseDeadline> Deadlines { get; private set; } = [];
    public DeadlineCalculator Rules { get; private set; } = new([]);
    public DateOnly Today { get; private set; }

    public static readonly (string Code, string Label)[] Columns =
    [
        ("delai-courriers", "Courriers"), ("delai-courriels", "Courriels"), ("delai-reclamations", "Réclamations"),
        (IndicatorCodes.Calls, "Appels présentés"), (IndicatorCodes.AttendanceReception, "Accueil général"), (IndicatorCodes.AttendancePan, "PAN"),
    ];

    public async Task OnGetAsync()
    {
        Today = clock.Today();
        var volumes = await tallies.VolumesAsync(Structure.Id, null);
        Counts = volumes.GroupBy(v => (v.Month.Year, v.IndicatorCode)).Select(g => new YearCount(g.Key.Year, g.Key.IndicatorCode, g.Sum(v => v.Volume))).ToList();
        Years = Counts.Select(c => c.Year).Distinct().OrderDescending().ToList();
        Imports = await db.Set<RegisterImport>().AsNoTracking().Where(i => i.StructureId == Structure.Id).OrderByDescending(i => i.Id).Take(15).ToListAsync();
        Deadlines = await db.Set<ResponseDeadline>().AsNoTracking().Where(d => d.StructureId == Structure.Id).OrderBy(d => d.Channel).ThenBy(d => d.EffectiveFrom).ToListAsync();
        Rules = new DeadlineCalculator(Deadlines);
    }
}
