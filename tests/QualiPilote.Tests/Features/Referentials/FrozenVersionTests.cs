using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.SelfAssessment;
using QualiPilote.Web.Shared;

namespace QualiPilote.Tests.Features.Referentials;

/// <summary>A referential version that self-assessment campaigns use is frozen: its texts change only by a typo
/// correction with a reason, journaled and shown on the engagement; an unused version stays editable.</summary>
public class FrozenVersionTests(AppFactory factory) : IClassFixture<AppFactory>
{
    // Quali-ATE 2024 engagement 5 has its official text and one sub-engagement; the demo's campaigns use Quali-ATE.
    private const int Number = 5;
    private const string Text = "Nous veillons au confort de nos espaces d'accueil et d'attente";

    private Task<int> ReferentialAsync(string code) => factory.WithDbAsync(db => db.Referentials.Where(r => r.Code == code).Select(r => r.Id).SingleAsync());

    private Task<Engagement> StoredAsync(int referentialId, int number) => factory.WithDbAsync(db => db.Engagements.AsNoTracking()
        .Include(e => e.Requirements).Include(e => e.Corrections).SingleAsync(e => e.ReferentialId == referentialId && e.Number == number));

    [Fact]
    public async Task Editing_a_used_version_by_page_is_refused_and_explains_how_to_create_a_new_version()
    {
        var id = await ReferentialAsync("quali-ate");
        Assert.True(await factory.WithDbAsync(db => db.Set<SelfAssessmentCampaign>().AnyAsync(c => c.ReferentialId == id)));
        var before = (await StoredAsync(id, Number)).Text;
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var form = await admin.GetPageAsync($"/referentiels/{id}/engagements/{Number}/modifier");
        Assert.Contains("Version figée", form.QuerySelector(".fr-callout")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(form.QuerySelector($"a[href='/referentiels/{id}/export/xlsx']"));

        var response = await admin.SubmitAsync(form, "main form", new() { ["Input.Text"] = "Un tout autre engagement" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await Browser.ParseAsync(response)).QuerySelector("#erreurs")!;
        Assert.Contains("figée", errors.TextContent, StringComparison.Ordinal);
        Assert.Contains("nouvelle version", errors.TextContent, StringComparison.Ordinal);
        Assert.NotNull(errors.QuerySelector("a[href='#Input-CorrectionReason']"));
        Assert.Equal(before, (await StoredAsync(id, Number)).Text);
    }

    [Fact]
    public async Task Editing_a_used_version_by_api_is_refused_and_a_correction_keeps_the_sub_engagements()
    {
        var id = await ReferentialAsync("quali-ate");
        using var api = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        var stored = await StoredAsync(id, Number);
        var requirements = string.Join('\n', stored.Requirements.OrderBy(r => r.Number).Select(r => r.Text));

        var refused = await api.PutAsJsonAsync($"/api/v1/referentials/{id}/engagements/{Number}", new { text = "Autre texte", requirements, version = stored.Version });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains((await refused.JsonAsync()).GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "correctionReason");

        var added = await api.PutAsJsonAsync($"/api/v1/referentials/{id}/engagements/{Number}",
            new { text = stored.Text, requirements = requirements + "\nUn attendu de plus", correctionReason = "ajout", version = stored.Version });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, added.StatusCode);
        Assert.Contains("nouvelle version", (await added.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var after = await StoredAsync(id, Number);
        Assert.Equal(stored.Text, after.Text);
        Assert.Equal(stored.Requirements.Count, after.Requirements.Count);
        Assert.Equal(stored.Corrections.Count, after.Corrections.Count); // the typo test of this class may have added one
    }

    [Fact]
    public async Task A_typo_correction_with_its_reason_is_stored_journaled_and_shown_on_the_engagement()
    {
        var id = await ReferentialAsync("quali-ate");
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var form = await admin.GetPageAsync($"/referentiels/{id}/engagements/{Number}/modifier");
        var corrected = Text.Replace("d'attente", "d'attente.", StringComparison.Ordinal);
        var response = await admin.SubmitAsync(form, "main form", new()
        {
            ["Input.Text"] = corrected,
            ["Input.CorrectionReason"] = "point final oublié",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await StoredAsync(id, Number);
        Assert.Equal(corrected, stored.Text);
        var correction = Assert.Single(stored.Corrections);
        Assert.Equal("point final oublié", correction.Reason);
        Assert.Equal(DemoData.Admin.FullName, correction.CorrectedBy);

        var page = await admin.GetPageAsync($"/referentiels/{id}/engagements/{Number}");
        Assert.Contains($"Texte corrigé le {Fr.Date(factory.Clock.Today())} : point final oublié", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var journal = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(EngagementCorrection)).Select(e => e.After).ToListAsync());
        Assert.Contains(journal, after => after!.Contains("point final oublié", StringComparison.Ordinal));
        var journalPage = await admin.GetPageAsync("/admin/journal?type=EngagementCorrection");
        Assert.Contains("point final oublié", journalPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_into_a_used_version_may_fill_placeholders_but_not_change_established_texts()
    {
        var id = await ReferentialAsync("quali-ate");
        static string Yaml(int module, string title, int number, string text) => $"""
            referentiel: quali-ate
            version: "2024"
            modules:
              - numero: {module}
                titre: "{title}"
                engagements:
                  - numero: {number}
                    texte: "{text}"
            """;
        async Task<ReferentialImportResult> ImportAsync(string yaml)
        {
            await using var scope = factory.Scope();
            return await scope.ServiceProvider.GetRequiredService<ReferentialImporter>().ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(yaml)), "correction.yaml", null);
        }
        var before = (await StoredAsync(id, Number)).Text;

        var refused = await ImportAsync(Yaml(1, "Qualité de service et relation aux usagers", Number, "Un engagement réécrit"));
        Assert.False(refused.Succeeded);
        Assert.Contains($"engagement {Number}", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("nouvelle version", refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(before, (await StoredAsync(id, Number)).Text);

        var module = await factory.WithDbAsync(db => db.Engagements.Where(e => e.ReferentialId == id && e.Number == 28).Select(e => new { e.Module.Number, e.Module.Title }).SingleAsync());
        var filled = await ImportAsync(Yaml(module.Number, module.Title, 28, "Nous accompagnons les collectivités"));
        Assert.True(filled.Succeeded, string.Join(" ; ", filled.Errors));
        Assert.Equal("Nous accompagnons les collectivités", (await StoredAsync(id, 28)).Text);
    }

    [Fact]
    public async Task An_unused_version_stays_editable_without_a_reason()
    {
        var id = await ReferentialAsync("qual-e-pref");
        Assert.False(await factory.WithDbAsync(db => db.Set<SelfAssessmentCampaign>().AnyAsync(c => c.ReferentialId == id)));
        using var api = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        var stored = await StoredAsync(id, 4);
        var saved = await api.PutAsJsonAsync($"/api/v1/referentials/{id}/engagements/4",
            new { text = "Nous formons nos agents", requirements = "Premier attendu\nSecond attendu", version = stored.Version });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await StoredAsync(id, 4);
        Assert.Equal("Nous formons nos agents", after.Text);
        Assert.Equal(2, after.Requirements.Count);
        Assert.Empty(after.Corrections);

        // And two administrators: the second, from the same read, is refused.
        var stale = await api.PutAsJsonAsync($"/api/v1/referentials/{id}/engagements/4",
            new { text = "Nous formons", requirements = "Premier attendu", version = stored.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(stored.Version + 1, (await stale.JsonAsync()).GetProperty("currentVersion").GetInt32());
        Assert.Equal("Nous formons nos agents", (await StoredAsync(id, 4)).Text);
    }
}
