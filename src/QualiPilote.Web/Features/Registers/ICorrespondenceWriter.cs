
namespace QualiPilote.Web.Features.Registers;

/// <summary>What a writer reports at the end: counts, the tally changes it could follow row by row, or the months to rebuild
/// when it could not, and references met twice in the file (FirstLine 0 when the writer does not know where the reference came first).
/// <paramref name="NeedsSecondPass"/>: the writer kept nothing and needs every row of the file once more, then
/// <see cref="ICorrespondenceWriter.CompleteAsync"/> again (PostgreSQL's direct COPY met a reference twice and cannot say where).</summary>
public sealed record CorrespondenceWriteResult(int Inserted, int Updated, TallyDelta Delta, (DateOnly From, DateOnly To)? Rebuild,
    IReadOnlyList<(string Reference, int FirstLine, int Line)> Duplicates, int DuplicateCount, bool NeedsSecondPass = false);

/// <summary>Writes validated rows into the register inside the importer's transaction, the fastest way each database allows
/// (<see cref="SqliteCorrespondenceWriter"/>, <see cref="PostgresCorrespondenceWriter"/>; made by <see cref="IRegisterDatabase"/>).</summary>
public interface ICorrespondenceWriter : IAsyncDisposable
{
    ValueTask WriteAsync(CorrespondenceRow row, CancellationToken cancellationToken);

    Task<CorrespondenceWriteResult> CompleteAsync(CancellationToken cancellationToken);
}
