using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Indicators;
using QualiPilote.Web.Features.Registers;
using static QualiPilote.Tests.Features.Registers.RegisterFiles;

namespace QualiPilote.Tests.Features.Indicators;

/// <summary>Unanswered items whose deadline has passed are counted in their month's tally without a due date, so that a large
/// register keeps one row per month, service and channel (its own app: the test moves the clock forward).</summary>
public class TallyFoldTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private sealed record TallyRow(DateOnly Month, int? ServiceId, DateOnly? DueOn, long Numerator, long Denominator, long Excluded, long Open);

    private Task<List<TallyRow>> MailTalliesAsync() => factory.WithDbAsync(async db =>
    {
        var ddt = await db.Structures.SingleAsync(s => s.Code == "ddt-73");
        return await db.Set<IndicatorTally>().AsNoTracking()
            .Where(t => t.StructureId == ddt.Id && t.IndicatorCode == "delai-courriers" && t.Month >= new DateOnly(2026, 10, 1))
            .OrderBy(t => t.Month).ThenBy(t => t.ServiceId).ThenBy(t => t.DueOn)
            .Select(t => new TallyRow(t.Month, t.ServiceId, t.DueOn, t.Numerator, t.Denominator, t.Excluded, t.Open))
            .ToListAsync();
    });

    private static async Task<JsonElement> MailAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/structures/ddt-73/indicators?year=2026&quarter=4"))
        .EnumerateArray().Single(e => e.GetProperty("code").GetString() == "delai-courriers");

    private static (int Numerator, int Denominator, int Pending) Counts(JsonElement value) =>
        (value.GetProperty("numerator").GetInt32(), value.GetProperty("denominator").GetInt32(), value.GetProperty("pending").GetInt32());

    [Fact]
    public async Task Passed_due_dates_are_folded_by_the_next_write_and_the_figures_stay_those_of_a_recount()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var file = $"""
            {Header}
            F-1;ACC;courrier;20/11/2026;;oui
            F-2;ACC;courrier;01/10/2026;;oui
            F-3;ACC;courrier;19/11/2026;;oui
            """;
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(api, "ddt-73", "correspondence", Utf8(file))).StatusCode);

        // F-2 was due on 15/10: late for good, counted in October without a due date. F-1 and F-3 are due in December.
        var rows = await MailTalliesAsync();
        Assert.Equal(new TallyRow(new DateOnly(2026, 10, 1), rows[0].ServiceId, null, 0, 0, 0, 1), rows[0]);
        Assert.Equal([new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 4)], rows.Skip(1).Select(r => r.DueOn!.Value));
        Assert.Equal((0, 1, 2), Counts(await MailAsync(api)));

        // Their deadlines pass: the figures change at once, without a write.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero));
        using var later = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        Assert.Equal((0, 3, 0), Counts(await MailAsync(later)));

        // The next write to November folds their rows into November's; F-1 answered late then leaves the open count.
        var next = $"""
            {Header}
            F-1;ACC;courrier;20/11/2026;09/12/2026;oui
            F-4;ACC;courrier;25/11/2026;26/11/2026;oui
            """;
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(later, "ddt-73", "correspondence", Utf8(next))).StatusCode);
        rows = await MailTalliesAsync();
        Assert.All(rows, r => Assert.Null(r.DueOn));
        Assert.Equal(new TallyRow(new DateOnly(2026, 11, 1), rows[1].ServiceId, null, 1, 2, 0, 1), rows[1]);
        Assert.Equal((1, 4, 0), Counts(await MailAsync(later)));

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ddt = await db.Structures.SingleAsync(s => s.Code == "ddt-73");
            await using var transaction = await scope.ServiceProvider.GetRequiredService<RegisterLock>().BeginAsync(ddt.Id);
            await scope.ServiceProvider.GetRequiredService<TallyStore>().RebuildCorrespondenceAsync(ddt.Id, new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 1));
            await transaction.CommitAsync();
        }
        Assert.Equal(rows, await MailTalliesAsync());
    }
}
