using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.AuditTrail;
using QualiPilote.Web.Features.Referentials;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared.Versioning;

namespace QualiPilote.Web.Data;

/// <summary>The one model of Quali-Pilote. Each provider has a thin subclass
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>) that owns its migrations.
/// Every save of the app's context also writes the audit trail of what it changed, in the same transaction
/// (<see cref="AuditInterceptor"/>, added by <see cref="DatabaseSetup.AddDatabase"/>).</summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The key ring that signs cookies and antiforgery tokens, shared by every instance (Shared/Hosting/KeyRing.cs).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Referential> Referentials => Set<Referential>();
    public DbSet<Module> Modules => Set<Module>();
    public DbSet<Engagement> Engagements => Set<Engagement>();
    public DbSet<Requirement> Requirements => Set<Requirement>();
    public DbSet<SpPlusCommitment> SpPlusCommitments => Set<SpPlusCommitment>();
    public DbSet<SpPlusMapping> SpPlusMappings => Set<SpPlusMapping>();
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Perimeter> Perimeters => Set<Perimeter>();
    public DbSet<PerimeterModule> PerimeterModules => Set<PerimeterModule>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and in the audit trail, stable if members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
    }
}
