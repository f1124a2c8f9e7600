using System.Net.Http.Json;
using System.Text.Json;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.SelfAssessment;

public class HomeAndApiDocumentTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_home_page_shows_self_assessment_progress_of_the_structures_the_user_manages()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var section = (await referent.GetPageAsync("/")).QuerySelector("section[aria-labelledby=accueil-auto-diagnostic]")!;
        var rows = section.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        var savoie = rows.Single(r => r.Contains("Préfecture de la Savoie (démo)", StringComparison.Ordinal));
        Assert.Contains("2026", savoie, StringComparison.Ordinal);
        Assert.Contains("9 sous-engagements évalués dans l'année sur 36 · 27 reprises à confirmer", savoie, StringComparison.Ordinal);
        Assert.Contains("77,14\u00a0%", savoie, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Contains("SGCD de la Savoie (démo)", StringComparison.Ordinal) && r.Contains("Aucune campagne", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("Lozère", StringComparison.Ordinal));

        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        Assert.Null((await agent.GetPageAsync("/")).QuerySelector("section[aria-labelledby=accueil-auto-diagnostic]"));
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        Assert.Null((await relay.GetPageAsync("/")).QuerySelector("section[aria-labelledby=accueil-auto-diagnostic]"));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_self_assessment_api()
    {
        using var client = factory.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[]
        {
            "/api/v1/structures/{code}/campaigns", "/api/v1/structures/{code}/campaigns/{year}",
            "/api/v1/structures/{code}/campaigns/{year}/assessments/{requirement}", "/api/v1/structures/{code}/campaigns/{year}/assessments/{requirement}/action",
            "/api/v1/structures/{code}/campaigns/{year}/close", "/api/v1/structures/{code}/campaigns/{year}/rates",
            "/api/v1/structures/{code}/campaigns/{year}/sp-plus", "/api/v1/structures/{code}/campaigns/{year}/pack",
            "/api/v1/structures/{code}/evidence", "/api/v1/structures/{code}/evidence/{evidenceId}/file", "/api/v1/structures/{code}/evidence/{evidenceId}",
            "/api/v1/sp-plus/targets", "/api/v1/sp-plus/targets/{year}",
        })
        {
            Assert.Contains(path, paths);
        }
        var put = document.GetProperty("paths").GetProperty("/api/v1/structures/{code}/campaigns/{year}/assessments/{requirement}").GetProperty("put");
        Assert.Equal("Évaluer un sous-engagement (ex. 15.1)", put.GetProperty("summary").GetString());
    }
}
