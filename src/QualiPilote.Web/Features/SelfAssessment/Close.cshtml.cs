using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>The quality referent's review: what is still unassessed, the answers nobody confirmed this year, the gaps
/// without an action; then the closing, after which the campaign is read-only.</summary>
[Authorize(Policy = Policies.StructureManage)]
public class CloseModel(StructureAccess access, CampaignQuery query, CampaignEditor editor) : CampaignPageModel(access, query)
{
    [BindProperty, StringLength(2000), Display(Name = "Remarques de clôture")]
    public string? Note { get; set; }

    public IReadOnlyList<GridRow> Unassessed => Grid.Rows.Where(r => r.Status is null).ToList();
    public IReadOnlyList<GridRow> CarriedOver => Grid.Rows.Where(r => r.Assessment.CarriedOver).ToList();
    public IReadOnlyList<GridRow> GapsWithoutAction => Grid.Rows.Where(r => r.IsGap && r.Action is null).ToList();

    public async Task<IActionResult> OnGetAsync(int year) => await LoadCampaignAsync(year) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int year)
    {
        if (!await LoadCampaignAsync(year))
        {
            return NotFound();
        }
        if (ModelState.IsValid)
        {
            var errors = await editor.CloseAsync(Grid, Actor.Of(User), Note);
            if (errors.Count == 0)
            {
                TempData["Success"] = $"Campagne {year} clôturée : elle est désormais en lecture seule.";
                return Redirect(CampaignPath);
            }
            ModelState.AddErrors(errors, prefix: "");
        }
        return Page();
    }
}
