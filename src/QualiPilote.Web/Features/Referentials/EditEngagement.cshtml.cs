using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Referentials;

[Authorize(Policy = Policies.NationalAdmin)]
public class EditEngagementModel(ReferentialEditor editor) : PageModel
{
    public Engagement Engagement { get; private set; } = null!;

    [BindProperty]
    public EngagementInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int number)
    {
        if (!await LoadAsync(id, number))
        {
            return NotFound();
        }
        Input = new EngagementInput
        {
            Text = Engagement.Text,
            OfficialTextMissing = Engagement.OfficialTextMissing,
            Requirements = string.Join('\n', Engagement.Requirements.Select(r => r.Text)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int number)
    {
        if (!await LoadAsync(id, number))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var errors = await editor.SaveEngagementAsync(Engagement, Input);
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors);
            return Page();
        }
        TempData["Success"] = $"Engagement {number} enregistré.";
        return Redirect($"/referentiels/{id}/engagements/{number}");
    }

    private async Task<bool> LoadAsync(int id, int number)
    {
        var engagement = await editor.FindEngagementAsync(id, number);
        if (engagement is null)
        {
            return false;
        }
        Engagement = engagement;
        return true;
    }
}
