using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Shared.Hosting;

/// <summary>What the operator may have set wrong, checked before the server starts, so that each mistake ends as one
/// <see cref="SettingException"/> line instead of the host's « Hosting failed to start » and a stack trace: the database
/// reachable (created when new), and the first administrator's settings when the database still needs one.</summary>
public static class StartupChecks
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupChecks));
        await DatabaseSetup.EnsureReachableAsync(db, logger, cancellationToken);
        await CheckBootstrapAsync(scope.ServiceProvider, db, cancellationToken);
    }

    private static async Task CheckBootstrapAsync(IServiceProvider services, AppDbContext db, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var email = configuration["Bootstrap:AdminEmail"];
        if (string.IsNullOrWhiteSpace(email))
        {
            return;
        }
        var users = services.GetRequiredService<UserManager<AppUser>>();
        if (await HasAdministratorAsync(db, users, cancellationToken))
        {
            return; // Bootstrap is read only while no administrator exists: its password may be removed after the first start.
        }
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            throw new SettingException("Bootstrap:AdminEmail", $"« {email} » n'est pas une adresse électronique.");
        }
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrEmpty(password))
        {
            throw new SettingException("Bootstrap:AdminPassword", "manquant : Bootstrap__AdminEmail demande aussi le mot de passe du premier administrateur.");
        }
        var errors = await AdminBootstrap.PasswordErrorsAsync(users, new AppUser { UserName = email, Email = email }, password);
        cancellationToken.ThrowIfCancellationRequested();
        if (errors.Count > 0)
        {
            throw new SettingException("Bootstrap:AdminPassword", "mot de passe refusé : " + string.Join(" ", errors));
        }
    }

    /// <summary>A new database has no migration applied yet, hence no account table to ask: it needs its administrator.</summary>
    private static async Task<bool> HasAdministratorAsync(AppDbContext db, UserManager<AppUser> users, CancellationToken cancellationToken) =>
        (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any()
        && (await users.GetUsersInRoleAsync(Roles.NationalAdmin)).Count > 0;
}
