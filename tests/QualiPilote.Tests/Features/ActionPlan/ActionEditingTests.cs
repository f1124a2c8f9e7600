using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.ActionPlan;

/// <summary>Changing actions: who may, the follow-up rules, and two people editing the same action.</summary>
public class ActionEditingTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private Task<int> ActionIdAsync(string title) =>
        factory.WithDbAsync(db => db.Set<ImprovementAction>().Where(a => a.Title == title).Select(a => a.Id).SingleAsync());

    private Task<ImprovementAction> StoredAsync(int id) =>
        factory.WithDbAsync(db => db.Set<ImprovementAction>().AsNoTracking().Include(a => a.Engagements).SingleAsync(a => a.Id == id));

    [Fact]
    public async Task Relay_referent_edits_an_action_of_their_service()
    {
        var id = await ActionIdAsync("Mettre à jour la signalétique extérieure du bâtiment Caffé");
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var page = await relay.GetPageAsync($"/structures/pref-73/actions/{id}/modifier");
        var response = await relay.SubmitAsync(page, "main form", new() { ["Input.Status"] = "InProgress", ["Input.Progress"] = "25" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await StoredAsync(id);
        Assert.Equal(ActionStatus.InProgress, stored.Status);
        Assert.Equal(25, stored.Progress);
        Assert.Equal("Karim Benali", stored.UpdatedBy);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Relay_referent_is_refused_on_another_service_action_by_page_and_api()
    {
        var id = await ActionIdAsync("Dater et versionner les fiches de procédure de la base documentaire"); // SG
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        Assert.True(Refusal.IsRefused(await relay.GetAsync($"/structures/pref-73/actions/{id}/modifier")));
        Assert.True(Refusal.IsRefused(await relay.PostAsync($"/structures/pref-73/actions/{id}/modifier",
            new() { ["Input.Title"] = "Détournée", ["Input.Origin"] = "Other", ["Input.Status"] = "Abandoned", ["Input.StatusReason"] = "x", ["Input.Version"] = "0", ["Input.ServiceCode"] = "DCL" })));
        var details = await relay.GetPageAsync($"/structures/pref-73/actions/{id}");
        Assert.DoesNotContain(details.QuerySelectorAll("main a"), a => a.TextContent.Contains("Modifier", StringComparison.Ordinal));

        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieRelay.Email);
        var response = await api.PutAsJsonAsync($"/api/v1/structures/pref-73/actions/{id}",
            new { title = "Détournée", origin = "other", status = "abandoned", statusReason = "x", version = 0, serviceCode = "DCL" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("autre service", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var stored = await StoredAsync(id);
        Assert.Equal("Dater et versionner les fiches de procédure de la base documentaire", stored.Title);
        Assert.Equal(ActionStatus.InProgress, stored.Status);
    }

    [Fact]
    public async Task Relay_referent_cannot_hand_their_action_to_another_service()
    {
        var id = await ActionIdAsync("Installer une borne de prise de ticket à l'accueil général"); // DCL
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieRelay.Email);
        var response = await api.PutAsJsonAsync($"/api/v1/structures/pref-73/actions/{id}",
            new { title = "Installer une borne", origin = "other", status = "abandoned", statusReason = "Coût", version = 0, serviceCode = "SG" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("serviceCode", errors);
        Assert.Equal("DCL", await factory.WithDbAsync(db => db.Set<ImprovementAction>().Where(a => a.Id == id).Select(a => a.Service!.Code).SingleAsync()));
    }

    [Fact]
    public async Task Second_editor_of_the_same_action_gets_a_french_conflict_and_sees_the_other_change()
    {
        var id = await ActionIdAsync("Faire figurer des coordonnées lisibles sur les fiches de réclamation"); // DCL, 60 %
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var referentForm = await referent.GetPageAsync($"/structures/pref-73/actions/{id}/modifier");
        var relayForm = await relay.GetPageAsync($"/structures/pref-73/actions/{id}/modifier");

        Assert.Equal(HttpStatusCode.Redirect, (await relay.SubmitAsync(relayForm, "main form", new() { ["Input.Progress"] = "80" })).StatusCode);

        var response = await referent.SubmitAsync(referentForm, "main form", new() { ["Input.OwnerName"] = "Claire Martin" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        var alert = page.QuerySelector("#erreurs")!.TextContent;
        Assert.Contains("Karim Benali a modifié cette action le 23/11/2026", alert, StringComparison.Ordinal);
        Assert.Contains("vos modifications n'ont pas été enregistrées", alert, StringComparison.Ordinal);
        var differences = page.QuerySelectorAll(".qp-conflict tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent, r => (Theirs: r.Children[1].TextContent, Yours: r.Children[2].TextContent));
        Assert.Equal(("80 %", "60 %"), differences["Avancement"]);
        Assert.Equal(("Karim Benali", "Claire Martin"), differences["Responsable"]);
        // Nothing of the second editor was written; the first editor's change stands.
        var stored = await StoredAsync(id);
        Assert.Equal(80, stored.Progress);
        Assert.Equal("Karim Benali", stored.OwnerName);
        Assert.Equal(1, stored.Version);

        // The form now carries the stored version and the referent's own input: saving again is a deliberate overwrite.
        Assert.Equal("1", page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value"));
        Assert.Equal("Claire Martin", page.QuerySelector("#Input-OwnerName")!.GetAttribute("value"));
        var again = await referent.SubmitAsync(page, "main form", new() { ["Input.Progress"] = "80" }, action: $"/structures/pref-73/actions/{id}/modifier");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        stored = await StoredAsync(id);
        Assert.Equal(("Claire Martin", 80, 2), (stored.OwnerName, stored.Progress, stored.Version));
    }

    [Fact]
    public async Task Api_update_with_a_stale_version_answers_409_in_french_with_the_stored_action()
    {
        var id = await ActionIdAsync("Rappeler les coordonnées des référents qualité sur l'intranet");
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var current = await (await api.GetAsync(new Uri($"/api/v1/structures/pref-73/actions/{id}", UriKind.Relative))).JsonAsync();
        var version = current.GetProperty("version").GetInt32();
        object Body(int progress, int v) => new
        {
            title = current.GetProperty("title").GetString(),
            origin = "survey",
            serviceCode = "SG",
            dueDate = "2026-12-04",
            status = "inProgress",
            progress,
            engagementIds = current.GetProperty("engagements").EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).ToArray(),
            version = v,
        };

        var first = await api.PutAsJsonAsync($"/api/v1/structures/pref-73/actions/{id}", Body(30, version));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(version + 1, (await first.JsonAsync()).GetProperty("version").GetInt32());

        var stale = await api.PutAsJsonAsync($"/api/v1/structures/pref-73/actions/{id}", Body(90, version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var problem = await stale.JsonAsync();
        Assert.Equal("Conflit", problem.GetProperty("title").GetString());
        Assert.Contains("Claire Martin a modifié cette action", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(version + 1, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal(30, problem.GetProperty("current").GetProperty("progress").GetInt32());
        Assert.Equal(30, (await StoredAsync(id)).Progress);
    }

    [Fact]
    public async Task The_database_refuses_a_write_made_from_a_stale_version()
    {
        // The editor checks the version it is sent; the concurrency token also guards the gap between its read and its write.
        var id = await ActionIdAsync("Réaliser le bilan des émissions de gaz à effet de serre (BEGES) et le publier sur le site de l'ADEME");
        await using var first = factory.Scope();
        await using var second = factory.Scope();
        var db1 = first.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
        var a1 = await db1.Set<ImprovementAction>().SingleAsync(a => a.Id == id);
        var a2 = await db2.Set<ImprovementAction>().SingleAsync(a => a.Id == id);
        a1.Progress = 50;
        a1.Version++;
        await db1.SaveChangesAsync();
        a2.Progress = 10;
        a2.Version++;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db2.SaveChangesAsync());
        Assert.Equal(50, (await StoredAsync(id)).Progress);
    }

    [Fact]
    public async Task Abandoning_needs_a_reason_completing_dates_the_action_and_efficacy_comes_after_completion()
    {
        var id = await ActionIdAsync("Mettre à jour les pages « démarches » du site internet");
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var form = await referent.GetPageAsync($"/structures/pref-73/actions/{id}/modifier");

        var abandoned = await Browser.ParseAsync(await referent.SubmitAsync(form, "main form", new() { ["Input.Status"] = "Abandoned", ["Input.StatusReason"] = "" }));
        Assert.Contains("le motif d'abandon est obligatoire.", abandoned.QuerySelector("#Input-StatusReason-messages")!.TextContent, StringComparison.Ordinal);

        var early = await Browser.ParseAsync(await referent.SubmitAsync(form, "main form", new() { ["Input.Efficacy"] = "Effective" }));
        Assert.Contains("l'efficacité se vérifie une fois l'action réalisée", early.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, (await StoredAsync(id)).Version);

        Assert.Equal(HttpStatusCode.Redirect, (await referent.SubmitAsync(form, "main form", new() { ["Input.Status"] = "Done", ["Input.Progress"] = "40" })).StatusCode);
        var done = await StoredAsync(id);
        Assert.Equal((ActionStatus.Done, 100, new DateOnly(2026, 11, 23)), (done.Status, done.Progress, done.CompletedOn));
        Assert.Null(done.Efficacy);

        var reopened = await referent.GetPageAsync($"/structures/pref-73/actions/{id}/modifier");
        Assert.Equal(HttpStatusCode.Redirect, (await referent.SubmitAsync(reopened, "main form",
            new() { ["Input.Efficacy"] = "PartlyEffective", ["Input.EfficacyNote"] = "Pages mises à jour ; 2 démarches restent à reprendre." })).StatusCode);
        var checkedAction = await StoredAsync(id);
        Assert.Equal((EfficacyResult.PartlyEffective, new DateOnly(2026, 11, 23)), (checkedAction.Efficacy!.Value, checkedAction.EfficacyCheckedOn!.Value));
        var details = await referent.GetPageAsync($"/structures/pref-73/actions/{id}");
        Assert.Contains("Partiellement efficace (vérifiée le 23/11/2026)", details.QuerySelector("main dl")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_an_action_links_engagements_of_the_perimeter_and_refuses_others()
    {
        var (e15, lozereOnly) = await factory.WithDbAsync(async db => (
            await db.Engagements.Where(e => e.Referential.Code == "quali-ate" && e.Number == 15).Select(e => e.Id).SingleAsync(),
            // Module 6 of Qual-e-pref is in Lozère's perimeter, not in Savoie's nor in its audits.
            await db.Engagements.Where(e => e.Referential.Code == "quali-ate" && e.Module.Number == 6).Select(e => e.Id).FirstAsync()));
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var page = await relay.GetPageAsync("/structures/pref-73/actions/nouvelle");
        Assert.NotNull(page.QuerySelector($"input[name='Input.EngagementIds'][value='{e15}']"));
        Assert.Null(page.QuerySelector($"input[name='Input.EngagementIds'][value='{lozereOnly}']"));

        var refused = await relay.SubmitAsync(page, "main form", new()
        {
            ["Input.Title"] = "Publier les délais de réponse",
            ["Input.Origin"] = "IndicatorAlert",
            ["Input.ServiceCode"] = "DCL",
            ["Input.EngagementIds"] = $"{e15}\n{lozereOnly}\n",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("hors du périmètre", (await Browser.ParseAsync(refused)).QuerySelector("#Input-EngagementIds-messages")!.TextContent, StringComparison.Ordinal);

        var created = await relay.SubmitAsync(page, "main form", new()
        {
            ["Input.Title"] = "Publier les délais de réponse",
            ["Input.Origin"] = "IndicatorAlert",
            ["Input.ServiceCode"] = "DCL",
            ["Input.EngagementIds"] = $"{e15}\n",
            ["Input.DueDate"] = "2027-01-15",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var action = await factory.WithDbAsync(db => db.Set<ImprovementAction>().Include(a => a.Engagements).SingleAsync(a => a.Title == "Publier les délais de réponse"));
        Assert.Equal([e15], action.Engagements.Select(e => e.EngagementId));
        Assert.Equal($"/structures/pref-73/actions/{action.Id}", created.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Create_api_takes_no_origin_record_from_the_client_and_points_created_at_the_api()
    {
        // A record of origin is set only by the feature that raises the action (and keeps its id on the record): a link
        // or a reference sent by a client is not an input.
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var created = await api.PostAsJsonAsync("/api/v1/structures/pref-73/actions",
            new
            {
                title = "Répondre aux avis JDMA sous 5 jours",
                origin = "feedback",
                originDetail = "Avis JDMA",
                originUrl = "https://exemple.org/piege",
                originKind = "auditFinding",
                originId = 1,
                serviceCode = "DCL"
            });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("originKind").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("originId").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("originLink").ValueKind);
        Assert.False(body.TryGetProperty("originUrl", out _));
        Assert.Equal($"/api/v1/structures/pref-73/actions/{body.GetProperty("id").GetInt32()}", created.Headers.Location!.OriginalString);
        Assert.Equal("toStart", body.GetProperty("status").GetString());
        Assert.Equal(0, body.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Progress_is_refused_on_an_action_not_started()
    {
        // Its own action: the demo's actions « à lancer » are the other tests' (their versions are counted).
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        using var created = await api.PostAsJsonAsync("/api/v1/structures/pref-73/actions", new { title = "Afficher les horaires du point numérique", origin = "other" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var form = await referent.GetPageAsync($"/structures/pref-73/actions/{id}/modifier");
        var refused = await referent.SubmitAsync(form, "main form", new() { ["Input.Status"] = "ToStart", ["Input.Progress"] = "20" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("passez son statut à « en cours » pour noter 20 %", (await Browser.ParseAsync(refused)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<ImprovementAction>().Where(a => a.Id == id).Select(a => a.Progress).SingleAsync()));

        var started = await referent.SubmitAsync(form, "main form", new() { ["Input.Status"] = "InProgress", ["Input.Progress"] = "20" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
    }
}
