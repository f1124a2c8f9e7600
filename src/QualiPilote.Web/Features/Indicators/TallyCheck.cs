using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Registers;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>Compares a structure's stored tallies with a recount of its registers, and repairs them by rebuilding every month
/// from the register rows. Both run under the structure's register lock, so no write lands between the two reads. An operator
/// runs it from the <c>tallies</c> command or the administrators' page, to verify a database that ran older code.</summary>
public sealed class TallyCheck(AppDbContext db, RegisterLock registerLock, TallyStore tallies, TimeProvider clock)
{
    /// <summary>One figure that differs: the stored counts (null when the row is missing) and the recounted ones (null when the row should not exist).</summary>
    public sealed record Difference(TallyDelta.Key Key, TallyDelta.Counts? Stored, TallyDelta.Counts? Recounted)
    {
        public string Describe(IReadOnlyDictionary<int, string> services) =>
            $"{Key.IndicatorCode} {Key.Month.ToString("MM/yyyy", Fr.Culture)}"
            + (Key.ServiceId is { } id ? $", service {services.GetValueOrDefault(id, id.ToString(Fr.Culture))}" : "")
            + (Key.Category.Length > 0 ? $", {Key.Category}" : "")
            + (Key.DueOn is { } due ? $", échéance {Fr.Date(due)}" : "")
            + $" : enregistré {Counts(Stored)}, recompté {Counts(Recounted)}";

        private static string Counts(TallyDelta.Counts? c) => c is null ? "aucune ligne"
            : $"{Fr.Number(c.Numerator)}/{Fr.Number(c.Denominator)} (exclus {Fr.Number(c.Excluded)}, en attente {Fr.Number(c.Open)})";
    }

    public sealed record Result(Structure Structure, int StoredRows, IReadOnlyList<Difference> Differences, IReadOnlyDictionary<int, string> Services)
    {
        public bool Matches => Differences.Count == 0;
    }

    public async Task<Result> CheckAsync(Structure structure, CancellationToken cancellationToken = default)
    {
        await using var transaction = await registerLock.BeginAsync(structure.Id, cancellationToken);
        return await CompareAsync(structure, cancellationToken);
    }

    /// <summary>Rebuilds every register tally of the structure, then answers what differed before the repair.</summary>
    public async Task<Result> RepairAsync(Structure structure, CancellationToken cancellationToken = default)
    {
        await using var transaction = await registerLock.BeginAsync(structure.Id, cancellationToken);
        var before = await CompareAsync(structure, cancellationToken);
        if (!before.Matches)
        {
            var months = before.Differences.Select(d => d.Key.Month).ToList();
            var (from, to) = (months.Min(), months.Max());
            await tallies.RebuildCorrespondenceAsync(structure.Id, from, to, cancellationToken);
            await tallies.RebuildCallsAsync(structure.Id, from, to, cancellationToken);
            await tallies.RebuildAttendanceAsync(structure.Id, from, to, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return before;
    }

    private async Task<Result> CompareAsync(Structure structure, CancellationToken cancellationToken)
    {
        var stored = await db.Set<IndicatorTally>().AsNoTracking()
            .Where(t => t.StructureId == structure.Id && TallyStore.RegisterCodes.Contains(t.IndicatorCode))
            .ToListAsync(cancellationToken);
        // Stored rows are compared as they are (a row with a passed due date not yet folded is a difference only if its
        // month's total differs): both sides are folded at today's date first.
        var today = clock.Today();
        var kept = TallyStore.Fold(stored.Select(t => KeyValuePair.Create(TallyStore.KeyOf(t), new TallyDelta.Counts
        {
            Numerator = t.Numerator,
            Denominator = t.Denominator,
            Excluded = t.Excluded,
            Open = t.Open,
        })), today);
        var (from, to) = (new DateOnly(1900, 1, 1), new DateOnly(2999, 12, 1)); // wider than any date an import or a form accepts
        var recounted = TallyStore.Fold(
            (await tallies.CorrespondenceFromRegisterAsync(structure.Id, from, to, cancellationToken)).Entries
            .Concat((await tallies.CallsFromRegisterAsync(structure.Id, from, to, cancellationToken)).Entries)
            .Concat((await tallies.AttendanceFromRegisterAsync(structure.Id, from, to, cancellationToken)).Entries), today);
        var differences = new List<Difference>();
        foreach (var key in kept.Keys.Union(recounted.Keys).OrderBy(k => k.IndicatorCode, StringComparer.Ordinal).ThenBy(k => k.Month)
            .ThenBy(k => k.ServiceId).ThenBy(k => k.Category, StringComparer.Ordinal).ThenBy(k => k.DueOn))
        {
            var a = kept.GetValueOrDefault(key);
            var b = recounted.GetValueOrDefault(key);
            if (a is null || b is null || (a.Numerator, a.Denominator, a.Excluded, a.Open) != (b.Numerator, b.Denominator, b.Excluded, b.Open))
            {
                differences.Add(new Difference(key, a, b));
            }
        }
        var services = await db.Set<Service>().AsNoTracking().Where(s => s.StructureId == structure.Id)
            .ToDictionaryAsync(s => s.Id, s => s.Code, cancellationToken);
        return new Result(structure, stored.Count, differences, services);
    }
}
