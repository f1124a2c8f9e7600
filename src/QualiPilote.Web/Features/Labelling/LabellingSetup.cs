namespace QualiPilote.Web.Features.Labelling;

/// <summary>The services of the labelling timeline.</summary>
public static class LabellingSetup
{
    public static void AddLabelling(this IServiceCollection services)
    {
        services.AddScoped<MilestoneEditor>();
    }
}
