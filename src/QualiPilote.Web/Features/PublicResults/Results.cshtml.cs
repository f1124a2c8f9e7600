using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QualiPilote.Web.Features.PublicResults;

/// <summary>A structure's published results, readable on a phone (no login). Only indicators its referent chose to publish appear.</summary>
[AllowAnonymous]
public class ResultsModel(PublicResultsQuery query) : PageModel
{
    public PublicResultsQuery.Results Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var results = await query.LoadAsync(code);
        if (results is null)
        {
            return NotFound();
        }
        Results = results;
        return Page();
    }
}
