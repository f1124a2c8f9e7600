using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Registers;
using QualiPilote.Web.Shared.Commands;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>The services of the indicators: catalogue, tallies and their check, dashboard and entered values.</summary>
public static class IndicatorsSetup
{
    public static void AddIndicators(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<IndicatorCatalogue>();
        services.AddHostedService<IndicatorCatalogueInitializer>();
        services.AddScoped<TallyStore>();
        services.AddScoped<IRegisterTallies>(provider => provider.GetRequiredService<TallyStore>());
        services.AddScoped<TallyCheck>();
        services.AddAppCommand<TalliesCommand>();
        services.AddScoped<IndicatorQuery>();
        services.AddScoped<DashboardQuery>();
        services.AddScoped<IndicatorEditor>();
        services.AddScoped<IActionOriginLink, AlertOriginLink>();
    }
}
