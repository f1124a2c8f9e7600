using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Registers;

/// <summary>The last day to answer an item on time, from the structure's deadline rules in force on its reception date.
/// Results are cached per channel and date: a register of a million rows has a few thousand distinct reception dates.</summary>
public sealed class DeadlineCalculator
{
    private readonly Dictionary<CorrespondenceChannel, List<ResponseDeadline>> _rules;
    private readonly Dictionary<(CorrespondenceChannel, DateOnly), DateOnly> _cache = [];

    public DeadlineCalculator(IEnumerable<ResponseDeadline> rules) =>
        _rules = rules.GroupBy(r => r.Channel).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.EffectiveFrom).ToList());

    public static async Task<DeadlineCalculator> LoadAsync(AppDbContext db, int structureId, CancellationToken cancellationToken = default) =>
        new(await db.Set<ResponseDeadline>().AsNoTracking().Where(d => d.StructureId == structureId).ToListAsync(cancellationToken));

    /// <summary>The rule in force on a date (days, working or calendar); the default when the structure has none yet.</summary>
    public (int Days, bool WorkingDays) RuleFor(CorrespondenceChannel channel, DateOnly receivedOn)
    {
        if (_rules.TryGetValue(channel, out var rules) && rules.FirstOrDefault(r => r.EffectiveFrom <= receivedOn) is { } rule)
        {
            return (rule.Days, rule.WorkingDays);
        }
        return (channel.DefaultDays(), true);
    }

    public DateOnly DueOn(CorrespondenceChannel channel, DateOnly receivedOn)
    {
        if (!_cache.TryGetValue((channel, receivedOn), out var due))
        {
            var (days, working) = RuleFor(channel, receivedOn);
            due = working ? FrenchHolidays.AddWorkingDays(receivedOn, days) : receivedOn.AddDays(days);
            _cache[(channel, receivedOn)] = due;
        }
        return due;
    }
}
