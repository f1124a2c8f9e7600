using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.AuditTrail;

[Authorize(Policy = Policies.StructureManage)]
public class JournalModel(StructureAccess access, AuditTrailQuery query) : StructurePageModel(access)
{
    [BindProperty(SupportsGet = true, Name = "type")]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public AuditTrailQuery.Page Result { get; private set; } = null!;

    public async Task OnGetAsync() => Result = await query.ReadAsync(Structure.Id, EntityType, PageNumber);
}
