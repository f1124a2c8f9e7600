using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.PublicResults;

/// <summary>Publishes a completed quarter or year of a structure's results, or withdraws it. Both are recorded in the journal.</summary>
public sealed class PeriodPublisher(AppDbContext db, TimeProvider clock)
{
    /// <summary>A period the referent may publish or has published.</summary>
    public sealed record Candidate(Period Period, PublishedPeriod? Publication);

    /// <summary>The last eight completed quarters and three completed years, and every period already published, newest first.</summary>
    public async Task<IReadOnlyList<Candidate>> CandidatesAsync(int structureId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var published = await db.Set<PublishedPeriod>().AsNoTracking().Where(p => p.StructureId == structureId).ToListAsync(cancellationToken);
        var periods = new List<Period>();
        for (var quarter = Period.QuarterOf(today).Previous; periods.Count < 8; quarter = quarter.Previous)
        {
            periods.Add(quarter);
        }
        periods.AddRange(Enumerable.Range(1, 3).Select(i => Period.OfYear(today.Year - i)));
        periods.AddRange(published.Select(p => Period.TryParse(p.Period, out var period) ? period : default).Where(p => p != default));
        return periods.Distinct()
            .OrderByDescending(p => p.Kind == PeriodKind.Quarter).ThenByDescending(p => p.Start)
            .Select(p => new Candidate(p, published.FirstOrDefault(x => x.Period == p.Key)))
            .ToList();
    }

    /// <summary>The French reason a period cannot be published, or null.</summary>
    public string? Refusal(Period period) =>
        period.Kind is not (PeriodKind.Quarter or PeriodKind.Year) ? "seuls un trimestre ou une année se publient."
        : period.End > clock.Today() ? $"{period.Label} n'est pas terminé : ses chiffres changent encore."
        : !PlausibleDates.IsYear(period.Year, clock.Today()) ? PlausibleDates.YearMessage(period.Key, clock.Today())
        : null;

    public async Task<string?> PublishAsync(Structure structure, Period period, string by, CancellationToken cancellationToken = default)
    {
        if (Refusal(period) is { } refusal)
        {
            return refusal;
        }
        if (!await db.Set<PublishedPeriod>().AnyAsync(p => p.StructureId == structure.Id && p.Period == period.Key, cancellationToken))
        {
            db.Add(new PublishedPeriod { StructureId = structure.Id, Period = period.Key, PublishedAt = clock.GetUtcNow().UtcDateTime, PublishedBy = by });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (!await db.Set<PublishedPeriod>().AnyAsync(p => p.StructureId == structure.Id && p.Period == period.Key, cancellationToken))
                {
                    throw;
                }
                // Published meanwhile by someone else: it is published, which is what was asked.
            }
        }
        return null;
    }

    public async Task<bool> WithdrawAsync(Structure structure, Period period, CancellationToken cancellationToken = default)
    {
        var publication = await db.Set<PublishedPeriod>().FirstOrDefaultAsync(p => p.StructureId == structure.Id && p.Period == period.Key, cancellationToken);
        if (publication is null)
        {
            return false;
        }
        db.Remove(publication);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
