using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>The quality referent's review: what is still unassessed, the answers nobody confirmed this year, the gaps
/// without an action; then the closing, confirmed on its own step (<c>?etape=confirmation</c>), after which the campaign
/// is read-only. A closed campaign shows here the confirmation of its reopening.</summary>
[Authorize(Policy = Policies.StructureManage)]
public class CloseModel(StructureAccess access, CampaignQuery query, CampaignEditor editor) : CampaignPageModel(access, query)
{
    public const string ConfirmStep = "confirmation";

    [BindProperty, StringLength(2000), Display(Name = "Remarques de clôture")]
    public string? Note { get; set; }

    [BindProperty(SupportsGet = true, Name = "etape")]
    public string? Step { get; set; }

    public bool Confirming => Step == ConfirmStep;

    public IReadOnlyList<GridRow> Unassessed => Grid.Rows.Where(r => r.Status is null).ToList();
    public IReadOnlyList<GridRow> CarriedOver => Grid.Rows.Where(r => r.Assessment.CarriedOver).ToList();
    public IReadOnlyList<GridRow> GapsWithoutAction => Grid.Rows.Where(r => r.IsGap && r.Action is null).ToList();

    public string ModulePath(GridRow row) =>
        CampaignPage(ModulePage, new { number = Grid.Modules.First(m => m.Module.Id == row.Engagement.ModuleId).Module.Number }, row.Anchor);

    public async Task<IActionResult> OnGetAsync(int year) => await LoadCampaignAsync(year) ? Page() : NotFound();

    /// <summary>Closes the campaign when the confirmation step sent it; any other POST only shows that step.</summary>
    public async Task<IActionResult> OnPostAsync(int year)
    {
        if (!await LoadCampaignAsync(year))
        {
            return NotFound();
        }
        Step = ConfirmStep;
        if (ModelState.IsValid && Confirmation.IsConfirmed(Request))
        {
            var errors = await editor.CloseAsync(Grid, Actor.Of(User), Note);
            if (errors.Count == 0)
            {
                TempData["Success"] = $"Campagne {year} clôturée : elle est désormais en lecture seule. Un référent qualité peut la rouvrir depuis « Revue et clôture ».";
                return Redirect(CampaignPath);
            }
            ModelState.AddErrors(errors, prefix: "");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostReopenAsync(int year)
    {
        if (!await LoadCampaignAsync(year))
        {
            return NotFound();
        }
        if (!Confirmation.IsConfirmed(Request))
        {
            return Redirect(CampaignPage("/SelfAssessment/Close"));
        }
        var errors = await editor.ReopenAsync(Campaign);
        if (errors.Count > 0)
        {
            ModelState.AddErrors(errors, prefix: "");
            return Page();
        }
        TempData["Success"] = $"Campagne {year} rouverte : elle se modifie de nouveau. La réouverture est inscrite au journal.";
        return Redirect(CampaignPath);
    }
}
