using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Audits;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Indicators;
using QualiPilote.Web.Features.Labelling;
using QualiPilote.Web.Features.Registers;
using QualiPilote.Web.Features.SelfAssessment;

namespace QualiPilote.Tests.Shared;

/// <summary>Two people editing the same record (docs/adr/0035): for each editable type, by its page and its API, the second
/// save made from a stale version is refused (a French conflict message keeping the input, or a 409 problem with the
/// stored version) and the first change stays. Actions and assessments have theirs in ActionEditingTests and AssessingTests.</summary>
public class StaleWriteTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Milestone_by_page_and_api()
    {
        var id = await factory.WithDbAsync(db => db.Set<Milestone>()
            .Where(m => m.Structure.Code == "pref-73" && m.AuditId == null && m.DerivedFromId == null && m.Kind != MilestoneKind.LabelExpiry)
            .OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        Task<string?> NoteAsync() => factory.WithDbAsync(db => db.Set<Milestone>().Where(m => m.Id == id).Select(m => m.Note).SingleAsync());

        await PageRefusesStaleWriteAsync($"/structures/pref-73/retroplanning/{id}", "main form", "Input.Note", NoteAsync);

        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var stored = (await api.GetFromJsonAsync<JsonElement>("/api/v1/structures/pref-73/milestones")).EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == id);
        await ApiRefusesStaleWriteAsync(api, $"/api/v1/structures/pref-73/milestones/{id}", stored.GetProperty("version").GetInt32(), (version, note) => new
        {
            kind = stored.GetProperty("kind"),
            title = stored.GetProperty("label"),
            plannedOn = stored.GetProperty("plannedOn"),
            doneOn = stored.GetProperty("doneOn"),
            note,
            version,
        }, NoteAsync);
    }

    [Fact]
    public async Task Audit_by_page_and_api()
    {
        var id = await factory.WithDbAsync(db => db.Set<Audit>().Where(a => a.Structure.Code == "pref-73").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        Task<string?> ConclusionAsync() => factory.WithDbAsync(db => db.Set<Audit>().Where(a => a.Id == id).Select(a => a.Conclusion).SingleAsync());

        await PageRefusesStaleWriteAsync($"/structures/pref-73/audits/{id}/modifier", "main form[method=post]:not([enctype])", "Input.Conclusion", ConclusionAsync);

        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/v1/structures/pref-73/audits/{id}");
        await ApiRefusesStaleWriteAsync(api, $"/api/v1/structures/pref-73/audits/{id}", stored.GetProperty("version").GetInt32(), (version, conclusion) => new
        {
            kind = stored.GetProperty("kind"),
            body = stored.GetProperty("body"),
            referentialId = stored.GetProperty("referentialId"),
            startDate = stored.GetProperty("startDate"),
            endDate = stored.GetProperty("endDate"),
            auditors = stored.GetProperty("auditors"),
            modules = stored.GetProperty("modules"),
            services = stored.GetProperty("services"),
            conclusion,
            version,
        }, ConclusionAsync);
    }

    [Fact]
    public async Task Perimeter_by_page_and_api()
    {
        Task<string> DecidedByAsync() => factory.WithDbAsync(db => db.Perimeters.Where(p => p.Structure.Code == "pref-73")
            .OrderByDescending(p => p.Referential.EffectiveFrom).Select(p => p.DecidedBy).FirstAsync());

        await PageRefusesStaleWriteAsync("/structures/pref-73/perimetre/modifier", "main form[method=post]", "Input.DecidedBy", DecidedByAsync);

        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var stored = (await api.GetFromJsonAsync<JsonElement>("/api/v1/structures/pref-73/perimeter"))[0];
        var modules = stored.GetProperty("modules").EnumerateArray().ToDictionary(m => m.GetProperty("number").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            m => m.GetProperty("services").EnumerateArray().Select(s => s.GetString()!).ToArray());
        await ApiRefusesStaleWriteAsync(api, "/api/v1/structures/pref-73/perimeter", stored.GetProperty("version").GetInt32(), (version, decidedBy) => new
        {
            referentialId = stored.GetProperty("referentialId"),
            decidedOn = stored.GetProperty("decidedOn"),
            decidedBy,
            modules,
            version,
        }, DecidedByAsync);
    }

    [Fact]
    public async Task Sp_plus_mapping_by_page_and_api()
    {
        Task<int> CountAsync() => factory.WithDbAsync(db => db.SpPlusMappings.CountAsync(m => m.SpPlusCommitment.Number == 3));
        var before = await CountAsync();
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var first = await admin.GetPageAsync("/services-publics-plus/3/correspondances");
        var second = await admin.GetPageAsync("/services-publics-plus/3/correspondances");
        var checkedBoxes = first.QuerySelectorAll("main form[method=post] input[name=Engagements]:checked").Select(i => i.GetAttribute("value")!).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(first, "main form[method=post]", new() { ["Engagements"] = string.Join('\n', checkedBoxes.Skip(1)) })).StatusCode);
        var conflict = await admin.SubmitAsync(second, "main form[method=post]", new() { ["Engagements"] = "" });
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(conflict)).QuerySelector("#conflit-version"));
        Assert.Equal(before - 1, await CountAsync());

        using var api = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        var referentialId = await factory.WithDbAsync(db => db.Referentials.Where(r => r.Code == "quali-ate").Select(r => r.Id).SingleAsync());
        var version = (await api.GetFromJsonAsync<JsonElement>("/api/v1/sp-plus")).EnumerateArray().Single(c => c.GetProperty("number").GetInt32() == 3).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await api.PutAsJsonAsync("/api/v1/sp-plus/3/mapping", new { referentialId, engagements = new[] { 1, 2 }, version })).StatusCode);
        var stale = await api.PutAsJsonAsync("/api/v1/sp-plus/3/mapping", new { referentialId, engagements = new[] { 3 }, version });
        await AssertConflictAsync(stale, version + 1);
        Assert.Equal(2, await CountAsync());
    }

    [Fact]
    public async Task Indicator_value_by_page_and_api()
    {
        Task<string?> CommentAsync() => factory.WithDbAsync(db => db.Set<IndicatorValue>()
            .Where(v => v.Structure.Code == "pref-73" && v.Indicator.Code == "engagement-reseaux-sociaux" && v.Period == "2021").Select(v => v.Comment).SingleOrDefaultAsync());
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var created = await api.PutAsJsonAsync("/api/v1/structures/pref-73/indicators/engagement-reseaux-sociaux/values/2021", new { value = 10, comment = "Premier relevé" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);

        await PageRefusesStaleWriteAsync("/structures/pref-73/indicateurs/engagement-reseaux-sociaux/saisie?periode=2021", "main form", "Input.Comment", CommentAsync);

        var version = (await api.GetFromJsonAsync<JsonElement>("/api/v1/structures/pref-73/indicators?year=2021")).EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "engagement-reseaux-sociaux").GetProperty("entryVersion").GetInt32();
        await ApiRefusesStaleWriteAsync(api, "/api/v1/structures/pref-73/indicators/engagement-reseaux-sociaux/values/2021", version,
            (v, comment) => new { value = 11, comment, version = v }, CommentAsync, versionProperty: "entryVersion");
    }

    [Fact]
    public async Task Someone_who_did_not_see_an_existing_entry_does_not_replace_it_silently()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        const string url = "/api/v1/structures/pref-73/indicators/engagement-reseaux-sociaux/values/2020";
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(url, new { value = 10, comment = "Vu par personne" })).StatusCode);
        var blind = await api.PutAsJsonAsync(url, new { value = 20 });
        var problem = await AssertConflictAsync(blind, 0);
        Assert.Contains("a déjà enregistré", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_target_by_page()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        Task<double?> TargetAsync() => factory.WithDbAsync(db => db.Set<LocalTarget>()
            .Where(t => t.Structure.Code == "pref-73" && t.Indicator.Code == "delai-courriers" && t.FromYear == 2031).Select(t => t.Target).SingleOrDefaultAsync());
        var first = await referent.GetPageAsync("/structures/pref-73/indicateurs/reglages");
        var second = await referent.GetPageAsync("/structures/pref-73/indicateurs/reglages");
        var fields = new Dictionary<string, string> { ["TargetIndicator"] = "delai-courriers", ["Target.FromYear"] = "2031", ["Target.Target"] = "91" };
        Assert.Equal(HttpStatusCode.Redirect, (await referent.SubmitAsync(first, "form[action*='handler=Target']", fields)).StatusCode);
        var conflict = await referent.SubmitAsync(second, "form[action*='handler=Target']", new(fields) { ["Target.Target"] = "97" });
        var page = await Browser.ParseAsync(conflict);
        Assert.NotNull(page.QuerySelector("#conflit-version"));
        Assert.Equal("97", ((IHtmlInputElement)page.QuerySelector("[name='Target.Target']")!).Value);
        Assert.Equal(91, await TargetAsync());

        // The conflict page carries the stored version: saving again is a deliberate replacement.
        Assert.Equal(HttpStatusCode.Redirect, (await referent.SubmitAsync(page, "form[action*='handler=Target']", [], action: "/structures/pref-73/indicateurs/reglages?handler=Target")).StatusCode);
        Assert.Equal(97, await TargetAsync());
    }

    [Fact]
    public async Task National_target_by_page()
    {
        Task<double?> TargetAsync() => factory.WithDbAsync(db => db.Set<NationalTarget>()
            .Where(t => t.Indicator.Code == "delai-courriers" && t.Indicator.StructureId == null && t.FromYear == 2032).Select(t => (double?)t.Value).SingleOrDefaultAsync());
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var first = await admin.GetPageAsync("/indicateurs/delai-courriers/cible-nationale");
        var second = await admin.GetPageAsync("/indicateurs/delai-courriers/cible-nationale");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(first, "main form", new() { ["Input.FromYear"] = "2032", ["Input.Target"] = "92" })).StatusCode);
        var conflict = await admin.SubmitAsync(second, "main form", new() { ["Input.FromYear"] = "2032", ["Input.Target"] = "96" });
        Assert.NotNull((await Browser.ParseAsync(conflict)).QuerySelector("#conflit-version"));
        Assert.Equal(92, await TargetAsync());
    }

    [Fact]
    public async Task Sp_plus_target_by_page_and_api()
    {
        Task<string?> SourceAsync() => factory.WithDbAsync(db => db.Set<SpPlusTarget>().Where(t => t.Year == 2026).Select(t => t.Source).SingleAsync());
        await PageRefusesStaleWriteAsync("/services-publics-plus/cibles?annee=2026", "main form[method=post]:not([action*='handler='])", "Input.Source", SourceAsync, DemoData.Admin.Email);

        using var api = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        var version = (await api.GetFromJsonAsync<JsonElement>("/api/v1/sp-plus/targets")).EnumerateArray().Single(t => t.GetProperty("year").GetInt32() == 2026).GetProperty("version").GetInt32();
        await ApiRefusesStaleWriteAsync(api, "/api/v1/sp-plus/targets/2026", version, (v, source) => new { percent = 100, source, version = v }, SourceAsync);
    }

    [Fact]
    public async Task Response_deadline_by_page_and_api()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var list = await api.PutAsJsonAsync("/api/v1/structures/sp-albertville/deadlines", new { channel = "email", effectiveFrom = "2021-01-01", days = 5 });
        var rule = (await list.JsonAsync()).EnumerateArray().Single(d => d.GetProperty("effectiveFrom").GetString() == "2021-01-01");
        Task<int> DaysAsync() => factory.WithDbAsync(db => db.Set<ResponseDeadline>().Where(d => d.Structure.Code == "sp-albertville" && d.EffectiveFrom == new DateOnly(2021, 1, 1)).Select(d => d.Days).SingleAsync());

        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var url = $"/structures/sp-albertville/registres/delais?id={rule.GetProperty("id").GetInt32()}";
        var first = await referent.GetPageAsync(url);
        var second = await referent.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await referent.SubmitAsync(first, "main form[novalidate]", new() { ["Input.Days"] = "6" }, action: "/structures/sp-albertville/registres/delais")).StatusCode);
        var conflict = await referent.SubmitAsync(second, "main form[novalidate]", new() { ["Input.Days"] = "8" }, action: "/structures/sp-albertville/registres/delais");
        Assert.NotNull((await Browser.ParseAsync(conflict)).QuerySelector("#conflit-version"));
        Assert.Equal(6, await DaysAsync());

        var version = (await api.GetFromJsonAsync<JsonElement>("/api/v1/structures/sp-albertville/deadlines")).EnumerateArray()
            .Single(d => d.GetProperty("effectiveFrom").GetString() == "2021-01-01").GetProperty("version").GetInt32();
        var saved = await api.PutAsJsonAsync("/api/v1/structures/sp-albertville/deadlines", new { channel = "email", effectiveFrom = "2021-01-01", days = 7, version });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await AssertConflictAsync(await api.PutAsJsonAsync("/api/v1/structures/sp-albertville/deadlines", new { channel = "email", effectiveFrom = "2021-01-01", days = 9, version }), version + 1);
        Assert.Equal(7, await DaysAsync());
    }

    [Fact]
    public async Task Register_line_by_page()
    {
        var structureId = await factory.WithDbAsync(db => db.Structures.Where(s => s.Code == "pref-73").Select(s => s.Id).SingleAsync());
        var reference = await factory.WithDbAsync(db => db.Set<CorrespondenceItem>()
            .Where(i => i.StructureId == structureId && i.AnsweredOn != null).OrderBy(i => i.Reference).Select(i => i.Reference).FirstAsync());
        Task<DateOnly?> AnsweredAsync() => factory.WithDbAsync(db => db.Set<CorrespondenceItem>().Where(i => i.StructureId == structureId && i.Reference == reference).Select(i => i.AnsweredOn).SingleAsync());
        var received = await factory.WithDbAsync(db => db.Set<CorrespondenceItem>().Where(i => i.StructureId == structureId && i.Reference == reference).Select(i => i.ReceivedOn).SingleAsync());

        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var url = $"/structures/pref-73/registres/courriers/saisie?reference={Uri.EscapeDataString(reference)}";
        var first = await referent.GetPageAsync(url);
        var second = await referent.GetPageAsync(url);
        var firstDate = received.AddDays(1);
        Assert.Equal(HttpStatusCode.Redirect, (await referent.SubmitAsync(first, "main form", new() { ["Input.AnsweredOn"] = firstDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })).StatusCode);
        var conflict = await referent.SubmitAsync(second, "main form", new() { ["Input.AnsweredOn"] = received.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(conflict)).QuerySelector("#conflit-version"));
        Assert.Equal(firstDate, await AnsweredAsync());
    }

    /// <summary>Two tabs read the edit page; the first saves, the second is refused with a French alert, keeps its input,
    /// and the stored value is the first's.</summary>
    private async Task PageRefusesStaleWriteAsync<T>(string url, string form, string field, Func<Task<T>> stored, string? email = null)
    {
        using var browser = await Browser.LoginAsync(factory, email ?? DemoData.SavoieReferent.Email);
        var first = await browser.GetPageAsync(url);
        var second = await browser.GetPageAsync(url);
        var saved = await browser.SubmitAsync(first, form, new() { [field] = "Saisie de la première personne" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var conflict = await browser.SubmitAsync(second, form, new() { [field] = "Saisie de la seconde personne" });
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await Browser.ParseAsync(conflict);
        var alert = page.QuerySelector("#conflit-version");
        Assert.NotNull(alert);
        Assert.Contains("pendant que vous la modifiiez", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains(email is null ? DemoData.SavoieReferent.FullName : DemoData.Admin.FullName, alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("Saisie de la seconde personne", page.QuerySelector($"[name='{field}']") switch
        {
            IHtmlTextAreaElement area => area.Value,
            IHtmlInputElement input => input.Value,
            _ => "",
        }, StringComparison.Ordinal);
        Assert.Equal("Saisie de la première personne", (await stored())?.ToString());
    }

    /// <summary>PUT with the version read → 200 and one version more; the same PUT again → 409, nothing stored.</summary>
    private static async Task ApiRefusesStaleWriteAsync<T>(HttpClient api, string url, int version, Func<int, string, object> body, Func<Task<T>> stored,
        string versionProperty = "version")
    {
        var saved = await api.PutAsJsonAsync(url, body(version, "Par script, premier"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var json = await saved.JsonAsync();
        var item = json.ValueKind == JsonValueKind.Array ? json[0] : json;
        Assert.Equal(version + 1, item.GetProperty(versionProperty).GetInt32());

        await AssertConflictAsync(await api.PutAsJsonAsync(url, body(version, "Par script, second")), version + 1);
        Assert.Equal("Par script, premier", (await stored())?.ToString());
    }

    private static async Task<JsonElement> AssertConflictAsync(HttpResponseMessage response, int currentVersion)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("Conflit", problem.GetProperty("title").GetString());
        Assert.Contains("rien n'a été enregistré", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(currentVersion, problem.GetProperty("currentVersion").GetInt32());
        Assert.Equal(JsonValueKind.Object, problem.GetProperty("current").ValueKind);
        return problem;
    }
}
