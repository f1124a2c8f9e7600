using Microsoft.AspNetCore.Authorization;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Labelling;

/// <summary>The labelling timeline (rétro-planning) of a structure: what was done, what comes next.</summary>
[Authorize(Policy = Policies.StructureRead)]
public class IndexModel(StructureAccess access, MilestoneEditor editor, TimeProvider clock) : StructurePageModel(access)
{
    public IReadOnlyList<Milestone> Past { get; private set; } = [];
    public IReadOnlyList<Milestone> Upcoming { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = clock.Today();
        var all = await editor.ListAsync(Structure.Id);
        // Late steps (planned, not done) stay in "what comes next": they still have to happen.
        Upcoming = all.Where(m => m.StateOn(Today) is MilestoneState.Planned or MilestoneState.Late).ToList();
        Past = all.Except(Upcoming).Reverse().ToList();
    }
}
