using Microsoft.EntityFrameworkCore;
using Npgsql;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Registers;

/// <summary>PostgreSQL: binary COPY. When the structure's register is empty (the first load of years of history, the big files),
/// rows are copied straight into the table behind a savepoint; otherwise they go to a temporary staging table and are merged
/// with two set-based statements (update what changed, insert what is new), and the touched months are re-tallied. A direct
/// COPY that meets a reference twice is rolled back to its savepoint and asks for a second pass through the staging table,
/// which names the lines.</summary>
internal sealed class PostgresCorrespondenceWriter : ICorrespondenceWriter
{
    private const string FastPathSavepoint = "register_fast_path";
    private const string Staging = "qp_correspondence_staging";
    private const string ItemColumns = "\"ServiceId\", \"Channel\", \"ReceivedOn\", \"AnsweredOn\", \"DueOn\", \"HasContact\", \"InPerimeter\"";

    private readonly AppDbContext _db;
    private readonly NpgsqlConnection _connection;
    private readonly int _structureId;
    private readonly int _batchId;
    private bool _direct;
    private readonly TallyDelta _delta = new();
    private PostgresBinaryCopy? _copy;
    private int _rows;

    private PostgresCorrespondenceWriter(AppDbContext db, int structureId, int batchId)
    {
        _db = db;
        _connection = (NpgsqlConnection)db.Database.GetDbConnection();
        _structureId = structureId;
        _batchId = batchId;
    }

    /// <summary>Starts the COPY, in the transaction the importer holds.</summary>
    public static async Task<ICorrespondenceWriter> BeginAsync(AppDbContext db, int structureId, int batchId, CancellationToken cancellationToken)
    {
        var writer = new PostgresCorrespondenceWriter(db, structureId, batchId);
        await using var exists = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM \"{CorrespondenceItem.Table}\" WHERE \"StructureId\" = $1)", writer._connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = structureId });
        if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            await writer.BeginStagingAsync(cancellationToken);
            return writer;
        }
        await db.Database.CurrentTransaction!.CreateSavepointAsync(FastPathSavepoint, cancellationToken);
        writer._direct = true;
        writer._copy = await PostgresBinaryCopy.BeginAsync(writer._connection,
            $"COPY \"{CorrespondenceItem.Table}\" (\"StructureId\", \"Reference\", {ItemColumns}, \"BatchId\") FROM STDIN (FORMAT BINARY)", cancellationToken);
        return writer;
    }

    private async Task BeginStagingAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync(_connection, $"CREATE TEMP TABLE IF NOT EXISTS {Staging} (\"Line\" int NOT NULL, \"Reference\" varchar(60) COLLATE \"C\" NOT NULL, \"ServiceId\" int NOT NULL, "
            + "\"Channel\" varchar(12) NOT NULL, \"ReceivedOn\" date NOT NULL, \"AnsweredOn\" date, \"DueOn\" date NOT NULL, \"HasContact\" boolean NOT NULL, "
            + $"\"InPerimeter\" boolean NOT NULL) ON COMMIT DROP; TRUNCATE {Staging}", cancellationToken);
        _direct = false;
        _copy = await PostgresBinaryCopy.BeginAsync(_connection,
            $"COPY {Staging} (\"Line\", \"Reference\", {ItemColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
    }

    /// <summary>Encodes the row for the COPY. The server reports a key met twice only when the COPY ends (it reads and drops
    /// the rest of the data meanwhile), so a conflict is learnt in <see cref="CompleteAsync"/>.</summary>
    public async ValueTask WriteAsync(CorrespondenceRow row, CancellationToken cancellationToken)
    {
        var copy = _copy!;
        await copy.StartRowAsync(_direct ? (short)10 : (short)9, cancellationToken);
        copy.Integer(_direct ? _structureId : row.Line);
        copy.Text(row.Reference);
        copy.Integer(row.ServiceId);
        copy.Text(row.Channel.ToString()); // the enum's name, as EF Core stores it
        copy.Date(row.ReceivedOn);
        copy.Date(row.AnsweredOn);
        copy.Date(row.DueOn);
        copy.Boolean(row.HasContact);
        copy.Boolean(row.InPerimeter);
        if (_direct)
        {
            copy.Integer(_batchId);
            _delta.AddCorrespondence(row.Channel, row.ServiceId, row.ReceivedOn, row.AnsweredOn, row.DueOn, row.IsCounted);
        }
        _rows++;
    }

    public async Task<CorrespondenceWriteResult> CompleteAsync(CancellationToken cancellationToken)
    {
        var conflict = false;
        try
        {
            await _copy!.CompleteAsync(cancellationToken);
        }
        catch (PostgresException e) when (_direct && e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            conflict = true;
        }
        await DisposeCopyAsync();
        if (!_direct)
        {
            return await MergeAsync(cancellationToken);
        }
        if (!conflict)
        {
            return new CorrespondenceWriteResult(_rows, 0, _delta, null, [], 0);
        }
        await _db.Database.CurrentTransaction!.RollbackToSavepointAsync(FastPathSavepoint, cancellationToken);
        await BeginStagingAsync(cancellationToken);
        return new CorrespondenceWriteResult(0, 0, new TallyDelta(), null, [], 0, NeedsSecondPass: true);
    }

    private async Task<CorrespondenceWriteResult> MergeAsync(CancellationToken cancellationToken)
    {
        var duplicates = new List<(string, int, int)>();
        var duplicateCount = 0;
        await using (var command = new NpgsqlCommand(
            $"SELECT \"Reference\", min(\"Line\"), max(\"Line\"), count(*) OVER () FROM {Staging} GROUP BY \"Reference\" HAVING count(*) > 1 ORDER BY 3 LIMIT {RegisterImportResult.MaxListedErrors}",
            _connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                duplicates.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
                duplicateCount = (int)reader.GetInt64(3);
            }
        }
        if (duplicates.Count > 0)
        {
            return new CorrespondenceWriteResult(0, 0, new TallyDelta(), null, duplicates, duplicateCount);
        }

        const string differs = "(i.\"ServiceId\", i.\"Channel\", i.\"ReceivedOn\", i.\"AnsweredOn\", i.\"DueOn\", i.\"HasContact\", i.\"InPerimeter\") "
            + "IS DISTINCT FROM (s.\"ServiceId\", s.\"Channel\", s.\"ReceivedOn\", s.\"AnsweredOn\", s.\"DueOn\", s.\"HasContact\", s.\"InPerimeter\")";
        var join = $"FROM {Staging} s JOIN \"{CorrespondenceItem.Table}\" i ON i.\"StructureId\" = $1 AND i.\"Reference\" = s.\"Reference\"";
        DateOnly? oldFrom = null, oldTo = null;
        await using (var command = new NpgsqlCommand($"SELECT min(i.\"ReceivedOn\"), max(i.\"ReceivedOn\") {join} WHERE {differs}", _connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = _structureId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0))
            {
                oldFrom = reader.GetFieldValue<DateOnly>(0);
                oldTo = reader.GetFieldValue<DateOnly>(1);
            }
        }
        await using (var command = new NpgsqlCommand(
            $"INSERT INTO \"{CorrespondencePreviousValue.Table}\" (\"BatchId\", \"StructureId\", \"Reference\", {ItemColumns}, \"PreviousBatchId\") "
            + $"SELECT $2, i.\"StructureId\", i.\"Reference\", i.\"ServiceId\", i.\"Channel\", i.\"ReceivedOn\", i.\"AnsweredOn\", i.\"DueOn\", i.\"HasContact\", i.\"InPerimeter\", i.\"BatchId\" {join} WHERE {differs}",
            _connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = _structureId });
            command.Parameters.Add(new NpgsqlParameter { Value = _batchId });
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        int updated;
        await using (var command = new NpgsqlCommand(
            $"UPDATE \"{CorrespondenceItem.Table}\" i SET \"ServiceId\" = s.\"ServiceId\", \"Channel\" = s.\"Channel\", \"ReceivedOn\" = s.\"ReceivedOn\", "
            + "\"AnsweredOn\" = s.\"AnsweredOn\", \"DueOn\" = s.\"DueOn\", \"HasContact\" = s.\"HasContact\", \"InPerimeter\" = s.\"InPerimeter\", \"BatchId\" = $2 "
            + $"FROM {Staging} s WHERE i.\"StructureId\" = $1 AND i.\"Reference\" = s.\"Reference\" AND {differs}", _connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = _structureId });
            command.Parameters.Add(new NpgsqlParameter { Value = _batchId });
            command.CommandTimeout = 0;
            updated = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        int inserted;
        await using (var command = new NpgsqlCommand(
            $"INSERT INTO \"{CorrespondenceItem.Table}\" (\"StructureId\", \"Reference\", {ItemColumns}, \"BatchId\") "
            + $"SELECT $1, s.\"Reference\", s.\"ServiceId\", s.\"Channel\", s.\"ReceivedOn\", s.\"AnsweredOn\", s.\"DueOn\", s.\"HasContact\", s.\"InPerimeter\", $2 FROM {Staging} s "
            + $"WHERE NOT EXISTS (SELECT 1 FROM \"{CorrespondenceItem.Table}\" i WHERE i.\"StructureId\" = $1 AND i.\"Reference\" = s.\"Reference\")", _connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = _structureId });
            command.Parameters.Add(new NpgsqlParameter { Value = _batchId });
            command.CommandTimeout = 0;
            inserted = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        var rebuild = (From: oldFrom ?? DateOnly.MaxValue, To: oldTo ?? DateOnly.MinValue);
        rebuild = (new DateOnly(rebuild.From.Year, rebuild.From.Month, 1), new DateOnly(rebuild.To.Year, rebuild.To.Month, 1));
        return new CorrespondenceWriteResult(inserted, updated, new TallyDelta(), rebuild, [], 0);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => new(DisposeCopyAsync());

    private async Task DisposeCopyAsync()
    {
        if (_copy is null)
        {
            return;
        }
        try
        {
            await _copy.DisposeAsync();
        }
        catch (PostgresException)
        {
            // The COPY already failed; the importer rolls back to its savepoint or drops the transaction.
        }
        _copy = null;
    }
}
