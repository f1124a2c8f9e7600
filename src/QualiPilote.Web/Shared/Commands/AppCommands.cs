using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Shared.Commands;

public static class AppCommands
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    public static IServiceCollection AddAppCommand<T>(this IServiceCollection services) where T : class, IAppCommand =>
        services.AddScoped<IAppCommand, T>();

    /// <summary>The command words: the arguments before the first option (<c>--Database:Provider=Postgres</c> and the like,
    /// which the configuration reads). Empty when the app is started as a web server.</summary>
    public static IReadOnlyList<string> Words(string[] args) => args.TakeWhile(a => !a.StartsWith('-') && !a.Contains('=')).ToList();

    public static bool IsCommand(string[] args) => Words(args).Count > 0;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var words = Words(args);
        await using var scope = app.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetServices<IAppCommand>().OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var command = commands.FirstOrDefault(c => c.Name == words[0]);
        if (command is null)
        {
            var output = words[0] is "help" or "aide" ? Console.Out : Console.Error;
            if (output == Console.Error)
            {
                await output.WriteLineAsync($"Commande « {words[0]} » inconnue.");
            }
            await output.WriteLineAsync("Commandes de Quali-Pilote :");
            foreach (var known in commands)
            {
                await output.WriteLineAsync($"  {known.Usage}");
            }
            return output == Console.Out ? Success : BadUsage;
        }
        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stopping.Cancel();
        };
        try
        {
            return await command.RunAsync(scope.ServiceProvider, words.Skip(1).ToList(), Console.Out, stopping.Token);
        }
        catch (Exception e) when (DatabaseSetup.Cause(e) is System.Data.Common.DbException failure)
        {
            // The operator's mistake (a stopped server, a wrong password), not the command's: one line, as at start.
            await Console.Error.WriteLineAsync($"La base de données ne répond pas ({DatabaseSetup.OneLine(failure.Message)}) : "
                + "vérifiez Database__Provider et la chaîne de connexion (ConnectionStrings__Postgres ou ConnectionStrings__Sqlite).");
            return Failure;
        }
    }


    /// <summary>Commands work on a database the app already brought up to date; they do not migrate it behind the operator's back.</summary>
    public static async Task<bool> SchemaIsCurrentAsync(AppDbContext db, TextWriter output, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
        {
            return true;
        }
        await output.WriteLineAsync($"La base de données n'est pas à jour ({Fr.Count(pending.Count, "migration")} en attente) : démarrez l'application une fois, elle applique les migrations.");
        return false;
    }
}
