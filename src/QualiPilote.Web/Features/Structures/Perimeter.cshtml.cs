using Microsoft.AspNetCore.Authorization;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Structures;

[Authorize(Policy = Policies.StructureAuditRead)]
public class PerimeterModel(StructureAccess access, PerimeterEditor editor) : StructurePageModel(access)
{
    public IReadOnlyList<Perimeter> Perimeters { get; private set; } = [];

    public async Task OnGetAsync() => Perimeters = await editor.ListAsync(Structure.Id);
}
