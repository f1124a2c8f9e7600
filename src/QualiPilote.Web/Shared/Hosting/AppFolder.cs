namespace QualiPilote.Web.Shared.Hosting;

/// <summary>Where the app finds the files it ships (appsettings*.json, referentials/, wwwroot/) and, by default, its data/ folder.
/// ASP.NET Core looks in the current folder; a published app is started from anywhere (systemd, a script, <c>cd / &amp;&amp; dotnet
/// /opt/quali-pilote/QualiPilote.Web.dll</c>), so when the current folder does not hold the app's files the app's own folder
/// is used instead. The current folder stays the root when it holds them: <c>dotnet run --project src/QualiPilote.Web</c> runs
/// in the project folder, whose wwwroot/ and data/ the build output does not have.</summary>
public static class AppFolder
{
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = ContentRoot(Directory.GetCurrentDirectory(), AppContext.BaseDirectory, args),
    };

    /// <summary>Null keeps ASP.NET Core's choice: an explicit content root (<c>--contentRoot</c>, ASPNETCORE_CONTENTROOT), or a
    /// current folder that holds the app's files.</summary>
    public static string? ContentRoot(string currentFolder, string appFolder, IReadOnlyList<string> args)
    {
        if (args.Any(a => a.TrimStart('-').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 })
        {
            return null;
        }
        return HoldsAppFiles(currentFolder) ? null : appFolder;
    }

    private static bool HoldsAppFiles(string folder) =>
        File.Exists(Path.Combine(folder, "appsettings.json")) && Directory.Exists(Path.Combine(folder, "referentials"));
}
