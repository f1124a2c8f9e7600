using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Indicators;

namespace QualiPilote.Tests.Features.Indicators;

/// <summary>Checks that the response-time tallies a structure's writes kept equal a recount of its register.</summary>
public static class TallyRecount
{
    public static async Task AssertTalliesEqualARecountAsync(this AppFactory factory, string structure)
    {
        var (kept, recounted) = await factory.WithDbAsync(async db =>
        {
            var id = await db.Structures.Where(s => s.Code == structure).Select(s => s.Id).SingleAsync();
            Task<List<TallyRow>> SnapshotAsync() =>
                db.Set<IndicatorTally>().AsNoTracking().Where(t => t.StructureId == id && t.IndicatorCode.StartsWith("delai"))
                    .OrderBy(t => t.IndicatorCode).ThenBy(t => t.Month).ThenBy(t => t.ServiceId).ThenBy(t => t.DueOn)
                    .Select(t => new TallyRow(t.IndicatorCode, t.Month, t.ServiceId, t.DueOn, t.Numerator, t.Denominator, t.Excluded, t.Open))
                    .ToListAsync();
            var before = await SnapshotAsync();
            await new TallyStore(db, factory.Clock).RebuildCorrespondenceAsync(id, new DateOnly(2000, 1, 1), new DateOnly(2030, 12, 1));
            return (before, await SnapshotAsync());
        });
        Assert.NotEmpty(kept);
        Assert.Equal(recounted, kept);
    }

    private sealed record TallyRow(string Code, DateOnly Month, int? ServiceId, DateOnly? DueOn, long Numerator, long Denominator, long Excluded, long Open);
}
