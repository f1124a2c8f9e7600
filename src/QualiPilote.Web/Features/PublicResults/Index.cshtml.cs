using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.PublicResults;

/// <summary>The public list of structures that publish their results (no login).</summary>
[AllowAnonymous]
public class IndexModel(PublicResultsQuery query) : PageModel
{
    public IReadOnlyList<Structure> Structures { get; private set; } = [];

    public async Task OnGetAsync() => Structures = await query.PublishingStructuresAsync();
}
