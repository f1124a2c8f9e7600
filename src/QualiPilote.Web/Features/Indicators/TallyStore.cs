using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Registers;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>Keeps <see cref="IndicatorTally"/> rows in step with the registers: deltas from a write, or a rebuild of some months
/// from the register rows (after a deadline change, or when an import touched rows it cannot compare one by one).</summary>
public sealed class TallyStore(AppDbContext db, TimeProvider clock, RegisterLock registerLock) : IRegisterTallies
{
    /// <summary>Applies a delta. Unanswered items whose deadline has passed are late for good (the clock only moves forward),
    /// so their due date no longer matters: they are counted in the month's row without a due date, and the rows of the
    /// touched months that still carry a passed due date are folded into it. Only future due dates keep a row of their own,
    /// so a register of years fills one row per month, service and channel, not one per due date (docs/adr/0012).</summary>
    public async Task ApplyAsync(int structureId, TallyDelta delta, CancellationToken cancellationToken = default)
    {
        EnsureLocked(structureId);
        var today = clock.Today();
        var changes = Fold(delta.Entries, today);
        void Add(TallyDelta.Key key, long numerator, long denominator, long excluded, long open) =>
            AddTo(changes, key.DueOn < today ? key with { DueOn = null } : key, numerator, denominator, excluded, open);
        if (changes.Count == 0)
        {
            return;
        }
        var codes = changes.Keys.Select(k => k.IndicatorCode).Distinct().ToList();
        var from = changes.Keys.Min(k => k.Month);
        var to = changes.Keys.Max(k => k.Month);
        var rows = await db.Set<IndicatorTally>()
            .Where(t => t.StructureId == structureId && codes.Contains(t.IndicatorCode) && t.Month >= from && t.Month <= to)
            .ToListAsync(cancellationToken);
        foreach (var stale in rows.Where(t => t.DueOn < today))
        {
            Add(KeyOf(stale), stale.Numerator, stale.Denominator, stale.Excluded, stale.Open);
            db.Remove(stale);
        }
        var byKey = rows.Where(t => !(t.DueOn < today)).GroupBy(KeyOf).ToDictionary(g => g.Key, g => g.First());
        var added = new List<(TallyDelta.Key Key, TallyDelta.Counts Counts)>();
        foreach (var (key, counts) in changes.Where(c => !c.Value.IsZero))
        {
            if (!byKey.TryGetValue(key, out var row))
            {
                added.Add((key, counts));
                continue;
            }
            row.Numerator += counts.Numerator;
            row.Denominator += counts.Denominator;
            row.Excluded += counts.Excluded;
            row.Open += counts.Open;
            if (row is { Numerator: 0, Denominator: 0, Excluded: 0, Open: 0 })
            {
                db.Remove(row);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await InsertAsync(structureId, added, cancellationToken);
    }

    /// <summary>The non-zero counts of <paramref name="entries"/>, passed due dates folded into their month's row.</summary>
    public static Dictionary<TallyDelta.Key, TallyDelta.Counts> Fold(IEnumerable<KeyValuePair<TallyDelta.Key, TallyDelta.Counts>> entries, DateOnly today)
    {
        var folded = new Dictionary<TallyDelta.Key, TallyDelta.Counts>();
        foreach (var (key, counts) in entries.Where(e => !e.Value.IsZero))
        {
            AddTo(folded, key.DueOn < today ? key with { DueOn = null } : key, counts.Numerator, counts.Denominator, counts.Excluded, counts.Open);
        }
        return folded;
    }

    private static void AddTo(Dictionary<TallyDelta.Key, TallyDelta.Counts> changes, TallyDelta.Key key, long numerator, long denominator, long excluded, long open)
    {
        if (!changes.TryGetValue(key, out var counts))
        {
            changes[key] = counts = new TallyDelta.Counts();
        }
        counts.Numerator += numerator;
        counts.Denominator += denominator;
        counts.Excluded += excluded;
        counts.Open += open;
    }

    private const int InsertBatch = 50;

    /// <summary>New tally rows in multi-row INSERTs: a first import of years of history creates thousands of them at once,
    /// which row-by-row change tracking would make the slowest part of the import. Batches stay small because SQLite looks
    /// named parameters up one by one, so a statement's cost grows with the square of its parameter count.</summary>
    private async Task InsertAsync(int structureId, List<(TallyDelta.Key Key, TallyDelta.Counts Counts)> added, CancellationToken cancellationToken)
    {
        foreach (var chunk in added.Chunk(InsertBatch))
        {
            var sql = new System.Text.StringBuilder("INSERT INTO \"IndicatorTallies\" (\"StructureId\", \"IndicatorCode\", \"Month\", \"ServiceId\", \"Category\", \"DueOn\", \"Numerator\", \"Denominator\", \"Excluded\", \"Open\") VALUES ");
            var parameters = new List<object> { structureId };
            string Value(object? value)
            {
                if (value is null)
                {
                    return "NULL";
                }
                parameters.Add(value);
                return $"{{{parameters.Count - 1}}}";
            }
            for (var i = 0; i < chunk.Length; i++)
            {
                var (key, counts) = chunk[i];
                sql.Append(i == 0 ? "(" : ", (").Append("{0}");
                foreach (var value in new object?[] { key.IndicatorCode, key.Month, key.ServiceId, key.Category, key.DueOn, counts.Numerator, counts.Denominator, counts.Excluded, counts.Open })
                {
                    sql.Append(", ").Append(Value(value));
                }
                sql.Append(')');
            }
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        }
    }

    /// <summary>Recomputes the correspondence tallies of months [from, to] (first days of months) from the register.</summary>
    public async Task RebuildCorrespondenceAsync(int structureId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        await ReplaceAsync(structureId, CorrespondenceCodes, from, to, await CorrespondenceFromRegisterAsync(structureId, from, to, cancellationToken), cancellationToken);

    /// <summary>Recomputes the call tallies of months [from, to]; a span is counted in the month it starts.</summary>
    public async Task RebuildCallsAsync(int structureId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        await ReplaceAsync(structureId, [IndicatorCodes.Calls], from, to, await CallsFromRegisterAsync(structureId, from, to, cancellationToken), cancellationToken);

    public async Task RebuildAttendanceAsync(int structureId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        await ReplaceAsync(structureId, AttendanceCodes, from, to, await AttendanceFromRegisterAsync(structureId, from, to, cancellationToken), cancellationToken);

    public static readonly List<string> CorrespondenceCodes = CorrespondenceChannels.All.Select(c => c.IndicatorCode()).ToList();

    public static readonly List<string> AttendanceCodes = [IndicatorCodes.AttendanceReception, IndicatorCodes.AttendancePan];

    /// <summary>Every indicator code whose tallies come from a register.</summary>
    public static readonly List<string> RegisterCodes = [.. CorrespondenceCodes, IndicatorCodes.Calls, .. AttendanceCodes];

    /// <summary>The correspondence counts of months [from, to], read from the register rows.</summary>
    public async Task<TallyDelta> CorrespondenceFromRegisterAsync(int structureId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var end = to.AddMonths(1);
        var groups = await db.Set<CorrespondenceItem>().AsNoTracking()
            .Where(i => i.StructureId == structureId && i.ReceivedOn >= from && i.ReceivedOn < end)
            .GroupBy(i => new
            {
                i.Channel,
                i.ServiceId,
                i.ReceivedOn.Year,
                i.ReceivedOn.Month,
                Counted = i.HasContact && i.InPerimeter,
                Answered = i.AnsweredOn != null,
                OnTime = i.AnsweredOn != null && i.AnsweredOn <= i.DueOn,
                DueOn = i.AnsweredOn == null ? i.DueOn : (DateOnly?)null,
            })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var delta = new TallyDelta();
        foreach (var group in groups)
        {
            var k = group.Key;
            var month = new DateOnly(k.Year, k.Month, 1);
            delta.AddCorrespondence(k.Channel, k.ServiceId, month, k.Counted, k.Answered ? k.OnTime : null, k.DueOn ?? month, group.Count);
        }
        return delta;
    }

    public async Task<TallyDelta> CallsFromRegisterAsync(int structureId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var end = to.AddMonths(1);
        var records = await db.Set<CallRecord>().AsNoTracking()
            .Where(c => c.StructureId == structureId && c.Start >= from && c.Start < end).ToListAsync(cancellationToken);
        var delta = new TallyDelta();
        foreach (var record in records)
        {
            delta.Add(new TallyDelta.Key(IndicatorCodes.Calls, new DateOnly(record.Start.Year, record.Start.Month, 1), null, "", null), record.Answered, record.Presented);
        }
        return delta;
    }

    public async Task<TallyDelta> AttendanceFromRegisterAsync(int structureId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var records = await db.Set<AttendanceRecord>().AsNoTracking()
            .Where(a => a.StructureId == structureId && a.Month >= from && a.Month <= to).ToListAsync(cancellationToken);
        var delta = new TallyDelta();
        foreach (var record in records)
        {
            delta.Add(new TallyDelta.Key(record.Site.IndicatorCode(), record.Month, null, record.Category.FileValue(), null), record.Visitors, 0);
        }
        return delta;
    }

    private async Task ReplaceAsync(int structureId, List<string> codes, DateOnly from, DateOnly to, TallyDelta delta, CancellationToken cancellationToken)
    {
        EnsureLocked(structureId);
        await db.Set<IndicatorTally>()
            .Where(t => t.StructureId == structureId && codes.Contains(t.IndicatorCode) && t.Month >= from && t.Month <= to)
            .ExecuteDeleteAsync(cancellationToken);
        await ApplyAsync(structureId, delta, cancellationToken);
    }

    /// <summary>A tally written without the structure's register lock could be computed from a read another writer has
    /// already made stale: a programming error, caught by every test that writes a register.</summary>
    private void EnsureLocked(int structureId)
    {
        if (!registerLock.Holds(structureId))
        {
            throw new InvalidOperationException($"Les tallies de la structure {structureId} s'écrivent dans la transaction de RegisterLock.BeginAsync.");
        }
    }

    public async Task<List<RegisterVolume>> VolumesAsync(int structureId, IReadOnlyCollection<string>? codes, CancellationToken cancellationToken = default)
    {
        var wanted = (codes ?? RegisterCodes).ToList();
        var rows = await db.Set<IndicatorTally>().AsNoTracking()
            .Where(t => t.StructureId == structureId && wanted.Contains(t.IndicatorCode))
            .GroupBy(t => new { t.IndicatorCode, t.Month })
            .Select(g => new { g.Key.IndicatorCode, g.Key.Month, Items = g.Sum(t => t.Denominator + t.Open + t.Excluded), Visitors = g.Sum(t => t.Numerator) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RegisterVolume(r.IndicatorCode, r.Month, r.Items, r.Visitors)).ToList();
    }

    public static TallyDelta.Key KeyOf(IndicatorTally t) => new(t.IndicatorCode, t.Month, t.ServiceId, t.Category, t.DueOn);
}
