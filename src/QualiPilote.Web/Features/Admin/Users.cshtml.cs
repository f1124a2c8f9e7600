using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Admin;

[Authorize(Policy = Policies.NationalAdmin)]
public class UsersModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    public sealed record Row(string FullName, string Email, bool IsAdmin, IReadOnlyList<string> Roles);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            var user = new AppUser { UserName = Input.Email, Email = Input.Email, EmailConfirmed = true, FullName = Input.FullName!.Trim() };
            var result = await users.CreateAsync(user, Input.Password!);
            if (result.Succeeded && Input.IsNationalAdmin)
            {
                result = await users.AddToRoleAsync(user, Roles.NationalAdmin);
            }
            if (result.Succeeded)
            {
                TempData["Success"] = $"Compte {Input.Email} créé. Donnez-lui ensuite un rôle depuis la page « Membres et rôles » d'une structure.";
                return RedirectToPage();
            }
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
            }
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var admins = (await users.GetUsersInRoleAsync(Roles.NationalAdmin)).Select(u => u.Id).ToHashSet();
        var list = await db.Users.AsNoTracking()
            .Include(u => u.Memberships).ThenInclude(m => m.Structure)
            .Include(u => u.Memberships).ThenInclude(m => m.Service)
            .OrderBy(u => u.FullName)
            .AsSplitQuery()
            .ToListAsync();
        Rows = list.Select(u => new Row(u.FullName, u.Email ?? "", admins.Contains(u.Id),
            u.Memberships.Select(m => $"{m.Role.Label()}{(m.Service is null ? "" : $" ({m.Service.Code})")} – {m.Structure.Name}").ToList())).ToList();
    }

    public sealed class UserInput
    {
        [Required, EmailAddress, StringLength(256), Display(Name = "Adresse électronique")]
        public string? Email { get; set; }

        [Required, StringLength(200), Display(Name = "Prénom et nom")]
        public string? FullName { get; set; }

        [Required, StringLength(100), DataType(DataType.Password), Display(Name = "Mot de passe initial")]
        public string? Password { get; set; }

        [Display(Name = "Administrateur national")]
        public bool IsNationalAdmin { get; set; }
    }
}
