using System.Net;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.AuditTrail;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.SelfAssessment;

namespace QualiPilote.Tests.Features.SelfAssessment;

/// <summary>The gap button saves its engagement's form and creates the action in one transaction (docs/adr/0039):
/// when the action cannot be created, the rows saved on the way are undone with it, journal included.</summary>
public class GapToActionUnitOfWorkTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_action_refused_after_the_rows_were_saved_leaves_the_rows_as_they_were()
    {
        using var relay = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        var page = await relay.GetPageAsync("/structures/pref-73/auto-diagnostic/2026/modules/1");
        var before = await factory.RowAsync(2026, 14);
        Assert.Equal(AssessmentStatus.InProgress, before.Status);
        Assert.True(before.CarriedOver);
        var (actions, journal) = await CountsAsync();
        var button = page.QuerySelector("#exigence-14-1 button[formaction]")!;

        // The row is saved as done first, and a done requirement is no gap: the action is refused after the row was written.
        var response = await relay.SubmitAsync(page, "#engagement-14 form", new()
        {
            [$"{SelfAssessmentData.RowPrefix(page, 14)}.Status"] = "Done",
            [$"{SelfAssessmentData.RowPrefix(page, 14)}.Comment"] = "Réalisé entre-temps.",
        }, action: button.GetAttribute("formaction"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("seul un écart", (await Browser.ParseAsync(response)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        var after = await factory.RowAsync(2026, 14);
        Assert.Equal(AssessmentStatus.InProgress, after.Status);
        Assert.Equal(before.Comment, after.Comment);
        Assert.Equal(before.Version, after.Version);
        Assert.True(after.CarriedOver);
        Assert.Null(after.ActionId);
        Assert.Equal((actions, journal), await CountsAsync());
    }

    private Task<(int Actions, int Journal)> CountsAsync() => factory.WithDbAsync(async db =>
        (await db.Set<ImprovementAction>().CountAsync(), await db.Set<AuditEntry>().CountAsync()));
}
