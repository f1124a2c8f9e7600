using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.PublicResults;

/// <summary>Which periods of the structure's results the public sees: the referent publishes a completed quarter or year once
/// its figures are checked, after seeing exactly what will appear (<see cref="PublishModel"/>).</summary>
[Authorize(Policy = Policies.StructureManage)]
public class PublicationModel(StructureAccess access, PeriodPublisher publisher) : StructurePageModel(access)
{
    public IReadOnlyList<PeriodPublisher.Candidate> Candidates { get; private set; } = [];

    public async Task OnGetAsync() => Candidates = await publisher.CandidatesAsync(Structure.Id);

    public async Task<IActionResult> OnPostWithdrawAsync(string period)
    {
        if (!Period.TryParse(period, out var parsed) || !await publisher.WithdrawAsync(Structure, parsed))
        {
            return NotFound();
        }
        TempData["Success"] = $"{parsed.Label} n'est plus publié : la page publique montre la période publiée précédente.";
        return RedirectToPage();
    }
}
