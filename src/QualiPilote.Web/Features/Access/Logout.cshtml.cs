using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace QualiPilote.Web.Features.Access;

/// <summary>Signing out ends the session on the server: the cookie, even kept by someone, no longer opens anything.</summary>
public class LogoutModel(SignInManager<AppUser> signInManager, SessionStore sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Home/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await sessions.EndAsync(User, HttpContext.RequestAborted);
        await signInManager.SignOutAsync();
        TempData["Success"] = "Vous êtes déconnecté·e. À bientôt sur Quali-Pilote.";
        return RedirectToPage("/Access/Login");
    }
}
