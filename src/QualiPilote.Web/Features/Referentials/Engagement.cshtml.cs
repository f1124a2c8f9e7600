using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QualiPilote.Web.Features.Referentials;

public class EngagementModel(ReferentialEditor editor) : PageModel
{
    public Engagement Engagement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int number)
    {
        var engagement = await editor.FindEngagementAsync(id, number);
        if (engagement is null)
        {
            return NotFound();
        }
        Engagement = engagement;
        return Page();
    }
}
