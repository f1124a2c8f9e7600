using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QualiPilote.Web.Features.Access;

/// <summary>The signed-in person changes their password (the initial one is given by whoever created the account). Every
/// session of the account ends (other browsers, API tokens); this browser signs in again in a new session.</summary>
public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid && Input.NewPassword != Input.Confirmation)
        {
            ModelState.AddModelError("Input.Confirmation", "Confirmation : elle diffère du nouveau mot de passe.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == "PasswordMismatch" ? "Mot de passe actuel : il est incorrect." : error.Description);
            }
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Success"] = "Mot de passe changé. Vos autres sessions (autres navigateurs, jetons d'API) sont terminées.";
        return RedirectToPage("/Home/Index");
    }

    public sealed class PasswordInput
    {
        [Required, DataType(DataType.Password), Display(Name = "Mot de passe actuel")]
        public string? CurrentPassword { get; set; }

        [Required, DataType(DataType.Password), Display(Name = "Nouveau mot de passe")]
        public string? NewPassword { get; set; }

        [Required, DataType(DataType.Password), Display(Name = "Confirmation du nouveau mot de passe")]
        public string? Confirmation { get; set; }
    }
}
