namespace QualiPilote.Tests.Infrastructure;

/// <summary>The repository's source files, for the tests that check a rule over the whole code (one writer of spreadsheets,
/// which folder may use which): a new file cannot escape them.</summary>
public static class SourceTree
{
    public static readonly string Root = FindRoot();

    public static string App => Path.Combine(Root, "src", "QualiPilote.Web");

    /// <summary>C# and Razor files of the app, as paths relative to the app's folder with '/' separators; migrations and build output left out.</summary>
    public static IEnumerable<(string Path, string Text)> AppFiles() =>
        Directory.EnumerateFiles(App, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(App, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("Data/Migrations/", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(Path.Combine(App, f))));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "QualiPilote.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("QualiPilote.slnx introuvable au-dessus de " + AppContext.BaseDirectory);
    }
}
