using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Indicators;

namespace QualiPilote.Tests.Features.Indicators;

public static class TallyRecount
{
    /// <summary>The structure's stored tallies (every register) equal a recount of its register rows.</summary>
    public static async Task AssertTalliesEqualARecountAsync(this AppFactory factory, string structure)
    {
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = await scope.ServiceProvider.GetRequiredService<TallyCheck>().CheckAsync(await db.Structures.SingleAsync(s => s.Code == structure));
        Assert.True(result.StoredRows > 0, $"{structure} has no tally to compare");
        Assert.True(result.Matches, string.Join(Environment.NewLine, result.Differences.Select(d => d.Describe(result.Services))));
    }
}
