using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Demo;

/// <summary>A production start on an empty database: referentials loaded, no demo data or account,
/// and the first administrator created from the bootstrap settings.</summary>
public class ProductionStartTests
{
    [Fact]
    public async Task A_production_start_has_no_demo_account_but_its_bootstrap_administrator()
    {
        var path = Path.Combine(Path.GetTempPath(), $"qp-prod-{Guid.NewGuid():N}.db");
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Production");
                b.UseSetting("ConnectionStrings:Sqlite", $"Data Source={path};Pooling=False");
                b.UseSetting("Bootstrap:AdminEmail", "dmates@interieur.example");
                b.UseSetting("Bootstrap:AdminPassword", "Premier-Admin-2026");
            });
            using var client = factory.CreateClient();
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(2, await db.Referentials.CountAsync());
            Assert.Equal(0, await db.Structures.CountAsync());
            Assert.False(await db.Users.AnyAsync(u => u.Email == DemoData.Admin.Email));
            Assert.Equal(["dmates@interieur.example"], await db.Users.Select(u => u.Email).ToListAsync());

            var response = await client.PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative),
                System.Net.Http.Json.JsonContent.Create(new { email = "dmates@interieur.example", password = "Premier-Admin-2026" }));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
