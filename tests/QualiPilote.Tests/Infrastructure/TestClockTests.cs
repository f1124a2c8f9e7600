using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Features.Registers;

namespace QualiPilote.Tests.Infrastructure;

public class TestClockTests(AppFactory factory) : IClassFixture<AppFactory>
{
    /// <summary>The demo registers are imported when the template database is seeded; the import decides which items are
    /// already late, so it must happen on the day the tests read on, not on the machine's.</summary>
    [Fact]
    public async Task The_demo_data_every_test_starts_from_was_imported_on_the_tests_day()
    {
        var imported = await factory.WithDbAsync(db => db.Set<RegisterImport>().Select(i => i.At).Distinct().ToListAsync());
        Assert.Equal([TestClock.Start.UtcDateTime], imported);
    }
}
