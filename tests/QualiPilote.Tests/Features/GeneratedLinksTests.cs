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

    [Fact]
    public void Links_to_pages_are_generated_not_written_by_hand()
    {
        var written = new List<string>();
        foreach (var (file, text) in SourceTree.AppFiles())
        {
            var allowed = NotPageLinks.GetValueOrDefault(file, []);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (RouteDeclarations.Any(lines[i].Contains))
                {
                    continue;
                }
                foreach (Match match in HandWrittenPath().Matches(lines[i]).Concat(ExtendedPath().Matches(lines[i])))
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

    [Fact]
    public void Every_page_name_in_the_code_is_a_page()
    {
        var unknown = SourceTree.AppFiles()
            .SelectMany(f => PageName().Matches(f.Text).Select(m => (f.Path, Page: m.Groups["page"].Value)))
            .Where(p => p.Page != "/Features") // the pages' root folder, set in Shared/WebUi.cs
            .Where(p => !File.Exists(Path.Combine(SourceTree.App, "Features", p.Page.TrimStart('/') + ".cshtml")))
            .Select(p => $"{p.Path} : {p.Page}").Distinct().ToList();
        Assert.True(unknown.Count == 0, "Pages introuvables sous Features/ :" + Environment.NewLine + string.Join(Environment.NewLine, unknown));
        Assert.Contains(SourceTree.AppFiles(), f => PageName().IsMatch(f.Text));
    }

    [Theory]
    [InlineData("<a href=\"/structures/@code/registres\">", "/structures/@code/registres")]
    [InlineData("return Redirect($\"/structures/{Structure.Code}/preuves\");", "/structures/{Structure.Code}/preuves")]
    [InlineData("<a class=\"fr-link\" href=\"/\">Accueil</a>", "/")]
    [InlineData("<form method=\"post\" action=\"/services-publics-plus/cibles?handler=Delete\">", "/services-publics-plus/cibles?handler=Delete")]
    public void The_check_sees_hand_written_paths(string line, string path) =>
        Assert.Equal(path, HandWrittenPath().Match(line).Groups["path"].Value);

    [Theory]
    [InlineData("<a href=\"@Model.CampaignPath/dossier-auditeur\">", "@Model.CampaignPath/d")]
    [InlineData("return Redirect($\"{CampaignPath}/cloture\");", "{CampaignPath}/c")]
    [InlineData("var href = $\"{Model.CampaignPath}?module={m.Module.Number}\";", "{Model.CampaignPath}?m")]
    [InlineData("TypedResults.Created($\"{Api.Prefix}/structures/{code}\", dto)", "{Api.Prefix}/s")]
    public void The_check_sees_generated_paths_extended_by_hand(string line, string path) =>
        Assert.Equal(path, ExtendedPath().Match(line).Groups["path"].Value);

    [Theory]
    [InlineData("<a asp-page=\"/Structures/Details\" asp-route-code=\"@code\">")]
    [InlineData("return RedirectToPage(\"/SelfAssessment/Evidence/Index\", new { code });")]
    [InlineData("<img src=\"~/images/logo.svg\" alt=\"\">")]
    public void The_check_lets_page_names_through(string line) => Assert.DoesNotMatch(HandWrittenPath(), line);

    // A quoted path that starts with a slash and a lower-case letter, a brace or an @ (routes are lower-case, page names such as
    // /Structures/Details are not, and "~/" is a static file), or a link to "/" itself.
    [GeneratedRegex("(?:(?:href|action)=\"(?<path>/)\"|\"(?<path>/[a-z{@][^\"]*)\")")]
    private static partial Regex HandWrittenPath();

    // A page name: a quoted path of capitalised segments, as asp-page, RedirectToPage, Url.Page and GetPathByPage take.
    [GeneratedRegex("\"(?<page>(?:/[A-Z][A-Za-z]*)+)\"")]
    private static partial Regex PageName();

    // A generated path or a prefix (a variable named …Path, …Url, …Link, …Href or …Prefix) followed by a segment or a query
    // written by hand.
    [GeneratedRegex(@"(?<path>[@{](?:\w+\.)*\w*(?:Path|Url|Link|Href|Prefix)\}?[/?][a-z])")]
    private static partial Regex ExtendedPath();
}
