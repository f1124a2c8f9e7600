using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Labelling;

namespace QualiPilote.Web.Features.Audits;

/// <summary>The services of audits and their findings.</summary>
public static class AuditsSetup
{
    public static void AddAudits(this IServiceCollection services)
    {
        services.AddScoped<IActionOriginLink, FindingOriginLink>();
        services.AddScoped<IActionModuleScope, AuditedModules>();
        services.AddScoped<AuditEditor>();
        services.AddScoped<IMilestoneAudits, TimelineAudits>();
    }
}
