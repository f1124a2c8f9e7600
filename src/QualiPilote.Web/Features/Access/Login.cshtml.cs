using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace QualiPilote.Web.Features.Access;

[AllowAnonymous]
[EnableRateLimiting(SignInLimits.Policy)]
public class LoginModel(SignInManager<AppUser> signInManager, IEnumerable<ISignInNotice> notices) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IEnumerable<ISignInNotice> Notices => notices;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await signInManager.PasswordSignInAsync(Input.Email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Home/Index");
        }
        ModelState.AddModelError(string.Empty, AuthApi.SignInRefused);
        return Page();
    }

    public sealed class LoginInput
    {
        [Required, EmailAddress, Display(Name = "Adresse électronique")]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password), Display(Name = "Mot de passe")]
        public string Password { get; set; } = "";
    }
}
