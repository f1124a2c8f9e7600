using System.Net;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Features.Indicators;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.AuditTrail;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Indicators;
using QualiPilote.Web.Features.Registers;
using static QualiPilote.Tests.Features.Registers.RegisterFiles;

namespace QualiPilote.Tests.Features.Registers;

/// <summary>Undoing a file import: inserted rows go, updated rows get back exactly what they held, tallies equal a recount,
/// the batch stays in the history marked undone and the journal says who did it; refused once a later write touched its
/// rows, and to anyone but the structure's quality referents.</summary>
public class ImportUndoTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string FirstFile = $"""
        {Header}
        U-1;ACC;courrier;03/03/2025;04/03/2025;oui
        U-2;ACC;courrier;03/03/2025;;oui
        U-3;SG;reclamation;04/03/2025;30/04/2025;non
        """;

    // Updates U-2 (answered) and U-3 (moved to April, counted), leaves U-1, adds U-4 and U-5.
    private const string SecondFile = $"""
        {Header}
        U-1;ACC;courrier;03/03/2025;04/03/2025;oui
        U-2;ACC;courrier;03/03/2025;20/03/2025;oui
        U-3;SG;reclamation;04/04/2025;05/04/2025;oui
        U-4;ACC;courriel;05/05/2025;06/05/2025;oui
        U-5;SG;courrier;06/06/2025;;oui
        """;

    private sealed record Row(string Reference, int ServiceId, CorrespondenceChannel Channel, DateOnly ReceivedOn, DateOnly? AnsweredOn, DateOnly DueOn,
        bool HasContact, bool InPerimeter, int BatchId);

    private sealed record Tally(string Code, DateOnly Month, int? ServiceId, string Category, DateOnly? DueOn, long Numerator, long Denominator, long Excluded, long Open);

    private Task<(List<Row> Rows, List<Tally> Tallies)> StateAsync(string structure) => factory.WithDbAsync(async db =>
    {
        var id = await db.Structures.Where(s => s.Code == structure).Select(s => s.Id).SingleAsync();
        var rows = await db.Set<CorrespondenceItem>().AsNoTracking().Where(i => i.StructureId == id).OrderBy(i => i.Reference)
            .Select(i => new Row(i.Reference, i.ServiceId, i.Channel, i.ReceivedOn, i.AnsweredOn, i.DueOn, i.HasContact, i.InPerimeter, i.BatchId)).ToListAsync();
        var tallies = (await db.Set<IndicatorTally>().AsNoTracking().Where(t => t.StructureId == id).ToListAsync())
            .Select(t => new Tally(t.IndicatorCode, t.Month, t.ServiceId, t.Category, t.DueOn, t.Numerator, t.Denominator, t.Excluded, t.Open))
            .OrderBy(t => t.Code).ThenBy(t => t.Month).ThenBy(t => t.ServiceId).ThenBy(t => t.Category).ThenBy(t => t.DueOn).ToList();
        return (rows, tallies);
    });

    private static async Task<int> BatchOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("batch").GetInt32();
    }

    private static Task<HttpResponseMessage> UndoAsync(HttpClient api, string structure, int batch) =>
        api.PostAsync(new Uri($"/api/v1/structures/{structure}/registers/imports/{batch}/undo", UriKind.Relative), null);

    [Fact]
    public async Task Undoing_the_last_import_restores_the_exact_previous_rows_and_tallies_and_records_who_did_it()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var first = await BatchOf(await ImportAsync(api, "sp-albertville", "correspondence", Utf8(FirstFile)));
        var afterFirst = await StateAsync("sp-albertville");
        var second = await BatchOf(await ImportAsync(api, "sp-albertville", "correspondence", Utf8(SecondFile)));
        Assert.NotEqual(afterFirst.Rows, (await StateAsync("sp-albertville")).Rows);

        var undone = await UndoAsync(api, "sp-albertville", second);
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);
        var body = await undone.JsonAsync();
        Assert.Equal((2, 2), (body.GetProperty("removed").GetInt32(), body.GetProperty("restored").GetInt32()));
        var afterUndo = await StateAsync("sp-albertville");
        Assert.Equal(afterFirst.Rows, afterUndo.Rows);
        Assert.Equal(afterFirst.Tallies, afterUndo.Tallies);
        await factory.AssertTalliesEqualARecountAsync("sp-albertville");

        var batch = await factory.WithDbAsync(db => db.Set<RegisterImport>().AsNoTracking().SingleAsync(b => b.Id == second));
        Assert.Equal(TestClock.Start.UtcDateTime, batch.UndoneAt);
        Assert.Equal(DemoData.SavoieReferent.Email, batch.UndoneByName);
        var journal = await factory.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.EntityType == nameof(RegisterImport) && e.EntityId == second.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == AuditAction.Updated)
            .ToListAsync());
        Assert.Contains(journal, e => e.After!.Contains("UndoneAt", StringComparison.Ordinal));
        Assert.Empty(await factory.WithDbAsync(db => db.Set<CorrespondencePreviousValue>().Where(p => p.BatchId == second).ToListAsync()));

        // Twice is refused; then the first import can go too, leaving the register as it was before both.
        Assert.Equal(HttpStatusCode.Conflict, (await UndoAsync(api, "sp-albertville", second)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UndoAsync(api, "sp-albertville", first)).StatusCode);
        Assert.Empty((await StateAsync("sp-albertville")).Rows);
        Assert.DoesNotContain((await StateAsync("sp-albertville")).Tallies, t => t.Code.StartsWith("delai", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_import_whose_rows_a_later_import_touched_cannot_be_undone_until_the_later_one_is()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var first = await BatchOf(await ImportAsync(api, "sp-saint-jean-de-maurienne", "correspondence", Utf8(FirstFile)));
        var second = await BatchOf(await ImportAsync(api, "sp-saint-jean-de-maurienne", "correspondence", Utf8(SecondFile)));
        var before = await StateAsync("sp-saint-jean-de-maurienne");

        var refused = await UndoAsync(api, "sp-saint-jean-de-maurienne", first);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = (await refused.JsonAsync()).GetProperty("detail").GetString()!;
        Assert.Contains("une écriture plus récente a modifié ou supprimé 2 de ses 3 lignes", detail, StringComparison.Ordinal);
        Assert.Contains($"n° {second}", detail, StringComparison.Ordinal);
        var unchanged = await StateAsync("sp-saint-jean-de-maurienne");
        Assert.Equal(before.Rows, unchanged.Rows);
        Assert.Equal(before.Tallies, unchanged.Tallies);

        // The page says the same, without a button.
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var page = await browser.GetPageAsync($"/structures/sp-saint-jean-de-maurienne/registres/imports/{first}/annuler");
        Assert.Contains("ne peut pas être annulé", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form button[type=submit]"));

        Assert.Equal(HttpStatusCode.OK, (await UndoAsync(api, "sp-saint-jean-de-maurienne", second)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UndoAsync(api, "sp-saint-jean-de-maurienne", first)).StatusCode);
    }

    [Fact]
    public async Task Only_the_structures_quality_referents_may_undo()
    {
        using var referent = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var batch = await BatchOf(await ImportAsync(referent, "pref-73", "correspondence", Utf8(FirstFile.Replace("ACC", "DCL", StringComparison.Ordinal).Replace(";SG;", ";DCL;", StringComparison.Ordinal))));
        foreach (var email in new[] { DemoData.SavoieRelay.Email, DemoData.SavoieAgent.Email, DemoData.SavoieAuditor.Email, DemoData.LozereReferent.Email })
        {
            using var api = await ApiClient.ForAsync(factory, email);
            Assert.Equal(HttpStatusCode.Forbidden, (await UndoAsync(api, "pref-73", batch)).StatusCode);
            using var browser = await Browser.LoginAsync(factory, email);
            var post = await browser.PostAsync($"/structures/pref-73/registres/imports/{batch}/annuler");
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
            Assert.DoesNotContain("/structures/pref-73/registres", post.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }
        Assert.Null(await factory.WithDbAsync(db => db.Set<RegisterImport>().Where(b => b.Id == batch).Select(b => b.UndoneAt).SingleAsync()));
        // Another structure's batch number is unknown here.
        Assert.Equal(HttpStatusCode.NotFound, (await UndoAsync(referent, "sgcd-73", batch)).StatusCode);
    }

    [Fact]
    public async Task The_confirmation_page_says_what_will_happen_and_the_post_undoes()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        await BatchOf(await ImportAsync(api, "ddt-73", "correspondence", Utf8(FirstFile.Replace(";SG;", ";ACC;", StringComparison.Ordinal))));
        var second = await BatchOf(await ImportAsync(api, "ddt-73", "correspondence", Utf8(SecondFile.Replace(";SG;", ";ACC;", StringComparison.Ordinal))));

        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var registers = await browser.GetPageAsync("/structures/ddt-73/registres");
        var link = registers.QuerySelectorAll("main a").Single(a => a.GetAttribute("href") == $"/structures/ddt-73/registres/imports/{second}/annuler");
        var page = await browser.GetPageAsync(link.GetAttribute("href")!);
        Assert.Contains("2 lignes seront retirées, 2 lignes retrouveront leur valeur précédente.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var response = await browser.SubmitAsync(page, "main form", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await browser.GetPageAsync("/structures/ddt-73/registres");
        Assert.Contains("Annulé", after.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, (await StateAsync("ddt-73")).Rows.Count);
        await factory.AssertTalliesEqualARecountAsync("ddt-73");
    }

    [Fact]
    public async Task Calls_and_attendance_imports_are_undone_the_same_way()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        const string calls = "debut;fin;presentes;decroches\n01/01/2025;31/01/2025;100;80\n01/02/2025;28/02/2025;100;90\n";
        const string attendance = "mois;site;categorie;nombre\n2025-01;accueil-general;;100\n2025-02;accueil-general;;120\n";
        await BatchOf(await ImportAsync(api, "ddetspp-73", "calls", Utf8(calls)));
        await BatchOf(await ImportAsync(api, "ddetspp-73", "attendance", Utf8(attendance)));
        var before = await StateAsync("ddetspp-73");
        var secondCalls = await BatchOf(await ImportAsync(api, "ddetspp-73", "calls", Utf8(calls.Replace(";80", ";70", StringComparison.Ordinal) + "01/03/2025;31/03/2025;50;40\n")));
        var secondAttendance = await BatchOf(await ImportAsync(api, "ddetspp-73", "attendance", Utf8(attendance.Replace(";120", ";130", StringComparison.Ordinal) + "2025-03;pan;;20\n")));
        Assert.NotEqual(before.Tallies, (await StateAsync("ddetspp-73")).Tallies);

        Assert.Equal(HttpStatusCode.OK, (await UndoAsync(api, "ddetspp-73", secondCalls)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UndoAsync(api, "ddetspp-73", secondAttendance)).StatusCode);
        Assert.Equal(before.Tallies, (await StateAsync("ddetspp-73")).Tallies);
        var (callRecords, visitors) = await factory.WithDbAsync(async db => (
            await db.Set<CallRecord>().Where(c => c.StructureId == db.Structures.Single(s => s.Code == "ddetspp-73").Id).OrderBy(c => c.Start).Select(c => c.Answered).ToListAsync(),
            await db.Set<AttendanceRecord>().Where(a => a.StructureId == db.Structures.Single(s => s.Code == "ddetspp-73").Id).OrderBy(a => a.Month).Select(a => a.Visitors).ToListAsync()));
        Assert.Equal([80, 90], callRecords);
        Assert.Equal([100, 120], visitors);
    }
}
