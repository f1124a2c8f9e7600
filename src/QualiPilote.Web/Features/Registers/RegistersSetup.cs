using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>The services of the registers: the one writer per structure, the importers, their review and undo, the editors.</summary>
public static class RegistersSetup
{
    public static void AddRegisters(this IServiceCollection services)
    {
        services.AddScoped(sp => IRegisterDatabase.For(sp.GetRequiredService<Data.AppDbContext>()));
        services.AddScoped<RegisterLock>();
        services.AddScoped<CorrespondenceImporter>();
        services.AddScoped<CallsImporter>();
        services.AddScoped<AttendanceImporter>();
        services.AddScoped<ImportReview>();
        services.AddScoped<ImportUndo>();
        services.AddSingleton(sp => new StagedImports(sp.GetRequiredService<TimeProvider>(),
            StagedImports.FolderFrom(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>(), sp.GetRequiredService<FileStoreOptions>())));
        services.AddScoped<CorrespondenceEditor>();
        services.AddScoped<DeadlineEditor>();
        services.AddScoped<RegisterRecords>();
    }
}
