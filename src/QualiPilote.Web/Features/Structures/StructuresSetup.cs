namespace QualiPilote.Web.Features.Structures;

/// <summary>The services of structures, their services and their labelling perimeter.</summary>
public static class StructuresSetup
{
    public static void AddStructures(this IServiceCollection services)
    {
        services.AddScoped<StructureEditor>();
        services.AddScoped<PerimeterEditor>();
    }
}
