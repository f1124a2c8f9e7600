using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Features.Referentials;

[Authorize(Policy = Policies.NationalAdmin)]
public class EditEngagementModel(ReferentialEditor editor) : PageModel
{
    public Engagement Engagement { get; private set; } = null!;

    [BindProperty]
    public EngagementInput Input { get; set; } = new();

    /// <summary>Campaigns using this referential version: when there are any, the version is frozen but for typo corrections.</summary>
    public int Campaigns { get; private set; }

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
            Version = Engagement.Version,
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
        List<FieldError> errors;
        try
        {
            errors = await editor.SaveEngagementAsync(Engagement, Input, User.DisplayName());
        }
        catch (StaleVersionException stale)
        {
            await LoadAsync(id, number);
            this.ShowConflict(stale, "cet engagement");
            Input.Version = stale.CurrentVersion;
            return Page();
        }
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors);
            return Page();
        }
        TempData["Success"] = Campaigns > 0 ? $"Correction de l'engagement {number} enregistrée." : $"Engagement {number} enregistré.";
        return RedirectToPage("/Referentials/Engagement", new { id, number });
    }

    private async Task<bool> LoadAsync(int id, int number)
    {
        var engagement = await editor.FindEngagementAsync(id, number);
        if (engagement is null)
        {
            return false;
        }
        Engagement = engagement;
        Campaigns = await editor.CampaignsUsingAsync(engagement.ReferentialId);
        return true;
    }
}
