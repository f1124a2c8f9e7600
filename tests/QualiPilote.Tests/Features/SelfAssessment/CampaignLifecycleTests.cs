using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.SelfAssessment;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Tests.Features.SelfAssessment;

/// <summary>A campaign's life: started from last year's answers, reviewed and closed by the quality referent,
/// then read-only on the pages and in the API.</summary>
public class CampaignLifecycleTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_new_campaign_starts_from_last_years_answers_to_be_confirmed()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await referent.GetPageAsync("/structures/pref-73/auto-diagnostic/nouvelle");
        Assert.Equal("2027", page.QuerySelector("#Input-Year")!.GetAttribute("value"));

        var response = await referent.SubmitAsync(page, "main form", new() { ["Input.Year"] = "2027" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/structures/pref-73/auto-diagnostic/2027", response.Headers.Location!.OriginalString);
        var last = await factory.CampaignAsync(2026);
        var next = await factory.CampaignAsync(2027);
        Assert.Equal(2026, next.CopiedFromYear);
        Assert.Equal(last.Assessments.Count, next.Assessments.Count);
        Assert.All(next.Assessments, a => Assert.True(a.CarriedOver && a.AssessedAt is null && a.Status is not null));
        var gap = await factory.RowAsync(2027, 26);
        Assert.Equal(AssessmentStatus.NotEngaged, gap.Status);
        Assert.NotNull(gap.ActionId);
        Assert.Equal((await factory.RowAsync(2026, 15)).Evidence.Select(l => l.EvidenceId).Order(), (await factory.RowAsync(2027, 15)).Evidence.Select(l => l.EvidenceId).Order());
        var grid = await referent.GetPageAsync("/structures/pref-73/auto-diagnostic/2027");
        Assert.Contains("à partir des réponses de 2026", grid.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var again = await referent.SubmitAsync(await referent.GetPageAsync("/structures/pref-73/auto-diagnostic/nouvelle"), "main form", new() { ["Input.Year"] = "2027" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("la campagne 2027 existe déjà", (await Browser.ParseAsync(again)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_started_afresh_has_every_requirement_to_assess_and_cannot_close_until_they_are()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var started = await api.PostAsJsonAsync("/api/v1/structures/sgcd-73/campaigns", new { year = 2026, referentialId = await QualiAteAsync(), copyPrevious = true });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var summary = await started.JsonAsync();
        Assert.Null(summary.GetProperty("copiedFromYear").GetString());
        Assert.Equal(27, summary.GetProperty("rate").GetProperty("unassessed").GetInt32());

        var refused = await api.PostAsJsonAsync("/api/v1/structures/sgcd-73/campaigns/2026/close", new { note = "trop tôt" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("27 sous-engagements sans statut : 1.1, 2.1", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var noPerimeter = await api.PostAsJsonAsync("/api/v1/structures/sp-albertville/campaigns", new { year = 2026, referentialId = await QualiAteAsync() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noPerimeter.StatusCode);
        Assert.Contains("pas de périmètre", (await noPerimeter.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var tooLate = await api.PostAsJsonAsync("/api/v1/structures/sgcd-73/campaigns", new { year = 2031, referentialId = await QualiAteAsync() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLate.StatusCode);
    }

    [Fact]
    public async Task The_quality_referent_closes_a_campaign_and_it_becomes_read_only_on_pages_and_api()
    {
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var relayClose = await relay.GetAsync("/structures/pref-73/auto-diagnostic/2026/cloture");
        Assert.Equal(HttpStatusCode.Redirect, relayClose.StatusCode);
        Assert.Contains("/acces-refuse", relayClose.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var openModule = await relay.GetPageAsync("/structures/pref-73/auto-diagnostic/2026/modules/1");

        var review = await referent.GetPageAsync("/structures/pref-73/auto-diagnostic/2026/cloture");
        Assert.Contains("Réponses reprises de l'an dernier, non confirmées : 27", review.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var confirm = await referent.GetPageAsync("/structures/pref-73/auto-diagnostic/2026/cloture?etape=confirmation");
        var closed = await referent.SubmitAsync(confirm, "main form", new() { ["Note"] = "Présenté au COPIL qualité." });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var campaign = await factory.CampaignAsync(2026);
        Assert.Equal(DemoData.SavoieReferent.FullName, campaign.ClosedByName);
        Assert.Equal("Présenté au COPIL qualité.", campaign.ClosingNote);

        var grid = await relay.GetPageAsync("/structures/pref-73/auto-diagnostic/2026");
        Assert.Contains("Clôturée le 23/11/2026", grid.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(grid.QuerySelectorAll("a[href$='/modules/1']"));
        var module = await relay.GetPageAsync("/structures/pref-73/auto-diagnostic/2026/modules/1");
        Assert.Empty(module.QuerySelectorAll("main form[method=post]"));
        Assert.Contains("clôturée : elle se consulte sans se modifier", module.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // A form loaded before the closing and posted after it changes nothing.
        var before = await factory.RowAsync(2026, 9);
        var row = SelfAssessmentData.RowPrefix(openModule, 9);
        var late = await relay.SubmitAsync(openModule, "#engagement-9 form", new() { [$"{row}.Status"] = "NotEngaged" });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("La campagne 2026 est clôturée", (await Browser.ParseAsync(late)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        var action = await relay.SubmitAsync(openModule, "#engagement-17 form", new(), action: $"/structures/pref-73/auto-diagnostic/2026/modules/1?handler=Action&requirementId={(await factory.RowAsync(2026, 17)).RequirementId}");
        Assert.Equal(HttpStatusCode.OK, action.StatusCode);
        var after = await factory.RowAsync(2026, 9);
        Assert.Equal((before.Status, before.Version, before.AssessedAt), (after.Status, after.Version, after.AssessedAt));
        Assert.Null((await factory.RowAsync(2026, 17)).ActionId);

        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync("/api/v1/structures/pref-73/campaigns/2026/assessments/9.1", new { status = "notEngaged" }, ApiClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync(new Uri("/api/v1/structures/pref-73/campaigns/2026/assessments/17.1/action", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync("/api/v1/structures/pref-73/campaigns/2026/close", new { })).StatusCode);
        Assert.Equal(AssessmentStatus.Done, (await factory.RowAsync(2026, 9)).Status);
    }

    [Fact]
    public async Task An_open_campaign_follows_the_perimeter_a_closed_one_does_not()
    {
        await using (var scope = factory.Scope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<PerimeterEditor>();
            var structure = await factory.WithDbAsync(db => db.Structures.SingleAsync(s => s.Code == "pref-48"));
            var perimeter = (await editor.ListAsync(structure.Id)).Single();
            using var api = await ApiClient.ForAsync(factory, DemoData.LozereReferent.Email);
            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/structures/pref-48/campaigns", new { year = 2026, referentialId = perimeter.ReferentialId })).StatusCode);
            var before = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/structures/pref-48/campaigns/2026")).GetProperty("assessments").GetArrayLength();

            var modules = perimeter.Modules.ToDictionary(m => perimeter.Referential.Modules.Single(x => x.Id == m.ModuleId).Number, m => m.Services.Select(s => s.Service.Code).ToList());
            modules[7] = ["CAB"];
            Assert.Empty(await editor.SaveAsync(structure.Id, new PerimeterInput { ReferentialId = perimeter.ReferentialId, DecidedOn = perimeter.DecidedOn, DecidedBy = perimeter.DecidedBy, Modules = modules, Version = perimeter.Version }));

            var grown = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/structures/pref-48/campaigns/2026")).GetProperty("assessments");
            Assert.True(grown.GetArrayLength() > before);
            Assert.Contains(grown.EnumerateArray(), a => a.GetProperty("module").GetInt32() == 7);
        }
        using var referent = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var closed = await referent.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/structures/pref-73/campaigns/2025");
        Assert.Equal(36, closed.GetProperty("assessments").GetArrayLength());
    }

    private Task<int> QualiAteAsync() => factory.WithDbAsync(db => db.Referentials.Where(r => r.Code == "quali-ate").Select(r => r.Id).SingleAsync());
}
