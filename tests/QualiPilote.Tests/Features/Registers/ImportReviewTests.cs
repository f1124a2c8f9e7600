using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using QualiPilote.Tests.Features.Indicators;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Registers;
using static QualiPilote.Tests.Features.Registers.RegisterFiles;

namespace QualiPilote.Tests.Features.Registers;

/// <summary>An import that looks out of line is not stored until the user confirms it: the API answers 409 with the warnings
/// and stores it with ?confirm=true; the page keeps the file server side, so that confirming is one click and cancelling
/// stores nothing (issue 12: a random 40 000-row test file reached the public page at once).</summary>
public class ImportReviewTests(AppFactory factory) : IClassFixture<AppFactory>
{
    /// <summary><paramref name="count"/> letters received in the given month, answered the next day (on time), or 30 days later.</summary>
    private static string Letters(string prefix, int year, int month, int count, int late = 0, string service = "ACC")
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < count; i++)
        {
            var received = new DateOnly(year, month, 1 + i % 20);
            csv.Append($"{prefix}-{i:00000};{service};courrier;{Date(received)};{Date(received.AddDays(i < late ? 30 : 1))};oui\n");
        }
        return csv.ToString();
    }

    private Task<(int Items, int Batches)> StoredAsync(string structure) => factory.WithDbAsync(async db =>
    {
        var id = await db.Structures.Where(s => s.Code == structure).Select(s => s.Id).SingleAsync();
        return (await db.Set<CorrespondenceItem>().CountAsync(i => i.StructureId == id), await db.Set<RegisterImport>().CountAsync(b => b.StructureId == id));
    });

    [Fact]
    public void A_period_three_times_its_previous_year_is_out_of_line_and_a_period_without_a_previous_year_is_not()
    {
        var march25 = new DateOnly(2025, 3, 1);
        var march26 = new DateOnly(2026, 3, 1);
        var before = new Dictionary<(string, DateOnly), long> { [("delai-courriers", march25)] = 310 };
        var after = new Dictionary<(string, DateOnly), long>
        {
            [("delai-courriers", march25)] = 310,
            [("delai-courriers", march26)] = 1240,
            [("delai-courriels", new DateOnly(2026, 4, 1))] = 5000, // no April 2025: nothing to compare with
        };
        var warnings = ImportReview.VolumeWarnings(RegisterKind.Correspondence, before, after);
        Assert.Equal(["1 240 courriers en mars 2026 contre 310 en mars 2025 (4,0 fois plus)."], warnings.Select(w => w.Replace('\u202f', ' ').Replace('\u00a0', ' ')));

        // Just under 3×, or a volume the import did not raise: nothing.
        after[("delai-courriers", march26)] = 929;
        Assert.Empty(ImportReview.VolumeWarnings(RegisterKind.Correspondence, before, after));
        after[("delai-courriers", march26)] = 1240;
        before[("delai-courriers", march26)] = 1240;
        Assert.Empty(ImportReview.VolumeWarnings(RegisterKind.Correspondence, before, after));

        // Spread over a quarter, no month reaches 3× but the quarter does.
        var quarterBefore = new Dictionary<(string, DateOnly), long> { [("appels-decroches", new DateOnly(2025, 1, 1))] = 100 };
        var quarterAfter = new Dictionary<(string, DateOnly), long>(quarterBefore)
        {
            [("appels-decroches", new DateOnly(2026, 1, 1))] = 200,
            [("appels-decroches", new DateOnly(2026, 2, 1))] = 200,
        };
        Assert.Equal(["400 appels présentés au 1er trimestre 2026 contre 100 au 1er trimestre 2025 (4,0 fois plus)."],
            ImportReview.VolumeWarnings(RegisterKind.Calls, quarterBefore, quarterAfter).Select(w => w.Replace('\u202f', ' ').Replace('\u00a0', ' ')));

        // Small figures are not compared.
        Assert.Empty(ImportReview.VolumeWarnings(RegisterKind.Correspondence, [], new() { [("delai-courriers", march25)] = 1, [("delai-courriers", march26)] = 9 }));
    }

    [Fact]
    public void Most_items_late_is_out_of_line_half_is_not()
    {
        Assert.Contains("31 des 60 éléments comptés", ImportReview.LateWarning(60, 31)!.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Null(ImportReview.LateWarning(60, 30));
        Assert.Null(ImportReview.LateWarning(10, 10));
    }

    [Fact]
    public async Task The_api_refuses_an_out_of_line_file_with_409_and_its_warnings_stores_nothing_and_stores_it_once_confirmed()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(api, "ddetspp-73", "correspondence", Utf8(Letters("A", 2025, 3, 30)))).StatusCode);
        var before = await StoredAsync("ddetspp-73");

        var file = Utf8(Letters("B", 2026, 3, 100));
        var refused = await ImportAsync(api, "ddetspp-73", "correspondence", file);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("Conflit", problem.GetProperty("title").GetString());
        Assert.Equal(100, problem.GetProperty("imported").GetInt32());
        var warning = Assert.Single(problem.GetProperty("warnings").EnumerateArray()).GetString()!.Replace('\u202f', ' ').Replace('\u00a0', ' ');
        Assert.Equal("100 courriers en mars 2026 contre 30 en mars 2025 (3,3 fois plus).", warning);
        Assert.Equal(before, await StoredAsync("ddetspp-73"));

        Assert.Equal(HttpStatusCode.BadRequest, (await ImportAsync(api, "ddetspp-73", "correspondence", file, query: "?confirm=oui")).StatusCode);
        var confirmed = await ImportAsync(api, "ddetspp-73", "correspondence", file, query: "?confirm=true");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal((before.Items + 100, before.Batches + 1), await StoredAsync("ddetspp-73"));
        await factory.AssertTalliesEqualARecountAsync("ddetspp-73");

        // Imported again, the same file changes nothing: no review, no new rows.
        var again = await (await ImportAsync(api, "ddetspp-73", "correspondence", file)).JsonAsync();
        Assert.Equal((0, 0, 100), (again.GetProperty("imported").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task The_testers_random_40000_row_file_does_not_reach_the_demo_figures_without_confirmation()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var random = new Random(12);
        var channels = new[] { "courrier", "courriel", "reclamation" };
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 40_000; i++)
        {
            var received = new DateOnly(2026, 1, 1).AddDays(random.Next(280)); // answers stay before "today" (23/11/2026)
            var answer = random.Next(4) == 0 ? "" : Date(received.AddDays(random.Next(40)));
            csv.Append($"T-{i:000000};DCL;{channels[random.Next(3)]};{Date(received)};{answer};oui\n");
        }
        var tallies = await factory.WithDbAsync(db => db.Set<Web.Features.Indicators.IndicatorTally>().CountAsync(t => t.StructureId == db.Structures.Single(x => x.Code == "pref-73").Id));
        var refused = await ImportAsync(api, "pref-73", "correspondence", Utf8(csv.ToString()));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.NotEmpty((await refused.JsonAsync()).GetProperty("warnings").EnumerateArray());
        Assert.DoesNotContain("T-000001", await factory.WithDbAsync(db => db.Set<CorrespondenceItem>().Where(i => i.Reference == "T-000001").Select(i => i.Reference).ToListAsync()));
        Assert.Equal(tallies, await factory.WithDbAsync(db => db.Set<Web.Features.Indicators.IndicatorTally>().CountAsync(t => t.StructureId == db.Structures.Single(x => x.Code == "pref-73").Id)));
    }

    [Fact]
    public async Task Most_items_late_is_refused_until_confirmed_and_an_ordinary_file_goes_straight_in()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var ordinary = await ImportAsync(api, "ddt-73", "correspondence", Utf8(Letters("O", 2024, 5, 40, late: 20)));
        Assert.Equal(HttpStatusCode.OK, ordinary.StatusCode);

        var before = await StoredAsync("ddt-73");
        var late = await ImportAsync(api, "ddt-73", "correspondence", Utf8(Letters("L", 2024, 6, 40, late: 30)));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var warning = Assert.Single((await late.JsonAsync()).GetProperty("warnings").EnumerateArray()).GetString()!.Replace('\u202f', ' ').Replace('\u00a0', ' ');
        Assert.StartsWith("30 des 40 éléments comptés du fichier (75,00 %) sont hors délai", warning, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync("ddt-73"));
    }

    [Fact]
    public async Task The_page_keeps_the_upload_confirming_stores_it_once_and_cancelling_stores_nothing()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(api, "sgcd-73", "correspondence", Utf8(Letters("P", 2025, 2, 25, service: "SGCD-BRH")))).StatusCode);
        var before = await StoredAsync("sgcd-73");

        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        const string url = "/structures/sgcd-73/registres/courriers/importer";
        var response = await browser.SubmitAsync(await browser.GetPageAsync(url), "main form", [],
            new() { ["Upload"] = ("fichier-de-test.csv", Utf8(Letters("Q", 2026, 2, 200, service: "SGCD-BRH"))) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var review = await Browser.ParseAsync(response);
        var alert = review.QuerySelector("#revue-import")!.TextContent.Replace('\u202f', ' ').Replace('\u00a0', ' ');
        Assert.Contains("200 courriers en février 2026 contre 25 en février 2025 (8,0 fois plus).", alert, StringComparison.Ordinal);
        Assert.Contains("Rien n'a été enregistré", alert, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync("sgcd-73"));
        var staged = review.QuerySelector("input[name=Staged]")!.GetAttribute("value")!;

        // Only the user who uploaded it can confirm it.
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var stranger = await admin.PostAsync(url + "?handler=confirm", new() { ["Staged"] = staged });
        Assert.Contains("n'existe plus", (await Browser.ParseAsync(stranger)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StoredAsync("sgcd-73"));

        var confirmed = await browser.SubmitAsync(review, "form[action*=confirm]", []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal((before.Items + 200, before.Batches + 1), await StoredAsync("sgcd-73"));
        // A second click on the same confirmation finds nothing to store.
        var twice = await browser.SubmitAsync(review, "form[action*=confirm]", []);
        Assert.Contains("n'existe plus", (await Browser.ParseAsync(twice)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((before.Items + 200, before.Batches + 1), await StoredAsync("sgcd-73"));

        // Cancelled: nothing stored, the kept file is gone.
        var other = await browser.SubmitAsync(await browser.GetPageAsync(url), "main form", [],
            new() { ["Upload"] = ("autre.csv", Utf8(Letters("R", 2026, 2, 300, service: "SGCD-BRH"))) });
        var otherReview = await Browser.ParseAsync(other);
        var otherId = otherReview.QuerySelector("input[name=Staged]")!.GetAttribute("value")!;
        var cancel = await browser.SubmitAsync(otherReview, "form[action*=confirm]", [], action: url + "?handler=cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Equal((before.Items + 200, before.Batches + 1), await StoredAsync("sgcd-73"));
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.SavoieReferent.Email).Select(u => u.Id).SingleAsync());
        var sgcd = await factory.WithDbAsync(db => db.Structures.Where(s => s.Code == "sgcd-73").Select(s => s.Id).SingleAsync());
        var staging = (StagedImports)factory.Services.GetService(typeof(StagedImports))!;
        Assert.Null(staging.Find(otherId, userId, sgcd, RegisterKind.Correspondence));
        await factory.AssertTalliesEqualARecountAsync("sgcd-73");
    }

    [Fact]
    public async Task A_staged_file_lives_one_hour_then_is_swept()
    {
        var folder = Directory.CreateTempSubdirectory("qp-staging-").FullName;
        try
        {
            var clock = new FakeTimeProvider(TestClock.Start);
            var staging = new StagedImports(clock, folder);
            using var content = new MemoryStream(Utf8("contenu"));
            var staged = await staging.StageAsync(content, "../../registre.csv", "user-1", 7, RegisterKind.Calls, CancellationToken.None);
            Assert.Equal("registre.csv", staged.FileName);
            Assert.NotNull(staging.Find(staged.Id, "user-1", 7, RegisterKind.Calls));
            Assert.Null(staging.Find(staged.Id, "user-2", 7, RegisterKind.Calls));
            Assert.Null(staging.Find(staged.Id, "user-1", 8, RegisterKind.Calls));
            Assert.Null(staging.Find(staged.Id, "user-1", 7, RegisterKind.Attendance));
            Assert.Null(staging.Find("../" + staged.Id, "user-1", 7, RegisterKind.Calls));

            clock.Advance(StagedImports.Lifetime);
            Assert.Null(staging.Find(staged.Id, "user-1", 7, RegisterKind.Calls));
            Assert.Empty(Directory.EnumerateFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
