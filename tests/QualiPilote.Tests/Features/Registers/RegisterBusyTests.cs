using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Registers;
using static QualiPilote.Tests.Features.Registers.RegisterFiles;

namespace QualiPilote.Tests.Features.Registers;

/// <summary>A register writer that cannot get its turn within Registers:LockTimeoutSeconds answers a French 503 with
/// Retry-After, on the API and the pages, and writes nothing.</summary>
public class RegisterBusyTests(RegisterBusyTests.ImpatientFactory factory) : IClassFixture<RegisterBusyTests.ImpatientFactory>
{
    public sealed class ImpatientFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Registers:LockTimeoutSeconds", "1");
        }
    }

    [Fact]
    public async Task An_import_waiting_behind_another_writer_answers_503_in_french_and_stores_nothing()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        var form = await referent.GetPageAsync("/structures/sp-albertville/registres/courriers/importer");
        var batches = await factory.WithDbAsync(db => db.Set<RegisterImport>().CountAsync());
        var file = Utf8($"{Header}\nBUSY-1;ACC;courrier;03/02/2026;05/02/2026;oui\n");

        await using (var holder = factory.Scope())
        {
            var db = holder.ServiceProvider.GetRequiredService<AppDbContext>();
            var structure = await db.Structures.SingleAsync(s => s.Code == "sp-albertville");
            await using var held = await holder.ServiceProvider.GetRequiredService<RegisterLock>().BeginAsync(structure.Id);

            var refused = await ImportAsync(api, "sp-albertville", "correspondence", file, query: "?confirm=true");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("5", refused.Headers.GetValues("Retry-After").Single());
            var problem = await refused.JsonAsync();
            Assert.Equal("Service momentanément indisponible", problem.GetProperty("title").GetString());
            Assert.Contains("réessayez dans quelques instants", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

            var page = await referent.SubmitAsync(form, "main form", [], new() { ["Upload"] = ("registre.csv", file) });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("en cours d'écriture par une autre opération", (await Browser.ParseAsync(page)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(batches, await factory.WithDbAsync(db => db.Set<RegisterImport>().CountAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Set<CorrespondenceItem>().AnyAsync(i => i.Reference == "BUSY-1")));
        // Once the other writer is done, the same file goes in.
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(api, "sp-albertville", "correspondence", file, query: "?confirm=true")).StatusCode);
    }
}
