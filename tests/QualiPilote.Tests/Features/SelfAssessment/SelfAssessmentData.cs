using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.SelfAssessment;

namespace QualiPilote.Tests.Features.SelfAssessment;

/// <summary>Reads what the self-assessment stored, for the tests' assertions.</summary>
internal static class SelfAssessmentData
{
    public static Task<RequirementAssessment> RowAsync(this AppFactory factory, int year, int engagement, string structure = "pref-73") =>
        factory.WithDbAsync(db => db.Set<RequirementAssessment>().AsNoTracking()
            .Include(a => a.Evidence).ThenInclude(l => l.Evidence)
            .Include(a => a.Action).ThenInclude(a => a!.Engagements)
            .SingleAsync(a => a.Campaign.Year == year && a.Campaign.Structure.Code == structure
                && a.Requirement.Engagement.Number == engagement && a.Requirement.Number == 1));

    public static Task<SelfAssessmentCampaign> CampaignAsync(this AppFactory factory, int year, string structure = "pref-73") =>
        factory.WithDbAsync(db => db.Set<SelfAssessmentCampaign>().AsNoTracking().Include(c => c.Assessments)
            .SingleAsync(c => c.Year == year && c.Structure.Code == structure));

    /// <summary>The field-name prefix of a requirement's row in an engagement form ("Rows[19]").</summary>
    public static string RowPrefix(IHtmlDocument page, int engagement) =>
        page.QuerySelector($"#engagement-{engagement} input[type=radio][name$='.Status']")?.GetAttribute("name")?.Replace(".Status", "", StringComparison.Ordinal)
        ?? throw new InvalidOperationException($"Pas de formulaire pour l'engagement {engagement}.");
}
