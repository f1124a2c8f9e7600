using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace QualiPilote.Web.Features.Registers;

/// <summary>SQLite: multi-row <c>INSERT … ON CONFLICT DO NOTHING</c> statements through the native API, in the importer's
/// transaction: one statement per <see cref="RowsPerInsert"/> rows costs far less than one per row, whose statement opens its
/// cursors on every execution (bench/README.md, « Import of 1,000,000 rows », what changed since a89cda9). When a statement inserted fewer rows than it carried, its rows are read back one by one: a
/// row whose rowid is above the table's largest before the statement was inserted by it (rowids only grow); a row written
/// or met earlier by this import is a duplicate of the file; an older row is compared and updated only when it changed, so
/// the tally delta is exact.</summary>
internal sealed class SqliteCorrespondenceWriter : ICorrespondenceWriter
{
    public const int RowsPerInsert = 256;
    private const int ValuesPerRow = 8;
    private const string Columns = $"{nameof(CorrespondenceItem.ServiceId)}, {nameof(CorrespondenceItem.Channel)}, {nameof(CorrespondenceItem.ReceivedOn)}, "
        + $"{nameof(CorrespondenceItem.AnsweredOn)}, {nameof(CorrespondenceItem.DueOn)}, {nameof(CorrespondenceItem.HasContact)}, {nameof(CorrespondenceItem.InPerimeter)}";

    private readonly SqliteConnection _connection;
    private readonly int _structureId;
    private readonly int _batchId;
    private readonly TallyDelta _delta = new();
    private readonly Dictionary<DateOnly, byte[]> _dateTexts = [];
    private static readonly Dictionary<CorrespondenceChannel, byte[]> ChannelTexts =
        CorrespondenceChannels.All.ToDictionary(c => c, c => SqliteBindings.Pinned(System.Text.Encoding.UTF8.GetBytes(c.ToString())));
    private readonly List<CorrespondenceRow> _pending = new(RowsPerInsert);
    private readonly List<(string, int, int)> _duplicates = [];
    private sqlite3_stmt? _insertMany;
    private sqlite3_stmt? _insertOne;
    private sqlite3_stmt? _select;
    private sqlite3_stmt? _update;
    private sqlite3_stmt? _remember;
    private long _lastRowId;
    private long _firstRowIdOfImport;
    private System.Collections.BitArray? _olderRowsMet;
    private int _inserted;
    private int _updated;
    private int _duplicateCount;

    public SqliteCorrespondenceWriter(SqliteConnection connection, int structureId, int batchId)
    {
        _connection = connection;
        _structureId = structureId;
        _batchId = batchId;
    }

    private sqlite3 Handle => _connection.Handle ?? throw new InvalidOperationException("Connexion SQLite fermée.");

    private void Prepare()
    {
        _insertMany = Insert(RowsPerInsert);
        _insertOne = Insert(1);
        _select = Statement($"SELECT {Columns}, BatchId, rowid FROM {CorrespondenceItem.Table} WHERE StructureId = ?1 AND Reference = ?2");
        _update = Statement($"UPDATE {CorrespondenceItem.Table} SET ServiceId = ?3, Channel = ?4, ReceivedOn = ?5, AnsweredOn = ?6, DueOn = ?7, HasContact = ?8, InPerimeter = ?9, BatchId = ?10 WHERE StructureId = ?1 AND Reference = ?2");
        // What undoing this import writes back, copied as stored just before the update.
        _remember = Statement($"INSERT INTO {CorrespondencePreviousValue.Table} (BatchId, StructureId, Reference, {Columns}, PreviousBatchId) "
            + $"SELECT ?3, StructureId, Reference, {Columns}, BatchId FROM {CorrespondenceItem.Table} WHERE StructureId = ?1 AND Reference = ?2");
        // Bindings survive sqlite3_reset: the structure and the batch are bound once.
        foreach (var statement in new[] { _select, _update, _remember })
        {
            raw.sqlite3_bind_int(statement, 1, _structureId);
        }
        raw.sqlite3_bind_int(_update, 10, _batchId);
        raw.sqlite3_bind_int(_remember, 3, _batchId);
        var largest = Statement($"SELECT coalesce(max(rowid), 0) FROM {CorrespondenceItem.Table}");
        Check(raw.sqlite3_step(largest), raw.SQLITE_ROW);
        _lastRowId = raw.sqlite3_column_int64(largest, 0);
        _firstRowIdOfImport = _lastRowId + 1;
        largest.Dispose();
    }

    /// <summary>An insert of <paramref name="rows"/> rows: ?1 the structure, ?2 the batch, then eight values per row.</summary>
    private sqlite3_stmt Insert(int rows)
    {
        var values = Enumerable.Range(0, rows).Select(r =>
            "(?1, " + string.Join(", ", Enumerable.Range(FirstValue(r), ValuesPerRow).Select(i => $"?{i}")) + ", ?2)");
        var statement = Statement($"INSERT INTO {CorrespondenceItem.Table} (StructureId, Reference, {Columns}, BatchId) VALUES {string.Join(", ", values)} ON CONFLICT DO NOTHING");
        raw.sqlite3_bind_int(statement, 1, _structureId);
        raw.sqlite3_bind_int(statement, 2, _batchId);
        return statement;
    }

    private static int FirstValue(int row) => 3 + row * ValuesPerRow;

    private sqlite3_stmt Statement(string sql)
    {
        Check(raw.sqlite3_prepare_v2(Handle, sql, out var statement));
        return statement;
    }

    public ValueTask WriteAsync(CorrespondenceRow row, CancellationToken cancellationToken)
    {
        _pending.Add(row);
        if (_pending.Count == RowsPerInsert)
        {
            if (_insertMany is null)
            {
                Prepare();
            }
            InsertPending(_insertMany!, 0, RowsPerInsert);
            _pending.Clear();
        }
        return ValueTask.CompletedTask;
    }

    private void InsertPending(sqlite3_stmt insert, int start, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Bind(insert, FirstValue(i), _pending[start + i]);
        }
        Check(raw.sqlite3_step(insert), raw.SQLITE_DONE);
        raw.sqlite3_reset(insert);
        var inserted = raw.sqlite3_changes(Handle);
        var before = _lastRowId;
        if (inserted > 0)
        {
            _lastRowId = raw.sqlite3_last_insert_rowid(Handle);
        }
        if (inserted == count)
        {
            for (var i = start; i < start + count; i++)
            {
                Inserted(_pending[i]);
            }
            return;
        }
        HashSet<string>? insertedHere = null;
        for (var i = start; i < start + count; i++)
        {
            var row = _pending[i];
            var (old, oldBatch, rowId) = Stored(row);
            if (rowId > before && (insertedHere ??= new HashSet<string>(StringComparer.Ordinal)).Add(row.Reference))
            {
                Inserted(row);
            }
            else if (rowId > before || oldBatch == _batchId || MetBefore(rowId))
            {
                _duplicateCount++;
                if (_duplicates.Count < RegisterImportResult.MaxListedErrors)
                {
                    _duplicates.Add((row.Reference, 0, row.Line));
                }
            }
            else if (old with { Line = row.Line } != row)
            {
                raw.sqlite3_bind_text16(_remember!, 2, row.Reference.AsSpan());
                Check(raw.sqlite3_step(_remember!), raw.SQLITE_DONE);
                raw.sqlite3_reset(_remember!);
                Bind(_update!, 2, row);
                Check(raw.sqlite3_step(_update!), raw.SQLITE_DONE);
                raw.sqlite3_reset(_update!);
                _updated++;
                _delta.AddCorrespondence(old.Channel, old.ServiceId, old.ReceivedOn, old.AnsweredOn, old.DueOn, old.IsCounted, -1);
                _delta.AddCorrespondence(row.Channel, row.ServiceId, row.ReceivedOn, row.AnsweredOn, row.DueOn, row.IsCounted);
            }
        }
    }

    /// <summary>Whether a row stored before this import was already met in this file. A changed row is known by its batch once
    /// updated, an unchanged one keeps its old batch: one bit per rowid of the table as it was, allocated at the first re-met row.</summary>
    private bool MetBefore(long rowId)
    {
        _olderRowsMet ??= new System.Collections.BitArray((int)Math.Min(_firstRowIdOfImport, int.MaxValue));
        if (rowId >= _olderRowsMet.Length)
        {
            return false;
        }
        var met = _olderRowsMet[(int)rowId];
        _olderRowsMet[(int)rowId] = true;
        return met;
    }

    private void Inserted(CorrespondenceRow row)
    {
        _inserted++;
        _delta.AddCorrespondence(row.Channel, row.ServiceId, row.ReceivedOn, row.AnsweredOn, row.DueOn, row.IsCounted);
    }

    /// <summary>The stored row of this reference, the batch that last wrote it and its rowid.</summary>
    private (CorrespondenceRow Row, int BatchId, long RowId) Stored(CorrespondenceRow row)
    {
        var select = _select!;
        raw.sqlite3_bind_text16(select, 2, row.Reference.AsSpan());
        Check(raw.sqlite3_step(select), raw.SQLITE_ROW);
        var stored = new CorrespondenceRow(0, row.Reference,
            raw.sqlite3_column_int(select, 0),
            Enum.Parse<CorrespondenceChannel>(raw.sqlite3_column_text(select, 1).utf8_to_string()),
            StoredDate(select, 2)!.Value,
            StoredDate(select, 3),
            StoredDate(select, 4)!.Value,
            raw.sqlite3_column_int(select, 5) != 0,
            raw.sqlite3_column_int(select, 6) != 0);
        var result = (stored, raw.sqlite3_column_int(select, 7), raw.sqlite3_column_int64(select, 8));
        raw.sqlite3_reset(select);
        return result;
    }

    private static DateOnly? StoredDate(sqlite3_stmt statement, int column) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null
            : DateOnly.ParseExact(raw.sqlite3_column_text(statement, column).utf8_to_string(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Binds a row's eight values from parameter <paramref name="first"/> on, without allocating: the reference encoded
    /// on the stack, coded values and dates from pinned arrays made once, which SQLite reads without copying them.</summary>
    private void Bind(sqlite3_stmt statement, int first, CorrespondenceRow row)
    {
        Span<byte> reference = stackalloc byte[CorrespondenceItem.ReferenceMaxLength * 4];
        SqliteBindings.Text(statement, first, reference[..System.Text.Encoding.UTF8.GetBytes(row.Reference, reference)]);
        SqliteBindings.Int(statement, first + 1, row.ServiceId);
        SqliteBindings.PinnedText(statement, first + 2, ChannelTexts[row.Channel]);
        SqliteBindings.PinnedText(statement, first + 3, Text(row.ReceivedOn));
        if (row.AnsweredOn is { } answered)
        {
            SqliteBindings.PinnedText(statement, first + 4, Text(answered));
        }
        else
        {
            SqliteBindings.Null(statement, first + 4);
        }
        SqliteBindings.PinnedText(statement, first + 5, Text(row.DueOn));
        SqliteBindings.Int(statement, first + 6, row.HasContact ? 1 : 0);
        SqliteBindings.Int(statement, first + 7, row.InPerimeter ? 1 : 0);
    }

    /// <summary>Dates as EF Core stores DateOnly on SQLite (ISO text), encoded once per distinct date.</summary>
    private byte[] Text(DateOnly date)
    {
        if (!_dateTexts.TryGetValue(date, out var text))
        {
            text = SqliteBindings.Pinned(System.Text.Encoding.UTF8.GetBytes(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            _dateTexts[date] = text;
        }
        return text;
    }

    private void Check(int result, int expected = raw.SQLITE_OK)
    {
        if (result != expected)
        {
            throw new InvalidOperationException($"SQLite : {raw.sqlite3_errmsg(Handle).utf8_to_string()} ({result})");
        }
    }

    /// <summary>The last rows, fewer than a full statement, go one by one.</summary>
    public Task<CorrespondenceWriteResult> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count > 0)
        {
            if (_insertOne is null)
            {
                Prepare();
            }
            for (var i = 0; i < _pending.Count; i++)
            {
                InsertPending(_insertOne!, i, 1);
            }
            _pending.Clear();
        }
        return Task.FromResult(new CorrespondenceWriteResult(_inserted, _updated, _delta, null, _duplicates, _duplicateCount));
    }

    public ValueTask DisposeAsync()
    {
        _insertMany?.Dispose();
        _insertOne?.Dispose();
        _select?.Dispose();
        _update?.Dispose();
        _remember?.Dispose();
        return ValueTask.CompletedTask;
    }
}
