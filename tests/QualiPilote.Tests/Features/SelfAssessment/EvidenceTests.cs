using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.SelfAssessment;

namespace QualiPilote.Tests.Features.SelfAssessment;

/// <summary>Evidence: files kept outside the web root and served only through the authorised download, links,
/// indicators and managed documents; one piece serving several requirements; refusals in French.</summary>
public class EvidenceTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly byte[] Pdf = Encoding.UTF8.GetBytes("%PDF-1.4 relevé de décisions");

    [Fact]
    public async Task A_file_attached_on_a_row_is_stored_and_downloaded_only_by_those_who_may_read_the_self_assessment()
    {
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var page = await relay.GetPageAsync("/structures/pref-73/auto-diagnostic/2026/modules/1");
        var row = SelfAssessmentData.RowPrefix(page, 12);
        var response = await relay.SubmitAsync(page, "#engagement-12 form", new() { [$"{row}.Status"] = "Done" },
            files: new() { [$"{row}.File"] = ("statistiques réseaux sociaux 2026.pdf", Pdf) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var evidence = (await factory.RowAsync(2026, 12)).Evidence.Select(l => l.Evidence).Single(e => e.Kind == EvidenceKind.File);
        Assert.Equal("statistiques réseaux sociaux 2026.pdf", evidence.FileName);
        Assert.Equal(Pdf.Length, evidence.FileLength);
        var url = $"/structures/pref-73/preuves/{evidence.Id}/fichier";

        using var auditor = await Browser.LoginAsync(factory, DemoData.SavoieAuditor.Email);
        var download = await auditor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);

        using var lozere = await Browser.LoginAsync(factory, DemoData.LozereReferent.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await lozere.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lozere.GetAsync($"/structures/pref-48/preuves/{evidence.Id}/fichier")).StatusCode);
        using var anonymous = Browser.Anonymous(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(url)).StatusCode);
        // Stored under a random key outside the web root: no static address serves it, even to a signed-in user.
        Assert.Equal(HttpStatusCode.NotFound, (await relay.GetAsync("/" + evidence.FileKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await relay.GetAsync("/data/files/" + evidence.FileKey)).StatusCode);
    }

    [Fact]
    public async Task A_refused_file_is_named_in_french_and_nothing_of_the_form_is_saved()
    {
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var page = await relay.GetPageAsync("/structures/pref-73/auto-diagnostic/2026/modules/1");
        var row = SelfAssessmentData.RowPrefix(page, 16);
        var evidenceBefore = await factory.WithDbAsync(db => db.Set<Evidence>().CountAsync());

        var response = await relay.SubmitAsync(page, "#engagement-16 form", new() { [$"{row}.Status"] = "NotEngaged" },
            files: new() { [$"{row}.File"] = ("macro.exe", [1, 2, 3]) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("« macro.exe » : type de fichier « .exe » non accepté", (await Browser.ParseAsync(response)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(evidenceBefore, await factory.WithDbAsync(db => db.Set<Evidence>().CountAsync()));
        Assert.Equal(AssessmentStatus.Done, (await factory.RowAsync(2026, 16)).Status);
    }

    [Fact]
    public async Task One_piece_of_evidence_serves_several_requirements_and_the_list_shows_where()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var first = await factory.RowAsync(2026, 18);
        var second = await factory.RowAsync(2026, 19);
        var page = await referent.GetPageAsync($"/structures/pref-73/preuves/nouvelle?annee=2026&exigence={first.RequirementId}");
        Assert.True(page.QuerySelector($"#exigence-{first.RequirementId}")!.HasAttribute("checked"));

        var response = await referent.SubmitAsync(page, "main form", new()
        {
            ["Input.Kind"] = "Document",
            ["Input.Title"] = "Lettre de mission des référents qualité 2026",
            ["Input.DocumentVersion"] = "2026",
            ["Input.DocumentDate"] = "2026-01-15",
            ["Requirements"] = $"{first.RequirementId}\n{second.RequirementId}",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/structures/pref-73/auto-diagnostic/2026/modules/2#exigence-18-1", response.Headers.Location!.OriginalString);
        var linked18 = (await factory.RowAsync(2026, 18)).Evidence.Select(l => l.Evidence).Single(e => e.Title.StartsWith("Lettre de mission", StringComparison.Ordinal));
        Assert.Contains((await factory.RowAsync(2026, 19)).Evidence, l => l.EvidenceId == linked18.Id);
        Assert.Equal((EvidenceKind.Document, "2026", new DateOnly(2026, 1, 15)), (linked18.Kind, linked18.DocumentVersion, linked18.DocumentDate));

        var list = await referent.GetPageAsync("/structures/pref-73/preuves");
        var line = list.QuerySelector($"#preuve-{linked18.Id}")!.TextContent;
        Assert.Contains("2026 :", line, StringComparison.Ordinal);
        Assert.Contains("18.1", line, StringComparison.Ordinal);
        Assert.Contains("19.1", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_of_each_kind_is_checked_with_french_messages()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await referent.GetPageAsync("/structures/pref-73/preuves/nouvelle");
        async Task<string> ErrorsAsync(Dictionary<string, string> values) =>
            (await Browser.ParseAsync(await referent.SubmitAsync(page, "main form", values))).QuerySelector("#erreurs")?.TextContent ?? "";

        Assert.Contains("choisissez le fichier à joindre", await ErrorsAsync(new() { ["Input.Kind"] = "File" }), StringComparison.Ordinal);
        Assert.Contains("l'adresse web doit commencer par https://", await ErrorsAsync(new() { ["Input.Kind"] = "Url", ["Input.Title"] = "Site", ["Input.Url"] = "javascript:alert(1)" }), StringComparison.Ordinal);
        var indicator = await ErrorsAsync(new() { ["Input.Kind"] = "Indicator", ["Input.Title"] = "Délais", ["Input.IndicatorCode"] = "Délais !", ["Input.IndicatorPeriod"] = "T2" });
        Assert.Contains("code de l'indicateur attendu", indicator, StringComparison.Ordinal);
        Assert.Contains("période attendue", indicator, StringComparison.Ordinal);
        Assert.Contains("précisez la version ou la date", await ErrorsAsync(new() { ["Input.Kind"] = "Document", ["Input.Title"] = "Politique qualité" }), StringComparison.Ordinal);
        Assert.Contains("donnez un intitulé", await ErrorsAsync(new() { ["Input.Kind"] = "Url", ["Input.Url"] = "https://www.savoie.gouv.fr/" }), StringComparison.Ordinal);

        var ok = await referent.SubmitAsync(page, "main form", new() { ["Input.Kind"] = "Indicator", ["Input.Title"] = "Taux d'appels décrochés T3 2026", ["Input.IndicatorCode"] = "appels-decroches", ["Input.IndicatorPeriod"] = "2026-t3" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Set<Evidence>().SingleAsync(e => e.Title == "Taux d'appels décrochés T3 2026"));
        Assert.Equal("2026-T3", stored.IndicatorPeriod);
        var list = await referent.GetPageAsync("/structures/pref-73/preuves");
        Assert.Equal("Taux d'appels décrochés T3 2026", list.QuerySelector("a[href=\"/structures/pref-73/indicateurs/appels-decroches/2026-T3\"]")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_api_uploads_lists_downloads_and_deletes_evidence()
    {
        using var relay = await ApiClient.ForAsync(factory, DemoData.SavoieRelay.Email);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("file"), "kind" },
            { new StringContent("Affiche des horaires 2026"), "title" },
            { new ByteArrayContent(Pdf), "file", "affiche-horaires.pdf" },
        };
        var created = await relay.PostAsync(new Uri("/api/v1/structures/pref-73/evidence", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var located = await relay.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        Assert.Equal("Affiche des horaires 2026", located.GetProperty("title").GetString());
        var download = body.GetProperty("download").GetString()!;
        Assert.Equal(Pdf, await relay.GetByteArrayAsync(new Uri(download, UriKind.Relative)));
        Assert.Contains((await relay.GetFromJsonAsync<JsonElement>("/api/v1/structures/pref-73/evidence")).EnumerateArray(),
            e => e.GetProperty("title").GetString() == "Affiche des horaires 2026");

        using var bad = new MultipartFormDataContent { { new StringContent("video"), "kind" } };
        var refused = await relay.PostAsync(new Uri("/api/v1/structures/pref-73/evidence", UriKind.Relative), bad);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("kind", (await refused.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());

        // The quality referent's evidence that the closed 2025 campaign relies on stays; the relay's own goes.
        var kept = await factory.WithDbAsync(db => db.Set<Evidence>().Where(e => e.Title == "Relevé du CLUAC du 29 janvier 2024").Select(e => e.Id).SingleAsync());
        var notTheirs = await relay.DeleteAsync(new Uri($"/api/v1/structures/pref-73/evidence/{kept}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, notTheirs.StatusCode);
        using var referent = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var closedCampaign = await referent.DeleteAsync(new Uri($"/api/v1/structures/pref-73/evidence/{kept}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Conflict, closedCampaign.StatusCode);
        Assert.Contains("la campagne 2025, clôturée, s'appuie sur cette preuve", (await closedCampaign.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await relay.DeleteAsync(new Uri($"/api/v1/structures/pref-73/evidence/{body.GetProperty("id").GetInt32()}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await relay.GetAsync(new Uri(download, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_delete_page_explains_why_evidence_stays()
    {
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var kept = await factory.WithDbAsync(db => db.Set<Evidence>().Where(e => e.Title == "Site internet des services de l'État en Savoie").Select(e => e.Id).SingleAsync());
        var page = await relay.GetPageAsync($"/structures/pref-73/preuves/{kept}/supprimer");
        Assert.Contains("seuls le référent qualité et Claire Martin, qui l'a ajoutée, peuvent supprimer cette preuve", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        Assert.Equal(HttpStatusCode.OK, (await relay.PostAsync($"/structures/pref-73/preuves/{kept}/supprimer")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Set<Evidence>().AnyAsync(e => e.Id == kept)));
    }
}
