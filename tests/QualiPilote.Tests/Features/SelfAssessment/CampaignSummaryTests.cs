using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.SelfAssessment;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Tests.Features.SelfAssessment;

/// <summary>The lists (campaigns, home page, API) count without loading grids: their figures must be the grid's,
/// for closed campaigns, open ones with answers carried over, and open ones whose perimeter changed since their rows were made.</summary>
public class CampaignSummaryTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Summaries_count_exactly_what_the_grid_shows()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.LozereReferent.Email);
        await using var scope = factory.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var editor = scope.ServiceProvider.GetRequiredService<PerimeterEditor>();
        var structure = await db.Structures.SingleAsync(s => s.Code == "pref-48");
        var perimeter = (await editor.ListAsync(structure.Id)).Single();
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/structures/pref-48/campaigns", new { year = 2026, referentialId = perimeter.ReferentialId })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/v1/structures/pref-48/campaigns/2026/assessments/4.1", new { status = "done" }, ApiClient.Json)).StatusCode);

        // The perimeter changes after the rows were made: module 7 comes in (its rows do not exist yet), an optional module leaves.
        var numbers = perimeter.Referential.Modules.ToDictionary(m => m.Id);
        var modules = perimeter.Modules.ToDictionary(m => numbers[m.ModuleId].Number, m => m.Services.Select(s => s.Service.Code).ToList());
        var leaving = perimeter.Modules.Select(m => numbers[m.ModuleId]).Where(m => !m.IsMandatory).MaxBy(m => m.Number)!;
        modules.Remove(leaving.Number);
        modules[7] = ["CAB"];
        Assert.Empty(await editor.SaveAsync(structure.Id, new PerimeterInput { ReferentialId = perimeter.ReferentialId, DecidedOn = perimeter.DecidedOn, DecidedBy = perimeter.DecidedBy, Modules = modules, Version = perimeter.Version }));

        var query = scope.ServiceProvider.GetRequiredService<CampaignQuery>();
        var campaigns = await db.Set<SelfAssessmentCampaign>().AsNoTracking().Include(c => c.Referential).ToListAsync();
        Assert.Contains(campaigns, c => c.IsClosed);
        var summaries = await query.SummarizeAsync(campaigns);
        foreach (var campaign in campaigns)
        {
            var grid = await query.LoadGridAsync(campaign);
            var expected = CampaignSummary.Of(grid);
            Assert.Equal((expected.Rate, expected.Confirmed, expected.CarriedOver), (summaries[campaign.Id].Rate, summaries[campaign.Id].Confirmed, summaries[campaign.Id].CarriedOver));
        }
        var lozere = summaries[campaigns.Single(c => c.StructureId == structure.Id).Id];
        Assert.Equal((1, 1), (lozere.Rate.Done, lozere.Confirmed));
        Assert.True(lozere.Rate.Unassessed > 0);
    }
}
