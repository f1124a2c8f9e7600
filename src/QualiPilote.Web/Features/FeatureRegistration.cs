using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.AuditTrail;
using QualiPilote.Web.Features.Audits;
using QualiPilote.Web.Features.Demo;
using QualiPilote.Web.Features.Indicators;
using QualiPilote.Web.Features.Labelling;
using QualiPilote.Web.Features.Notifications;
using QualiPilote.Web.Features.PublicResults;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Registers;
using QualiPilote.Web.Features.SelfAssessment;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Commands;

namespace QualiPilote.Web.Features;

/// <summary>The composition of Quali-Pilote's capabilities: their services, then their API endpoints.</summary>
public static class FeatureRegistration
{
    public static void AddFeatures(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddApi();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Converters.Add(new NulCharacterGuard.JsonConverter());
        });
        services.AddHostedService<StartupInitializer>();
        services.AddScoped<ReferentialImporter>();
        services.AddScoped<ReferentialExporter>();
        services.AddScoped<ReferentialSeeder>();
        services.AddScoped<ReferentialEditor>();
        services.AddScoped<StructureEditor>();
        services.AddScoped<PerimeterEditor>();
        services.AddScoped<MemberEditor>();
        services.AddAuditTrail();
        services.AddScoped<ActionPlanEditor>();
        services.AddScoped<ActionOriginLinks>();
        services.AddScoped<ActionPlanQuery>();
        services.AddScoped<AuditEditor>();
        services.AddScoped<MilestoneEditor>();
        builder.AddNotifications();
        services.AddSingleton(builder.Configuration.GetSection("Storage").Get<FileStoreOptions>() ?? new FileStoreOptions());
        services.AddSingleton<IFileStore, LocalFileStore>();
        services.AddAppCommand<Shared.Backups.BackupCommand>();
        services.AddScoped<DemoData>();
        services.AddScoped<AdminBootstrap>();
        services.AddScoped<CampaignQuery>();
        services.AddScoped<CampaignEditor>();
        services.AddScoped<EvidenceEditor>();
        services.AddScoped<SpPlusDiagnosticQuery>();
        services.AddScoped<SpPlusTargetEditor>();
        services.AddScoped<AuditorPack>();
        builder.AddIndicators();
    }

    public static void MapFeatures(this WebApplication app)
    {
        app.MapApiDocuments();
        var api = app.MapApiGroup();
        api.MapAuthApi();
        api.MapReferentialsApi();
        api.MapStructuresApi();
        api.MapMembersApi();
        api.MapAuditTrailApi();
        api.MapActionPlanApi();
        api.MapAuditsApi();
        api.MapLabellingApi();
        api.MapNotificationsApi();
        api.MapSelfAssessmentApi();
        api.MapIndicatorsApi();
        api.MapRegistersApi();
        api.MapPublicationsApi();
        app.MapPublicResults();
    }
}
