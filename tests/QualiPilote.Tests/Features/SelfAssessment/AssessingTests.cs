using System.Net;
using System.Net.Http.Json;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.SelfAssessment;

namespace QualiPilote.Tests.Features.SelfAssessment;

/// <summary>The relay referent assesses the modules their service deploys, on the page and through the API;
/// the server refuses everything else, whatever is posted.</summary>
public class AssessingTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Module1 = "/structures/pref-73/auto-diagnostic/2026/modules/1";

    [Fact]
    public async Task Relay_referent_assesses_a_requirement_of_their_module_and_is_recorded_as_its_assessor()
    {
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var page = await relay.GetPageAsync(Module1);
        var row = SelfAssessmentData.RowPrefix(page, 17);

        var response = await relay.SubmitAsync(page, "#engagement-17 form", new()
        {
            [$"{row}.Status"] = "Done",
            [$"{row}.Comment"] = "Procédure d'accueil prioritaire affichée au bâtiment Caffé.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/modules/1#engagement-17", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var stored = await factory.RowAsync(2026, 17);
        Assert.Equal(AssessmentStatus.Done, stored.Status);
        Assert.Equal(DemoData.SavoieRelay.FullName, stored.AssessedByName);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, stored.AssessedAt);
        Assert.False(stored.CarriedOver);
        var after = await relay.GetPageAsync(Module1);
        Assert.Contains("Engagement 17 enregistré", after.QuerySelector("#engagement-17 [role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relay_referent_cannot_assess_a_module_another_service_deploys()
    {
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var module8 = await relay.GetPageAsync("/structures/pref-73/auto-diagnostic/2026/modules/8");
        Assert.Empty(module8.QuerySelectorAll("main form[method=post]"));
        Assert.Contains("CAB-SICOM, DS-SIDPC", module8.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var before = await factory.RowAsync(2026, 42);

        // A forged post: a form of module 1 (which the relay may use) carrying a row of module 8 beside its own.
        var module1 = await relay.GetPageAsync(Module1);
        var response = await relay.SubmitAsync(module1, "#engagement-9 form", new()
        {
            [$"Rows[{before.RequirementId}].Status"] = "Done",
            [$"Rows[{before.RequirementId}].Version"] = before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await Browser.ParseAsync(response)).QuerySelector("#erreurs")!.TextContent;
        Assert.True(errors.Contains("le module 8 est évalué par les services qui le déploient", StringComparison.Ordinal), errors);
        Assert.Equal(before.Status, (await factory.RowAsync(2026, 42)).Status);
        Assert.True((await factory.RowAsync(2026, 9)).CarriedOver, "all or nothing: the legitimate row of the form is not saved either");

        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieRelay.Email);
        var put = await api.PutAsJsonAsync("/api/v1/structures/pref-73/campaigns/2026/assessments/42.1", new { status = "done" }, ApiClient.Json);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Contains("module 8", (await put.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before.Status, (await factory.RowAsync(2026, 42)).Status);
    }

    [Fact]
    public async Task Not_applicable_needs_a_justification()
    {
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var page = await relay.GetPageAsync(Module1);
        var row = SelfAssessmentData.RowPrefix(page, 11);

        var refused = await relay.SubmitAsync(page, "#engagement-11 form", new() { [$"{row}.Status"] = "NotApplicable", [$"{row}.Comment"] = " " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await Browser.ParseAsync(refused);
        Assert.Contains("11.1 : « non applicable » doit être justifié dans le commentaire.", html.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Done, (await factory.RowAsync(2026, 11)).Status);

        var accepted = await relay.SubmitAsync(page, "#engagement-11 form", new()
        {
            [$"{row}.Status"] = "NotApplicable",
            [$"{row}.Comment"] = "Démarches en ligne portées par l'ANTS, hors de la préfecture.",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(AssessmentStatus.NotApplicable, (await factory.RowAsync(2026, 11)).Status);
    }

    [Fact]
    public async Task A_form_posted_on_an_answer_saved_in_between_is_refused_instead_of_overwriting_it()
    {
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var relayPage = await relay.GetPageAsync(Module1);
        var referentPage = await referent.GetPageAsync(Module1);
        var row = SelfAssessmentData.RowPrefix(relayPage, 13);

        Assert.Equal(HttpStatusCode.Redirect, (await referent.SubmitAsync(referentPage, "#engagement-13 form", new() { [$"{row}.Status"] = "InProgress" })).StatusCode);
        var late = await relay.SubmitAsync(relayPage, "#engagement-13 form", new() { [$"{row}.Status"] = "NotEngaged" });

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains($"13.1 : {DemoData.SavoieReferent.FullName} l'a enregistré entre-temps", (await Browser.ParseAsync(late)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.InProgress, (await factory.RowAsync(2026, 13)).Status);
    }

    [Fact]
    public async Task The_api_assesses_with_evidence_and_checks_its_input()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieRelay.Email);
        var evidence = (await factory.RowAsync(2026, 15)).Evidence.Select(l => l.EvidenceId).ToList();

        var saved = await api.PutAsJsonAsync("/api/v1/structures/pref-73/campaigns/2026/assessments/10.1",
            new { status = "inProgress", comment = "Refonte du site en cours.", evidenceIds = evidence }, ApiClient.Json);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var body = await saved.JsonAsync();
        Assert.Equal("inProgress", body.GetProperty("status").GetString());
        Assert.Equal(DemoData.SavoieRelay.FullName, body.GetProperty("assessedBy").GetString());
        Assert.Equal(evidence.Order(), body.GetProperty("evidenceIds").EnumerateArray().Select(e => e.GetInt32()).Order());

        var noStatus = await api.PutAsJsonAsync("/api/v1/structures/pref-73/campaigns/2026/assessments/10.1", new { comment = "x" }, ApiClient.Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noStatus.StatusCode);
        Assert.Equal("status", (await noStatus.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());

        var foreign = await factory.WithDbAsync(db => Task.FromResult(db.Set<Evidence>().Count()));
        var unknownEvidence = await api.PutAsJsonAsync("/api/v1/structures/pref-73/campaigns/2026/assessments/10.1",
            new { status = "done", evidenceIds = new[] { foreign + 1000 } }, ApiClient.Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownEvidence.StatusCode);
        Assert.Contains("n'appartient pas à cette structure", (await unknownEvidence.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var stale = await api.PutAsJsonAsync("/api/v1/structures/pref-73/campaigns/2026/assessments/10.1", new { status = "done", version = 0 }, ApiClient.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var unknown = await api.PutAsJsonAsync("/api/v1/structures/pref-73/campaigns/2026/assessments/99.9", new { status = "done" }, ApiClient.Json);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(AssessmentStatus.InProgress, (await factory.RowAsync(2026, 10)).Status);
    }

    [Fact]
    public async Task The_grid_reads_with_its_filters_and_the_api_lists_every_requirement()
    {
        using var agent = await Browser.LoginAsync(factory, DemoData.SavoieAgent.Email);
        var gaps = await agent.GetPageAsync("/structures/pref-73/auto-diagnostic/2025?statut=NotEngaged");
        var rows = gaps.QuerySelectorAll("tr[id^=exigence-]").Select(r => r.Id).ToList();
        Assert.Equal(["exigence-26-1"], rows);
        // A filter chooses the rows shown, not the figures: each module keeps its own rate.
        var all = await agent.GetPageAsync("/structures/pref-73/auto-diagnostic/2025");
        var shownModule = gaps.QuerySelector("section[aria-labelledby^=module-]")!;
        var moduleId = shownModule.GetAttribute("aria-labelledby");
        Assert.Equal(all.QuerySelector($"section[aria-labelledby={moduleId}] p.qp-meta")!.TextContent, shownModule.QuerySelector("p.qp-meta")!.TextContent);
        var module4 = await agent.GetPageAsync("/structures/pref-73/auto-diagnostic/2025?module=4");
        Assert.Equal(4, module4.QuerySelectorAll("tr[id^=exigence-]").Length);

        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieAgent.Email);
        var campaign = await (await api.GetAsync(new Uri("/api/v1/structures/pref-73/campaigns/2025", UriKind.Relative))).JsonAsync();
        Assert.Equal(36, campaign.GetProperty("assessments").GetArrayLength());
        Assert.True(campaign.GetProperty("campaign").GetProperty("closed").GetBoolean());
    }
}
