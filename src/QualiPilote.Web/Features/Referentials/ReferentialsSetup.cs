namespace QualiPilote.Web.Features.Referentials;

/// <summary>The services of the referentials: import, export, the shipped files and their editing.</summary>
public static class ReferentialsSetup
{
    public static void AddReferentials(this IServiceCollection services)
    {
        services.AddScoped<ReferentialImporter>();
        services.AddScoped<ReferentialExporter>();
        services.AddScoped<ReferentialSeeder>();
        services.AddScoped<ReferentialEditor>();
    }
}
