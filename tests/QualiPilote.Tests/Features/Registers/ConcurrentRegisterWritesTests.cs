using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Features.Indicators;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Registers;
using QualiPilote.Web.Shared.Versioning;
using static QualiPilote.Tests.Features.Registers.RegisterFiles;

namespace QualiPilote.Tests.Features.Registers;

/// <summary>Writers of one structure's registers take turns (RegisterLock): imports, item edits, deadline changes and undos
/// started together all end as they would one after the other, and the stored tallies equal a recount of the registers.</summary>
public class ConcurrentRegisterWritesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const int Imports = 12;
    private const int RowsPerImport = 100;
    private const int SharedReferences = 30;
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestClock.Start.UtcDateTime);

    /// <summary>Import <paramref name="k"/>: 70 references of its own and the 30 shared ones (which every import rewrites with
    /// its own dates), over the ten first months of 2026, answered on time, late, or not yet (due in the future or the past).</summary>
    private static string CorrespondenceFile(int k, string[] services)
    {
        var channels = new[] { "courrier", "courriel", "reclamation" };
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < RowsPerImport; i++)
        {
            var reference = i < SharedReferences ? $"PAR-{i:000}" : $"PAR-{k:00}-{i:000}";
            var received = i % 10 == 9 ? new DateOnly(2026, 11, 16 + (k + i) % 6) : new DateOnly(2026, 1 + (i + k) % 10, 1 + (i * 7 + k) % 27);
            DateOnly? answeredOn = ((i + k) % 4) switch
            {
                0 => received.AddDays(2),
                1 => received.AddDays(45),
                2 => received.AddDays(5 + k),
                _ => null,
            };
            var answered = answeredOn is { } on && on <= Today ? Date(on) : "";
            csv.Append(CultureInfo.InvariantCulture, $"{reference};{services[(i + k) % services.Length]};{channels[(i + k) % 3]};{Date(received)};{answered};{(i % 13 == 0 ? "non" : "oui")}\n");
        }
        return csv.ToString();
    }

    private static string CallsFile(int k) => "debut;fin;presentes;decroches\n"
        + string.Concat(Enumerable.Range(1, 10).Select(m => $"01/{m:00}/2026;{DateTime.DaysInMonth(2026, m)}/{m:00}/2026;{1000 + k * 10 + m};{900 + k * 10 + m}\n"));

    private static string AttendanceFile(int k) => "mois;site;categorie;nombre\n"
        + string.Concat(Enumerable.Range(1, 10).Select(m => $"2026-{m:00};accueil-general;etrangers;{300 + k * 5 + m}\n2026-{m:00};pan;;{40 + k + m}\n"));

    [Fact]
    public async Task Imports_edits_deadline_changes_and_undos_started_together_leave_tallies_equal_to_a_recount()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        // An import whose undo runs in the crowd: it owns rows nobody else touches.
        var toUndo = await ImportAsync(api, "pref-73", "correspondence", Utf8($"{Header}\nUNDO-1;DCL;courrier;03/02/2026;05/02/2026;oui\nUNDO-2;SG;courriel;04/03/2026;;oui\n"), query: "?confirm=true");
        Assert.Equal(HttpStatusCode.OK, toUndo.StatusCode);
        var undoBatch = (await toUndo.JsonAsync()).GetProperty("batch").GetInt32();
        // Demo lines that the item edits will correct, with the version each edit read.
        var ids = await factory.WithDbAsync(db => db.Structures.Where(s => s.Code == "pref-73" || s.Code == "ddt-73").ToDictionaryAsync(s => s.Code, s => s.Id));
        var edited = await factory.WithDbAsync(db => db.Set<CorrespondenceItem>().AsNoTracking()
            .Where(i => i.StructureId == ids["pref-73"] && i.ReceivedOn >= new DateOnly(2025, 1, 1) && i.AnsweredOn != null)
            .OrderBy(i => i.Reference).Take(10)
            .Join(db.Set<QualiPilote.Web.Features.Structures.Service>(), i => i.ServiceId, s => s.Id, (i, s) => new { i.Reference, i.BatchId, i.ReceivedOn, ServiceCode = s.Code, i.Channel })
            .ToListAsync());
        Assert.Equal(10, edited.Count);

        var start = new TaskCompletionSource();
        async Task<(string What, HttpStatusCode Status)> Run(string what, Func<Task<HttpResponseMessage>> request)
        {
            await start.Task;
            using var response = await request();
            return (what, response.StatusCode);
        }
        var work = new List<Task<(string What, HttpStatusCode Status)>>();
        for (var k = 0; k < Imports; k++)
        {
            var (structure, services) = k % 3 == 2 ? ("ddt-73", new[] { "ACC" }) : ("pref-73", new[] { "DCL", "SG", "CAB" });
            var file = Utf8(CorrespondenceFile(k, services));
            work.Add(Run($"import {k} {structure}", () => ImportAsync(api, structure, "correspondence", file, query: "?confirm=true")));
        }
        for (var k = 0; k < 2; k++)
        {
            var (callsFile, attendance) = (Utf8(CallsFile(k)), Utf8(AttendanceFile(k)));
            work.Add(Run($"appels {k}", () => ImportAsync(api, "ddt-73", "calls", callsFile, query: "?confirm=true")));
            work.Add(Run($"fréquentation {k}", () => ImportAsync(api, "ddt-73", "attendance", attendance, query: "?confirm=true")));
        }
        foreach (var (channel, month) in new[] { ("mail", 3), ("email", 5), ("complaint", 7), ("mail", 9) })
        {
            work.Add(Run($"délai {channel} {month}", () => api.PutAsJsonAsync("/api/v1/structures/pref-73/deadlines",
                new { channel, effectiveFrom = $"2026-{month:00}-01", days = 10 + month, workingDays = month % 2 == 1 })));
        }
        work.Add(Run("annulation", () => api.PostAsync(new Uri($"/api/v1/structures/pref-73/registers/imports/{undoBatch}/undo", UriKind.Relative), null)));
        var edits = edited.Select((item, n) => EditAsync(start.Task, item.Reference, item.ServiceCode, item.Channel, item.ReceivedOn, item.BatchId, n)).ToList();

        start.SetResult();
        var answers = await Task.WhenAll(work);
        var done = await Task.WhenAll(edits);

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{a.What} : {(int)a.Status}"));
        // An edit is refused only when an import rewrote its line first; these lines are the demo's, which no import here touches.
        Assert.All(done, Assert.True);
        await factory.AssertTalliesEqualARecountAsync("pref-73");
        await factory.AssertTalliesEqualARecountAsync("ddt-73");
        var references = await factory.WithDbAsync(db => db.Set<CorrespondenceItem>().AsNoTracking()
            .Where(i => i.Reference.StartsWith("PAR-") || i.Reference.StartsWith("UNDO-")).Select(i => i.StructureId + " " + i.Reference).ToListAsync());
        Assert.Equal(references.Count, references.Distinct().Count());
        Assert.DoesNotContain(references, r => r.Contains("UNDO-", StringComparison.Ordinal));
        // The shared references exist once in each structure; every import's own references are all there.
        Assert.Equal(2 * SharedReferences + Imports * (RowsPerImport - SharedReferences), references.Count);
        var calls = await factory.WithDbAsync(db => db.Set<CallRecord>().CountAsync(c => c.StructureId == ids["ddt-73"]));
        Assert.Equal(10, calls);
    }

    /// <summary>Corrects one line through the form's operation: answered two days after reception.</summary>
    private async Task<bool> EditAsync(Task start, string reference, string service, CorrespondenceChannel channel, DateOnly received, int version, int n)
    {
        await start;
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var structure = await db.Structures.SingleAsync(s => s.Code == "pref-73");
        var user = await db.Users.SingleAsync(u => u.Email == DemoData.SavoieReferent.Email);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.FullName)], "test"));
        var scopeOfUser = await scope.ServiceProvider.GetRequiredService<StructureAccess>().ScopeAsync(principal);
        try
        {
            var errors = await scope.ServiceProvider.GetRequiredService<CorrespondenceEditor>().SaveAsync(structure, scopeOfUser, principal, new CorrespondenceInput
            {
                Reference = reference,
                ServiceCode = service,
                Channel = channel,
                ReceivedOn = received,
                AnsweredOn = received.AddDays(2 + n % 3),
                HasContact = true,
                InPerimeter = true,
                Version = version,
            }, creating: false);
            Assert.Empty(errors);
            return true;
        }
        catch (StaleVersionException)
        {
            return false;
        }
    }
}
