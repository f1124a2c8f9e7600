using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.SelfAssessment;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Tests.Features.SelfAssessment;

public class RealisationRateTests
{
    [Fact]
    public void Not_applicable_requirements_are_left_out_of_the_rate()
    {
        var rate = RealisationRate.Of([AssessmentStatus.Done, AssessmentStatus.Done, AssessmentStatus.NotApplicable, AssessmentStatus.NotEngaged]);
        Assert.Equal(3, rate.Applicable);
        Assert.Equal(200.0 / 3, rate.Percent!.Value, 6);
        Assert.Equal(1, rate.NotApplicable);
    }

    [Fact]
    public void A_requirement_not_yet_assessed_counts_as_applicable_and_not_done()
    {
        var rate = RealisationRate.Of([AssessmentStatus.Done, null]);
        Assert.Equal(50, rate.Percent);
        Assert.Equal(1, rate.Unassessed);
        Assert.Equal(1, rate.Assessed);
    }

    [Fact]
    public void Nothing_applicable_gives_no_rate_rather_than_zero()
    {
        Assert.Null(RealisationRate.Of([]).Percent);
        Assert.Null(RealisationRate.Of([AssessmentStatus.NotApplicable, AssessmentStatus.NotApplicable]).Percent);
        Assert.Equal(0, RealisationRate.Of([AssessmentStatus.NotEngaged, AssessmentStatus.InProgress]).Percent);
    }

    [Fact]
    public void An_empty_module_has_no_rate_and_weighs_nothing_in_the_structure_and_service_rates()
    {
        var dcl = new Service { Id = 1, Code = "DCL" };
        var sg = new Service { Id = 2, Code = "SG" };
        var full = Module(1, dcl, AssessmentStatus.Done, AssessmentStatus.NotEngaged, AssessmentStatus.NotApplicable);
        var empty = Module(2, sg);
        var grid = new CampaignGrid(new SelfAssessmentCampaign { Year = 2026 }, [full, empty]);

        Assert.Null(empty.Rate.Percent);
        Assert.Equal(50, full.Rate.Percent);
        Assert.Equal(50, grid.Rate.Percent);
        Assert.Equal(50, grid.RateOfService(dcl.Id).Percent);
        Assert.Null(grid.RateOfService(sg.Id).Percent);
    }

    private static int _ids;

    private static GridModule Module(int number, Service service, params AssessmentStatus?[] statuses)
    {
        var module = new Module { Id = number, Number = number, Title = $"Module {number}" };
        var engagements = statuses.Select(status =>
        {
            var id = Interlocked.Increment(ref _ids);
            var engagement = new Engagement { Id = id, ModuleId = module.Id, Number = id, Text = "…" };
            var requirement = new Requirement { Id = id, EngagementId = id, Number = 1, Text = "…" };
            return new GridEngagement(engagement, [new GridRow(new RequirementAssessment { RequirementId = id, Status = status }, requirement, engagement, [], null)]);
        }).ToList();
        return new GridModule(module, [service], engagements);
    }
}
