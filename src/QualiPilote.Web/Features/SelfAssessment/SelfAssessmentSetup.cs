using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Referentials;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>The services of self-assessment campaigns, evidence, the SP+ diagnostic and the auditor pack.</summary>
public static class SelfAssessmentSetup
{
    public static void AddSelfAssessment(this IServiceCollection services)
    {
        services.AddScoped<IActionOriginLink, AssessmentOriginLink>();
        services.AddScoped<CampaignQuery>();
        services.AddScoped<IReferentialCampaigns, ReferentialCampaigns>();
        services.AddScoped<CampaignEditor>();
        services.AddScoped<EvidenceEditor>();
        services.AddScoped<SpPlusDiagnosticQuery>();
        services.AddScoped<SpPlusTargetEditor>();
        services.AddScoped<AuditorPack>();
    }
}
