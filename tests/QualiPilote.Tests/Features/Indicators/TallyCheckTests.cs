using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Indicators;
using QualiPilote.Web.Shared.Commands;

namespace QualiPilote.Tests.Features.Indicators;

/// <summary>The operator's check of stored tallies against a recount of the registers, from the <c>tallies</c> command and
/// the administrators' page: a tally damaged behind the app's back is found, named, and repaired.</summary>
public class TallyCheckTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<(int Code, string Output)> RunAsync(params string[] arguments)
    {
        await using var scope = factory.Scope();
        var command = scope.ServiceProvider.GetServices<IAppCommand>().Single(c => c.Name == "tallies");
        var output = new StringWriter();
        var code = await command.RunAsync(scope.ServiceProvider, arguments, output, CancellationToken.None);
        return (code, output.ToString());
    }

    /// <summary>What a lost update did in production: one month's row of e-mails short of an item answered on time.</summary>
    /// <returns>The code of the structure whose tally was damaged.</returns>
    private Task<string> DamageAsync() => factory.WithDbAsync(async db =>
    {
        var row = await db.Set<IndicatorTally>().Where(t => t.IndicatorCode == "delai-courriels" && t.Numerator > 0 && t.DueOn == null)
            .OrderBy(t => t.Id).FirstAsync();
        row.Numerator -= 1;
        row.Denominator -= 1;
        await db.SaveChangesAsync();
        return await db.Structures.Where(s => s.Id == row.StructureId).Select(s => s.Code).SingleAsync();
    });

    [Fact]
    public async Task The_command_finds_a_damaged_tally_names_it_and_repairs_it()
    {
        var (code, output) = await RunAsync("check");
        Assert.Equal(AppCommands.Success, code);
        Assert.Contains("aucun écart", output, StringComparison.Ordinal);

        var structure = await DamageAsync();
        (code, output) = await RunAsync("check");
        Assert.Equal(AppCommands.Failure, code);
        Assert.Contains($"{structure} : 1 écart avec le recomptage", output, StringComparison.Ordinal);
        Assert.Contains("delai-courriels", output, StringComparison.Ordinal);
        Assert.Contains("tallies repair", output, StringComparison.Ordinal);

        (code, output) = await RunAsync("repair", structure);
        Assert.Equal(AppCommands.Success, code);
        Assert.Contains("réparés", output, StringComparison.Ordinal);
        Assert.Equal(AppCommands.Success, (await RunAsync("check")).Code);
        await factory.AssertTalliesEqualARecountAsync(structure);

        Assert.Equal(AppCommands.BadUsage, (await RunAsync("check", "nulle-part")).Code);
        Assert.Equal(AppCommands.BadUsage, (await RunAsync("verify")).Code);
    }

    [Fact]
    public async Task The_administrators_page_shows_the_difference_and_repairs_after_confirmation()
    {
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        var start = await admin.GetPageAsync("/admin/comptages");
        Assert.Null(start.QuerySelector("table"));

        var structure = await DamageAsync();
        var checkedPage = await admin.GetPageAsync("/admin/comptages?verifier=oui");
        var row = checkedPage.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains($"({structure})", StringComparison.Ordinal));
        Assert.Contains("1 écart", row.TextContent, StringComparison.Ordinal);
        var repair = row.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/admin/comptages/{structure}/reparer", repair);

        // A POST without the confirmation field changes nothing.
        var confirmationPage = await admin.GetPageAsync(repair);
        Assert.Contains("recalculés depuis les registres", confirmationPage.QuerySelector(".qp-confirmation")!.TextContent, StringComparison.Ordinal);
        var unconfirmed = await admin.SubmitAsync(confirmationPage, ".qp-confirmation form", new() { ["confirmation"] = "" });
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("1 écart", (await Browser.ParseAsync(unconfirmed)).QuerySelector(".qp-confirmation")!.TextContent, StringComparison.Ordinal);

        var done = await admin.SubmitAsync(confirmationPage, ".qp-confirmation form", []);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/admin/comptages?verifier=oui", done.Headers.Location!.OriginalString);
        var after = await admin.GetPageAsync("/admin/comptages?verifier=oui");
        Assert.Contains("réparés", after.QuerySelector(".fr-alert--success")!.TextContent, StringComparison.Ordinal);
        await factory.AssertTalliesEqualARecountAsync(structure);
    }
}
