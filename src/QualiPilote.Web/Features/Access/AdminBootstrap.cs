using Microsoft.AspNetCore.Identity;
using QualiPilote.Web.Shared.Hosting;

namespace QualiPilote.Web.Features.Access;

/// <summary>Creates the national administrator role, and on a fresh production database the first administrator
/// from Bootstrap:AdminEmail / Bootstrap:AdminPassword, so that someone can log in and create the rest.
/// Does nothing once an administrator exists.</summary>
public sealed class AdminBootstrap(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IConfiguration configuration, ILogger<AdminBootstrap> logger)
{
    public async Task RunAsync()
    {
        if (!await roles.RoleExistsAsync(Roles.NationalAdmin))
        {
            await roles.CreateAsync(new IdentityRole(Roles.NationalAdmin));
        }
        var email = configuration["Bootstrap:AdminEmail"];
        if (string.IsNullOrWhiteSpace(email) || (await users.GetUsersInRoleAsync(Roles.NationalAdmin)).Count > 0)
        {
            return;
        }
        var password = configuration["Bootstrap:AdminPassword"]
            ?? throw new SettingException("Bootstrap:AdminPassword", "manquant : Bootstrap__AdminEmail demande aussi le mot de passe du premier administrateur.");
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = configuration["Bootstrap:AdminName"] ?? email };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new SettingException("Bootstrap:AdminEmail", "premier administrateur non créé : " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
        await users.AddToRoleAsync(user, Roles.NationalAdmin);
        logger.LogInformation("Premier administrateur national créé : {Email}", email);
    }
}
