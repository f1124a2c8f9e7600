using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.PublicResults;

/// <summary>Shows what the public will see once a period is published, then publishes it.</summary>
[Authorize(Policy = Policies.StructureManage)]
public class PublishModel(StructureAccess access, PeriodPublisher publisher, PublicResultsQuery query, TimeProvider clock) : StructurePageModel(access)
{
    public Period Period { get; private set; }
    public string? Refusal { get; private set; }
    public PublicResultsQuery.Results Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string period)
    {
        if (!Period.TryParse(period, out var parsed))
        {
            return NotFound();
        }
        Period = parsed;
        Refusal = publisher.Refusal(parsed);
        if (Refusal is null)
        {
            var shown = new PublicResultsQuery.Published(parsed, clock.GetUtcNow().UtcDateTime, User.DisplayName());
            Preview = await query.LoadAsync(Structure, parsed.Kind == PeriodKind.Quarter ? shown : null, parsed.Kind == PeriodKind.Year ? shown : null);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string period)
    {
        if (!Period.TryParse(period, out var parsed))
        {
            return NotFound();
        }
        if (await publisher.PublishAsync(Structure, parsed, User.DisplayName()) is { } refusal)
        {
            (Period, Refusal) = (parsed, refusal);
            return Page();
        }
        TempData["Success"] = $"{parsed.Label} est publié : la page publique, l'affiche et les données ouvertes le montrent.";
        return RedirectToPage("/PublicResults/Publication", new { code = Structure.Code });
    }
}
