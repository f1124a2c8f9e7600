using Microsoft.EntityFrameworkCore.Storage;

namespace QualiPilote.Web.Data;

/// <summary>The transaction of one operation (docs/adr/0039). The editor method that begins it owns it: it commits when
/// everything succeeded, and disposing it uncommitted rolls it back. An operation called from inside another one's
/// transaction joins it instead: its commit and its disposal then do nothing, and the outer operation decides for both.</summary>
public sealed class UnitOfWork : IAsyncDisposable
{
    private readonly IDbContextTransaction? owned;

    private UnitOfWork(IDbContextTransaction? owned) => this.owned = owned;

    public static async Task<UnitOfWork> BeginAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null);

    public Task CommitAsync(CancellationToken cancellationToken = default) => owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
