using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.SelfAssessment;

namespace QualiPilote.Tests.Features.ActionPlan;

/// <summary>The migration that replaced the stored origin address by the record's kind and id, run down and up again on
/// the demo data of each provider: down writes the addresses back, up finds every record again from its side, and an
/// address no record claims is kept in the origin's words.</summary>
public class ActionOriginMigrationTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Down_writes_the_addresses_back_and_up_finds_the_same_records_again()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/structures/pref-73/indicateurs/delai-courriels/2026-T4/action")).StatusCode);
        var before = await OriginsAsync();
        Assert.Equal(Enum.GetValues<OriginKind>(), before.Values.Where(o => o.Kind is not null).Select(o => o.Kind!.Value).Distinct().Order());
        var gap = before.Single(o => o.Value.Kind == OriginKind.Assessment);
        var gapRow = await factory.WithDbAsync(db => db.Set<RequirementAssessment>().Where(a => a.Id == gap.Value.Id)
            .Select(a => new { a.Campaign.Year, Engagement = a.Requirement.Engagement.Number, a.Requirement.Number }).SingleAsync());
        var manual = before.First(o => o.Value.Kind is null).Key;

        await factory.WithDbAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_ActionOriginReference", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(previous);
            Assert.Equal($"/structures/pref-73/auto-diagnostic/{gapRow.Year}#exigence-{gapRow.Engagement}-{gapRow.Number}", await UrlAsync(db, gap.Key));
            foreach (var (actionId, origin) in before)
            {
                Assert.Equal(origin.Kind is not null, await UrlAsync(db, actionId) is not null);
            }
            await db.Database.ExecuteSqlAsync($"""UPDATE "ImprovementActions" SET "OriginUrl" = '/structures/pref-73/avis/4' WHERE "Id" = {manual}""");
            await db.Database.MigrateAsync();
            return 0;
        });

        var after = await OriginsAsync();
        Assert.Equal(before, after);
        var detail = await factory.WithDbAsync(db => db.Set<ImprovementAction>().Where(a => a.Id == manual).Select(a => a.OriginDetail).SingleAsync());
        Assert.EndsWith("lien d'origine : /structures/pref-73/avis/4", detail, StringComparison.Ordinal);
    }

    private Task<Dictionary<int, (OriginKind? Kind, int? Id)>> OriginsAsync() => factory.WithDbAsync(async db =>
        (await db.Set<ImprovementAction>().AsNoTracking().Select(a => new { a.Id, a.OriginKind, a.OriginId }).ToListAsync())
            .ToDictionary(a => a.Id, a => (a.OriginKind, a.OriginId)));

    private static Task<string?> UrlAsync(DbContext db, int actionId) =>
        db.Database.SqlQuery<string?>($"""SELECT "OriginUrl" AS "Value" FROM "ImprovementActions" WHERE "Id" = {actionId}""").SingleAsync();
}
