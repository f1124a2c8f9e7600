using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.SelfAssessment;

[Authorize(Policy = Policies.StructureManage)]
public class StartModel(StructureAccess access, AppDbContext db, CampaignQuery query, CampaignEditor editor, TimeProvider clock) : StructurePageModel(access)
{
    [BindProperty]
    public CampaignStartInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> Referentials { get; private set; } = [];
    public SelfAssessmentCampaign? Latest { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var year = clock.GetUtcNow().Year;
        Input = new CampaignStartInput
        {
            Year = Latest is null || Latest.Year < year ? year : Latest.Year + 1,
            ReferentialId = Latest?.ReferentialId ?? (Referentials.FirstOrDefault() is { } first ? int.Parse(first.Value, Fr.Culture) : null),
            CopyPrevious = Latest is not null,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var (campaign, errors) = await editor.StartAsync(Structure, Actor.Of(User), Input);
            if (campaign is not null)
            {
                TempData["Success"] = campaign.CopiedFromYear is { } from
                    ? $"Campagne {campaign.Year} lancée : les réponses de {from} sont reprises, à confirmer ou corriger par chaque service."
                    : $"Campagne {campaign.Year} lancée : {campaign.Assessments.Count} sous-engagements à évaluer.";
                return RedirectToPage("/SelfAssessment/Campaign", new { code = Structure.Code, year = campaign.Year });
            }
            ModelState.AddErrors(errors);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Latest = (await query.ListAsync(Structure.Id)).FirstOrDefault();
        Referentials = (await db.Perimeters.AsNoTracking().Where(p => p.StructureId == Structure.Id).Include(p => p.Referential)
                .OrderByDescending(p => p.Referential.EffectiveFrom).ToListAsync())
            .Select(p => new SelectListItem(p.Referential.Label, p.ReferentialId.ToString(Fr.Culture)));
    }
}
