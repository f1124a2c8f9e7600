using QualiPilote.Web.Features.PublicResults;
using QualiPilote.Web.Features.Registers;
using QualiPilote.Web.Shared.Commands;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>Services of the indicators, registers and public results capabilities.</summary>
public static class IndicatorsSetup
{
    public static void AddIndicators(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<IndicatorCatalogue>();
        services.AddHostedService<IndicatorCatalogueInitializer>();
        services.AddScoped(sp => IRegisterDatabase.For(sp.GetRequiredService<Data.AppDbContext>()));
        services.AddScoped<RegisterLock>();
        services.AddScoped<TallyStore>();
        services.AddScoped<TallyCheck>();
        services.AddAppCommand<TalliesCommand>();
        services.AddScoped<IndicatorQuery>();
        services.AddScoped<DashboardQuery>();
        services.AddScoped<IndicatorEditor>();
        services.AddScoped<CorrespondenceImporter>();
        services.AddScoped<CallsImporter>();
        services.AddScoped<AttendanceImporter>();
        services.AddScoped<ImportReview>();
        services.AddScoped<ImportUndo>();
        services.AddSingleton(sp => new StagedImports(sp.GetRequiredService<TimeProvider>(),
            StagedImports.FolderFrom(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>(), sp.GetRequiredService<Shared.FileStoreOptions>())));
        services.AddScoped<CorrespondenceEditor>();
        services.AddScoped<DeadlineEditor>();
        services.AddScoped<RegisterRecords>();
        services.AddScoped<RegistersDemoData>();
        services.AddScoped<PublicResultsQuery>();
        services.AddScoped<PeriodPublisher>();
        services.AddSingleton(builder.Configuration.GetSection("Pdf").Get<PdfOptions>() ?? new PdfOptions());
        services.AddSingleton<IPdfRenderer, ChromiumPdfRenderer>();
    }
}
