using System.Text.RegularExpressions;
using QualiPilote.Tests.Infrastructure;

namespace QualiPilote.Tests.Features;

/// <summary>Issue 15, point 3: a link is generated from the page or endpoint it leads to (asp-page, RedirectToPage, Url.Page,
/// LinkGenerator), never written by hand, so that renaming a route cannot leave a dead link. A path is written once, where the
/// route is declared (@page, Map…); the other literals below are not links to the app's pages.</summary>
public partial class GeneratedLinksTests
{
    /// <summary>Lines that declare a route or match a request path rather than link to a page.</summary>
    private static readonly string[] RouteDeclarations =
    [
        "@page \"", ".Map(", ".MapGet(", ".MapPost(", ".MapPut(", ".MapDelete(", ".MapPatch(", ".MapMethods(", ".MapGroup(", "MapStructureGroup(",
        "MapHealthChecks(", "MapOpenApi(", "MapScalarApiReference(", "UseExceptionHandler(", "UseStatusCodePagesWithReExecute(", "StartsWithSegments(",
    ];

    /// <summary>Literals that start with a slash and are not links to a page, by file.</summary>
    private static readonly Dictionary<string, string[]> NotPageLinks = new()
    {
        ["Shared/Api.cs"] = ["/api/v1"],                                   // the API's prefix, declared once
        ["Shared/Hosting/HealthEndpoints.cs"] = ["/healthz", "/ready"],    // the probes' paths, declared once
        ["Shared/Spreadsheets/XlsxReader.cs"] = ["/sharedStrings", "/styles"], // Open XML relationship types
        ["Features/PublicResults/PdfOptions.cs"] = ["/usr/bin/chromium"],  // a file on the server
        ["Features/ApiDocs/Reference.cshtml"] = ["/openapi/v1.json"],      // the OpenAPI document, mapped by MapOpenApi
        // The cookie handler takes fixed paths at startup; AccessSetupTests check that they are the pages' routes.
        ["Features/Access/AccessSetup.cs"] = ["/connexion", "/deconnexion", "/acces-refuse"],
    };

    /// <summary>Folders whose links are being converted, one commit each: this list only shrinks, and is empty when issue 15 closes.</summary>
    private static readonly string[] StillToConvert =
    [
        "Features/Notifications/", "Features/Referentials/", "Features/SelfAssessment/", "Features/Structures/",
    ];

    [Fact]
    public void Links_to_pages_are_generated_not_written_by_hand()
    {
        var written = new List<string>();
        foreach (var (file, text) in SourceTree.AppFiles())
        {
            if (StillToConvert.Any(folder => file.StartsWith(folder, StringComparison.Ordinal)))
            {
                continue;
            }
            var allowed = NotPageLinks.GetValueOrDefault(file, []);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (RouteDeclarations.Any(lines[i].Contains))
                {
                    continue;
                }
                foreach (Match match in HandWrittenPath().Matches(lines[i]))
                {
                    var path = match.Groups["path"].Value;
                    if (!allowed.Any(a => path.StartsWith(a, StringComparison.Ordinal)))
                    {
                        written.Add($"{file}:{i + 1} : {path}");
                    }
                }
            }
        }
        Assert.True(written.Count == 0, $"{written.Count} chemins écrits à la main (utilisez asp-page, RedirectToPage, Url.Page ou LinkGenerator) :"
            + Environment.NewLine + string.Join(Environment.NewLine, written));
    }

    [Theory]
    [InlineData("<a href=\"/structures/@code/registres\">", "/structures/@code/registres")]
    [InlineData("return Redirect($\"/structures/{Structure.Code}/preuves\");", "/structures/{Structure.Code}/preuves")]
    [InlineData("<a class=\"fr-link\" href=\"/\">Accueil</a>", "/")]
    [InlineData("<form method=\"post\" action=\"/services-publics-plus/cibles?handler=Delete\">", "/services-publics-plus/cibles?handler=Delete")]
    public void The_check_sees_hand_written_paths(string line, string path) =>
        Assert.Equal(path, HandWrittenPath().Match(line).Groups["path"].Value);

    [Theory]
    [InlineData("<a asp-page=\"/Structures/Details\" asp-route-code=\"@code\">")]
    [InlineData("return RedirectToPage(\"/SelfAssessment/Evidence/Index\", new { code });")]
    [InlineData("<img src=\"~/images/logo.svg\" alt=\"\">")]
    public void The_check_lets_page_names_through(string line) => Assert.DoesNotMatch(HandWrittenPath(), line);

    // A quoted path that starts with a slash and a lower-case letter, a brace or an @ (routes are lower-case, page names such as
    // /Structures/Details are not, and "~/" is a static file), or a link to "/" itself.
    [GeneratedRegex("(?:(?:href|action)=\"(?<path>/)\"|\"(?<path>/[a-z{@][^\"]*)\")")]
    private static partial Regex HandWrittenPath();
}
