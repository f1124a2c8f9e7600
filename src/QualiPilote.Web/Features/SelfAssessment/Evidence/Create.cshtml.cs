using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>A new piece of evidence of any kind, linked on the spot to the requirements it supports in an open campaign
/// (those the user may assess). Coming from a row of the grid (?annee=2026&amp;exigence=…), that row is ticked and the
/// user is sent back to it.</summary>
[Authorize(Policy = Policies.StructureServiceEdit)]
public class EvidenceCreateModel(StructureAccess access, CampaignQuery query, CampaignEditor campaigns)
    : StructurePageModel(access)
{
    [BindProperty]
    public EvidenceInput Input { get; set; } = new() { Kind = EvidenceKind.File };

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>Requirement ids of the campaign to link the evidence to.</summary>
    [BindProperty]
    public List<int> Requirements { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "annee")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "exigence")]
    public int? From { get; set; }

    public CampaignGrid? Grid { get; private set; }
    public IReadOnlySet<int> Editable { get; private set; } = new HashSet<int>();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (From is { } from)
        {
            Requirements = [from];
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await campaigns.AddEvidenceAsync(Grid, Structure, Scope, Actor.Of(User), Input, UploadedFile.From(Upload), Requirements, HttpContext.RequestAborted);
        ModelState.AddErrors(result.Errors);
        foreach (var error in result.RowErrors)
        {
            ModelState.AddModelError(error.Field == "campaign" ? "" : nameof(Requirements), error.Message);
        }
        if (result.Evidence is not { } evidence)
        {
            return Page();
        }
        TempData["Success"] = Requirements.Count == 0
            ? $"Preuve « {evidence.Title} » enregistrée."
            : $"Preuve « {evidence.Title} » enregistrée et liée à {Fr.Count(Requirements.Count, "sous-engagement")}.";
        if (From is { } from && Grid?.Rows.FirstOrDefault(r => r.Requirement.Id == from) is { } origin)
        {
            var module = Grid.Modules.First(m => m.Module.Id == origin.Engagement.ModuleId).Module.Number;
            return RedirectToPage("/SelfAssessment/Module", null, new { code = Structure.Code, year = Grid.Campaign.Year, number = module }, origin.Anchor);
        }
        return RedirectToPage("/SelfAssessment/Evidence/Index", null, new { code = Structure.Code }, $"preuve-{evidence.Id}");
    }

    /// <summary>The open campaign whose requirements can be ticked: the one asked for, else the latest open one.</summary>
    private async Task LoadAsync()
    {
        var open = (await query.ListAsync(Structure.Id)).Where(c => !c.IsClosed).ToList();
        var campaign = open.FirstOrDefault(c => c.Year == Year) ?? open.FirstOrDefault();
        if (campaign is null)
        {
            return;
        }
        Grid = await query.LoadGridAsync(campaign);
        Editable = CampaignQuery.EditableModuleIds(Grid, Structure, Scope);
    }
}
