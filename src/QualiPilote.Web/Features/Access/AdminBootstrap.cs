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
        await EnsureRoleAsync();
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

    public async Task EnsureRoleAsync()
    {
        if (!await roles.RoleExistsAsync(Roles.NationalAdmin))
        {
            await roles.CreateAsync(new IdentityRole(Roles.NationalAdmin));
        }
    }

    /// <summary>What Identity's password rules say against this password for this account, in French; empty when accepted.
    /// Checked before anything is written, by the start-up checks (Bootstrap settings) and the <c>admin create</c> command.</summary>
    public static async Task<List<string>> PasswordErrorsAsync(UserManager<AppUser> users, AppUser user, string password)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        }
        return errors;
    }

    /// <summary>Run once the start-up seeding is over (the demo brings its own administrator): without any national
    /// administrator nobody can sign in to create accounts, so the operator is told how to make one.</summary>
    public async Task WarnWhenNoneAsync()
    {
        if ((await users.GetUsersInRoleAsync(Roles.NationalAdmin)).Count > 0)
        {
            return;
        }
        logger.LogWarning(NoAdministratorWarning);
    }

    public const string NoAdministratorWarning =
        "AUCUN ADMINISTRATEUR NATIONAL : personne ne peut se connecter à Quali-Pilote ni créer de compte. Créez-en un :\n"
        + "  dotnet QualiPilote.Web.dll admin create prenom.nom@interieur.gouv.fr \"Prénom Nom\"\n"
        + "  (depuis le dossier publié, avec la même configuration que l'application ; le mot de passe est lu sur l'entrée standard ou dans la variable "
        + AdminCreateCommand.PasswordVariable + ", jamais sur la ligne de commande),\n"
        + "  ou démarrez une fois avec Bootstrap__AdminEmail et Bootstrap__AdminPassword.";
}
