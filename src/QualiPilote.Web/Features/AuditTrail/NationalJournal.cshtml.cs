using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.AuditTrail;

[Authorize(Policy = Policies.NationalAdmin)]
public class NationalJournalModel(AuditTrailQuery query) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "type")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public AuditTrailQuery.Page Result { get; private set; } = null!;

    public async Task OnGetAsync() => Result = await query.ReadAsync(null, EntityType, PageNumber);
}
