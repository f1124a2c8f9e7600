namespace QualiPilote.Web.Features.AuditTrail;

public static class AuditTrailSetup
{
    public static void AddAuditTrail(this IServiceCollection services)
    {
        services.AddScoped<AuditTrailQuery>();
        services.AddScoped<JournalRecords>();
        services.AddScoped<JournalPresenter>();
        services.AddScoped<JournalExporter>();
    }
}
