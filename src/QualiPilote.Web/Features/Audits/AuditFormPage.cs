using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Audits;

/// <summary>What the create and edit pages of an audit share: the referential chosen through the query string
/// (its modules make the scope checkboxes), the structure's services, and the form's input.</summary>
public abstract class AuditFormPage(StructureAccess access, AppDbContext db) : StructurePageModel(access)
{
    [BindProperty(SupportsGet = true)]
    public int? ReferentialId { get; set; }

    [BindProperty]
    public AuditInput Input { get; set; } = new();

    public IReadOnlyList<Referential> Referentials { get; private set; } = [];
    public Referential Referential { get; private set; } = null!;
    public IReadOnlyList<Service> Services { get; private set; } = [];
    public IEnumerable<SelectListItem> AuditorAccounts { get; private set; } = [];

    public static IEnumerable<SelectListItem> Kinds => Enum.GetValues<AuditKind>().Select(k => new SelectListItem(k.Label(), k.ToString()));

    /// <summary>Loads the lists; false when the referential asked for does not exist.</summary>
    protected async Task<bool> LoadListsAsync(int? fallbackReferentialId = null)
    {
        Referentials = await db.Referentials.AsNoTracking().Include(r => r.Modules.OrderBy(m => m.Number))
            .OrderByDescending(r => r.EffectiveFrom).ToListAsync();
        Services = await db.Services.AsNoTracking().Where(s => s.StructureId == Structure.Id).OrderBy(s => s.Code).ToListAsync();
        AuditorAccounts = new[] { new SelectListItem("Aucun compte", "") }.Concat(
            (await db.Memberships.AsNoTracking().Where(m => m.StructureId == Structure.Id && m.Role == MembershipRole.Auditor)
                .Select(m => new { m.User.FullName, m.User.Email }).Distinct().ToListAsync())
            .OrderBy(u => u.FullName).Select(u => new SelectListItem($"{u.FullName} ({u.Email})", u.Email))).ToList();
        var id = ReferentialId ?? fallbackReferentialId;
        var referential = id is null ? (Referentials.Count > 0 ? Referentials[0] : null) : Referentials.FirstOrDefault(r => r.Id == id);
        if (referential is null)
        {
            return false;
        }
        Referential = referential;
        Input.ReferentialId = referential.Id;
        return true;
    }
}
