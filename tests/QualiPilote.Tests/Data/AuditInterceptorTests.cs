using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.AuditTrail;
using QualiPilote.Web.Features.Labelling;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Tests.Data;

/// <summary>The audit trail as the interceptor writes it outside any request, on the test database of the class
/// (SQLite, or PostgreSQL when configured): signed by the app itself, in one transaction with the change, all or nothing.</summary>
public class AuditInterceptorTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_save_outside_any_request_is_journaled_as_the_system_at_the_clocks_time()
    {
        await using var db = NewContext(SystemUser.Instance);
        var service = db.Services.Add(new Service { StructureId = await StructureIdAsync(db), Code = "HORS-REQ", Name = "Ajouté hors requête" }).Entity;
        Assert.Equal(1, await db.SaveChangesAsync());

        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Service) && e.EntityId == Key(service.Id));
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal("système", entry.UserName);
        Assert.Null(entry.UserId);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, entry.At);
        Assert.Equal(service.StructureId, entry.StructureId);
        Assert.Null(db.Database.CurrentTransaction);
    }

    [Fact]
    public async Task The_apps_own_context_signs_a_save_outside_any_request_as_the_system()
    {
        await using var scope = factory.Scope();
        Assert.IsType<HttpCurrentUser>(scope.ServiceProvider.GetRequiredService<ICurrentUser>());
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var service = db.Services.Add(new Service { StructureId = await StructureIdAsync(db), Code = "TACHE", Name = "Ajouté par une tâche" }).Entity;
        await db.SaveChangesAsync();

        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(Service) && e.EntityId == Key(service.Id));
        Assert.Equal(("système", (string?)null), (entry.UserName, entry.UserId));
    }

    [Fact]
    public async Task When_the_entries_cannot_be_written_the_change_is_rolled_back_with_them()
    {
        var entriesBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        await using (var db = NewContext(new BrokenAuthor()))
        {
            db.Services.Add(new Service { StructureId = await StructureIdAsync(db), Code = "SANS-JOURNAL", Name = "Jamais journalisé" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Null(db.Database.CurrentTransaction);
        }

        Assert.False(await factory.WithDbAsync(db => db.Services.AnyAsync(s => s.Code == "SANS-JOURNAL")));
        Assert.Equal(entriesBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task A_save_in_the_callers_transaction_leaves_it_to_the_caller_to_commit_or_roll_back()
    {
        var entriesBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        await using (var db = NewContext(SystemUser.Instance))
        {
            var structureId = await StructureIdAsync(db);
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Services.Add(new Service { StructureId = structureId, Code = "ANNULE", Name = "Annulé par l'appelant" });
            await db.SaveChangesAsync();
            Assert.Same(transaction, db.Database.CurrentTransaction);
            Assert.Equal(entriesBefore + 1, await db.AuditEntries.CountAsync());
            await transaction.RollbackAsync();
        }

        Assert.False(await factory.WithDbAsync(db => db.Services.AnyAsync(s => s.Code == "ANNULE")));
        Assert.Equal(entriesBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    /// <summary>EF Core tells no interceptor when a save fails on a concurrency token: the interceptor's own transaction
    /// must not stay open on the context, or the next save would run in it and never be committed.</summary>
    [Fact]
    public async Task A_save_refused_on_a_stale_version_leaves_no_transaction_open_for_the_next_save()
    {
        await using (var db = NewContext(SystemUser.Instance))
        {
            var milestone = await db.Set<Milestone>().OrderBy(m => m.Id).FirstAsync();
            db.Entry(milestone).Property(m => m.Version).OriginalValue = milestone.Version - 1;
            milestone.Note = "Copie périmée";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            Assert.Null(db.Database.CurrentTransaction);

            db.ChangeTracker.Clear();
            db.Services.Add(new Service { StructureId = await StructureIdAsync(db), Code = "APRES-CONFLIT", Name = "Enregistré après le conflit" });
            await db.SaveChangesAsync();
        }

        Assert.True(await factory.WithDbAsync(db => db.Services.AnyAsync(s => s.Code == "APRES-CONFLIT")));
    }

    /// <summary>ASP.NET Core's key ring saves synchronously (IXmlRepository.StoreElement): the synchronous save does the whole
    /// work with synchronous calls, it does not wait on the asynchronous path.</summary>
    [Fact]
    public void A_synchronous_save_is_journaled_with_synchronous_database_calls_only()
    {
        var calls = new DatabaseCalls();
        using var db = NewContext(SystemUser.Instance, calls);
        var structureId = db.Structures.Where(s => s.Code == "pref-48").Select(s => s.Id).Single();
        var service = db.Services.Add(new Service { StructureId = structureId, Code = "SYNCHRONE", Name = "Enregistré sans attente" }).Entity;
        calls.Reset();

        Assert.Equal(1, db.SaveChanges());

        Assert.Equal(0, calls.Asynchronous);
        Assert.True(calls.Synchronous >= 4, $"début, ligne, entrée du journal, validation : {calls.Synchronous} appels");
        Assert.Equal("système", db.AuditEntries.Single(e => e.EntityType == nameof(Service) && e.EntityId == Key(service.Id)).UserName);
        Assert.Null(db.Database.CurrentTransaction);
    }

    [Fact]
    public void A_failed_synchronous_save_leaves_neither_the_change_nor_its_entries()
    {
        using var db = NewContext(SystemUser.Instance);
        var structureId = db.Structures.Where(s => s.Code == "pref-48").Select(s => s.Id).Single();
        var entriesBefore = db.AuditEntries.Count();
        db.Services.Add(new Service { StructureId = structureId, Code = "SYNC-OK", Name = "Valide" });
        db.Services.Add(new Service { StructureId = structureId, Code = "CAB", Name = "Doublon du code CAB" });

        Assert.Throws<DbUpdateException>(() => db.SaveChanges());

        Assert.Null(db.Database.CurrentTransaction);
        db.ChangeTracker.Clear();
        Assert.False(db.Services.Any(s => s.StructureId == structureId && s.Code == "SYNC-OK"));
        Assert.Equal(entriesBefore, db.AuditEntries.Count());
    }

    /// <summary>A context built by hand on the class's database, as a command or a tool outside the web host would.</summary>
    private AppDbContext NewContext(ICurrentUser author, params IInterceptor[] more)
    {
        IInterceptor[] interceptors = [new AuditInterceptor(author, factory.Clock), .. more];
        return factory.Settings["Database:Provider"] == "Postgres"
            ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
                .UseNpgsql(factory.Settings["ConnectionStrings:Postgres"]).AddInterceptors(interceptors).Options)
            : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite(factory.Settings["ConnectionStrings:Sqlite"]).AddInterceptors(interceptors).Options);
    }

    private static Task<int> StructureIdAsync(AppDbContext db) => db.Structures.Where(s => s.Code == "pref-48").Select(s => s.Id).SingleAsync();

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>An author the journal cannot name: the entries fail after the change itself was written.</summary>
    private sealed class BrokenAuthor : ICurrentUser
    {
        public string? Id => null;

        public string Name => throw new InvalidOperationException("auteur illisible");
    }

    /// <summary>Counts the commands and transaction calls, synchronous and asynchronous.</summary>
    private sealed class DatabaseCalls : IDbCommandInterceptor, IDbTransactionInterceptor
    {
        public int Synchronous { get; private set; }

        public int Asynchronous { get; private set; }

        public void Reset() => (Synchronous, Asynchronous) = (0, 0);

        public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
            Sync(result);

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => Async(result);

        public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
            Sync(result);

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) => Async(result);

        public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
            Sync(result);

        public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default) => Async(result);

        public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result) => Sync(result);

        public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) => Async(result);

        public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
            Sync(result);

        public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) => Async(result);

        private T Sync<T>(T result)
        {
            Synchronous++;
            return result;
        }

        private ValueTask<T> Async<T>(T result)
        {
            Asynchronous++;
            return ValueTask.FromResult(result);
        }
    }
}
