namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>The services of the action plan.</summary>
public static class ActionPlanSetup
{
    public static void AddActionPlan(this IServiceCollection services)
    {
        services.AddScoped<ActionPlanEditor>();
        services.AddScoped<ActionOriginLinks>();
        services.AddScoped<ActionPlanQuery>();
    }
}
