using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared.Commands;

namespace QualiPilote.Web.Features.Access;

/// <summary><c>admin create &lt;adresse&gt; ["Prénom Nom"]</c>: gives a database its national administrator when nobody can sign in
/// (a production start without Bootstrap settings). The password comes from <see cref="PasswordVariable"/> or the standard
/// input, never from the command line, which other users of the machine can read in the process list and the shell history.
/// Idempotent: an existing account is given the role and keeps its password.</summary>
public sealed class AdminCreateCommand : IAppCommand
{
    public const string PasswordVariable = "QUALIPILOTE_ADMIN_PASSWORD";

    public string Name => "admin";

    public string Usage => $"admin create <adresse> [\"Prénom Nom\"]   crée un administrateur national (mot de passe lu sur l'entrée standard ou dans {PasswordVariable})";

    public Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(services, arguments, Console.IsInputRedirected ? Console.In : null, output, cancellationToken);

    /// <param name="input">Where the password is read when the variable is not set; null for the terminal (read without echo).</param>
    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextReader? input, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Count is < 2 or > 3 || arguments[0] != "create")
        {
            await output.WriteLineAsync("Usage : " + Usage);
            return AppCommands.BadUsage;
        }
        var email = arguments[1].Trim();
        if (!IsEmail(email))
        {
            await output.WriteLineAsync($"L'adresse « {email} » n'est pas une adresse électronique valide (exemple : prenom.nom@interieur.gouv.fr).");
            return AppCommands.BadUsage;
        }
        var db = services.GetRequiredService<AppDbContext>();
        if (!await AppCommands.SchemaIsCurrentAsync(db, output, cancellationToken))
        {
            return AppCommands.Failure;
        }
        var users = services.GetRequiredService<UserManager<AppUser>>();
        await services.GetRequiredService<AdminBootstrap>().EnsureRoleAsync();

        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            if (await users.IsInRoleAsync(user, Roles.NationalAdmin))
            {
                await output.WriteLineAsync($"{email} est déjà administrateur national : rien à faire.");
                return AppCommands.Success;
            }
            var added = await users.AddToRoleAsync(user, Roles.NationalAdmin);
            return await ReportAsync(added, output, $"Le compte {email} existait : il est maintenant administrateur national (son mot de passe n'a pas changé).");
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromVariable
            ? fromVariable
            : await ReadPasswordAsync(input, output, cancellationToken);
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"Aucun mot de passe : donnez-le sur l'entrée standard ou dans la variable {PasswordVariable}.");
            return AppCommands.BadUsage;
        }
        user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FullName = arguments.Count == 3 && arguments[2].Trim().Length > 0 ? arguments[2].Trim() : email };
        var errors = await AdminBootstrap.PasswordErrorsAsync(users, user, password);
        if (errors.Count > 0)
        {
            await output.WriteLineAsync("Mot de passe refusé : " + string.Join(" ", errors));
            return AppCommands.BadUsage;
        }
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.NationalAdmin);
        }
        return await ReportAsync(created, output, $"Administrateur national créé : {email}. Il peut se connecter sur /connexion.");
    }

    private static async Task<int> ReportAsync(IdentityResult result, TextWriter output, string success)
    {
        if (result.Succeeded)
        {
            await output.WriteLineAsync(success);
            return AppCommands.Success;
        }
        await output.WriteLineAsync("Administrateur non créé : " + string.Join(" ", result.Errors.Select(e => e.Description)));
        return AppCommands.Failure;
    }

    private static bool IsEmail(string email) =>
        new EmailAddressAttribute().IsValid(email)
        && MailAddress.TryCreate(email, out var address)
        && address.Address == email
        && address.Host.Contains('.', StringComparison.Ordinal);

    private static async Task<string?> ReadPasswordAsync(TextReader? input, TextWriter output, CancellationToken cancellationToken)
    {
        if (input is not null)
        {
            return (await input.ReadLineAsync(cancellationToken))?.TrimEnd('\r');
        }
        await output.WriteAsync("Mot de passe (12 caractères au moins, non affiché) : ");
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
        await output.WriteLineAsync();
        return password.ToString();
    }
}
