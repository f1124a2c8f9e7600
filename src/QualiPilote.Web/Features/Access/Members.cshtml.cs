using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Access;

[Authorize(Policy = Policies.StructureManage)]
public class MembersModel(StructureAccess access, AppDbContext db, MemberEditor editor) : StructurePageModel(access)
{
    public sealed record Row(int Id, string FullName, string Email, MembershipRole Role, string? Service, bool Inherited);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IEnumerable<SelectListItem> Services { get; private set; } = [];

    public static IEnumerable<SelectListItem> RoleItems =>
        Enum.GetValues<MembershipRole>().Select(r => new SelectListItem(r.Label(), r.ToString()));

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var errors = await editor.AddAsync(Structure.Id, Input);
            if (errors.Count == 0)
            {
                TempData["Success"] = $"{Input.Email} a désormais le rôle « {Input.Role!.Value.Label()} ».";
                return RedirectToPage("/Access/Members", new { code = Structure.Code });
            }
            ModelState.AddErrors(errors);
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Rows = await db.Memberships.AsNoTracking()
            .Where(m => m.StructureId == Structure.Id || (m.StructureId == Structure.ParentId && m.Role == MembershipRole.QualityReferent))
            .OrderBy(m => m.Role).ThenBy(m => m.User.FullName)
            .Select(m => new Row(m.Id, m.User.FullName, m.User.Email!, m.Role, m.Service == null ? null : m.Service.Code, m.StructureId != Structure.Id))
            .ToListAsync();
        Services = (await db.Services.AsNoTracking().Where(s => s.StructureId == Structure.Id).OrderBy(s => s.Code).ToListAsync())
            .Select(s => new SelectListItem(s.Label, s.Code));
    }
}
