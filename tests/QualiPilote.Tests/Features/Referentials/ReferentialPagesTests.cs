using System.Net;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Referentials;

public class ReferentialPagesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private Task<int> QualiAteIdAsync() => factory.WithDbAsync(db => db.Referentials.Where(r => r.Code == "quali-ate").Select(r => r.Id).SingleAsync());

    [Fact]
    public async Task An_agent_browses_the_referential_down_to_an_engagement_and_its_sp_plus_engagement()
    {
        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        var list = await agent.GetPageAsync("/referentiels");
        var link = list.QuerySelectorAll("table a").Single(a => a.TextContent == "Quali-ATE");

        var referential = await agent.GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal("Quali-ATE 2024", referential.QuerySelector("h1")!.TextContent);
        Assert.Equal(8, referential.QuerySelectorAll("section h2").Length);
        Assert.Equal(7, referential.QuerySelectorAll(".fr-badge--warning").Count(b => b.TextContent == "à importer"));
        Assert.Null(referential.QuerySelector("a[href$='/modifier']"));

        var engagement = await agent.GetPageAsync($"/referentiels/{await QualiAteIdAsync()}/engagements/15");
        Assert.Contains("Nous vous répondons dans un délai annoncé et maîtrisé", engagement.QuerySelector(".fr-text--lead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Votre demande est traitée dans les délais annoncés", engagement.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_referential_or_engagement_is_a_french_404_page()
    {
        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        var response = await agent.GetAsync("/referentiels/9999/engagements/1");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page non trouvée", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_imports_a_malformed_workbook_and_sees_each_error_with_its_line()
    {
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var page = await admin.GetPageAsync("/referentiels/importer");
        var file = Workbook.Of(["module", "engagement", "texte_engagement", "sous_engagement"], [3, 28, "Texte", ""], [9, 44, "Texte", ""]);

        var response = await admin.SubmitAsync(page, "main form[enctype]", new() { ["Input.ExistingId"] = (await QualiAteIdAsync()).ToString(Fr()) },
            new() { ["Input.File"] = ("module-3.xlsx", file) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Browser.ParseAsync(response);
        var rows = result.QuerySelectorAll("table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        var row = Assert.Single(rows);
        Assert.Equal("3", row[0]);
        Assert.Equal("module", row[1]);
        Assert.Contains("rien n'a été enregistré", result.QuerySelector(".fr-alert--error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_imports_a_yaml_referential_then_the_same_file_again()
    {
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var yaml = "referentiel: charte-accueil\nnom: Charte d'accueil\nversion: \"1\"\ndate_effet: 01/09/2026\nmodules:\n  - numero: 1\n    titre: Accueil\n    socle: oui\n    engagements:\n      - numero: 1\n        texte: Nous vous accueillons\n"u8.ToArray();

        var first = await admin.SubmitAsync(await admin.GetPageAsync("/referentiels/importer"), "main form[enctype]", [], new() { ["Input.File"] = ("charte.yaml", yaml) });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var details = await admin.GetPageAsync(first.Headers.Location!.OriginalString);
        Assert.Contains("créé", details.QuerySelector(".fr-alert--success")!.TextContent, StringComparison.Ordinal);

        var second = await admin.SubmitAsync(await admin.GetPageAsync("/referentiels/importer"), "main form[enctype]", [], new() { ["Input.File"] = ("charte.yaml", yaml) });
        var again = await admin.GetPageAsync(second.Headers.Location!.OriginalString);
        Assert.Contains("ne change rien", again.QuerySelector(".fr-alert--success")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_corrects_an_engagement_and_the_change_is_journaled()
    {
        var id = await QualiAteIdAsync();
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var form = await admin.GetPageAsync($"/referentiels/{id}/engagements/28/modifier");

        var response = await admin.SubmitAsync(form, "main form", new()
        {
            ["Input.Text"] = "Nous accompagnons les collectivités",
            ["Input.Requirements"] = "Premier attendu\nSecond attendu",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var engagement = await admin.GetPageAsync($"/referentiels/{id}/engagements/28");
        Assert.Equal(["Premier attendu", "Second attendu"], engagement.QuerySelectorAll("ol.qp-requirements li").Select(li => li.TextContent.Replace("28.1", "", StringComparison.Ordinal).Replace("28.2", "", StringComparison.Ordinal).Trim()));
        var journal = await admin.GetPageAsync("/admin/journal?type=Engagement");
        Assert.Contains("Nous accompagnons les collectivités", journal.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_engagement_text_is_refused_in_french()
    {
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var form = await admin.GetPageAsync($"/referentiels/{await QualiAteIdAsync()}/engagements/1/modifier");
        var response = await admin.SubmitAsync(form, "main form", new() { ["Input.Text"] = "" });
        var page = await Browser.ParseAsync(response);
        Assert.Contains("Texte de l'engagement : ce champ est obligatoire.", page.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_edits_an_sp_plus_mapping()
    {
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var form = await admin.GetPageAsync($"/services-publics-plus/6/correspondances?referentialId={await QualiAteIdAsync()}");
        var response = await admin.SubmitAsync(form, "main form[method=post]", new() { ["Engagements"] = "20\n16" });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await Browser.ParseAsync(response)).QuerySelector("main")?.TextContent);
        var numbers = await factory.WithDbAsync(db => db.SpPlusMappings.Where(m => m.SpPlusCommitment.Number == 6).Select(m => m.Engagement.Number).OrderBy(n => n).ToListAsync());
        Assert.Equal([16, 20], numbers);
    }

    [Fact]
    public async Task Exports_download_in_three_formats()
    {
        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        var id = await QualiAteIdAsync();
        foreach (var (format, type) in new[] { ("yaml", "application/yaml"), ("json", "application/json"), ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") })
        {
            var response = await agent.GetAsync($"/referentiels/{id}/export/{format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal($"quali-ate-2024.{format}", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        }
    }

    private static System.Globalization.CultureInfo Fr() => System.Globalization.CultureInfo.InvariantCulture;
}
