
namespace QualiPilote.Web.Shared.Commands;

/// <summary>An operator command, run with the app's configuration instead of the web server:
/// <c>dotnet QualiPilote.Web.dll tallies check</c> from the published folder, or
/// <c>dotnet run -c Release --project src/QualiPilote.Web -- tallies check</c>. It writes French to the console
/// and returns the process exit code (0 when all went well).</summary>
public interface IAppCommand
{
    /// <summary>The first word(s) on the command line, e.g. "tallies".</summary>
    string Name { get; }

    /// <summary>One French line for the command list: what it does and its arguments.</summary>
    string Usage { get; }

    Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken);
}
