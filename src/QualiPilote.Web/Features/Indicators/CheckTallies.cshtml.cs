using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>National administrators compare every structure's tallies with a recount of its registers (the page of the
/// <c>tallies check</c> command); each structure that differs links to its repair. The check only reads, so it is a GET.</summary>
[Authorize(Policy = Policies.NationalAdmin)]
public class CheckTalliesModel(AppDbContext db, TallyCheck check) : PageModel
{
    public IReadOnlyList<TallyCheck.Result>? Results { get; private set; }

    public async Task OnGetAsync(string? verifier)
    {
        if (verifier != "oui")
        {
            return;
        }
        var results = new List<TallyCheck.Result>();
        foreach (var structure in await db.Structures.AsNoTracking().OrderBy(s => s.Code).ToListAsync(HttpContext.RequestAborted))
        {
            results.Add(await check.CheckAsync(structure, HttpContext.RequestAborted));
        }
        Results = results;
    }
}
