using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>Tally sums, hand-entered values and local targets read once for some indicators and periods; values are computed from
/// them in memory. Hand-entered values stand for the whole structure, so a service's value is always the registers'.</summary>
public sealed class IndicatorFigures(List<IndicatorFigures.Sum> sums, List<LocalTarget> locals, List<IndicatorValue> entered, DateOnly today)
{
    public sealed record Sum(string Code, DateOnly Month, int? ServiceId, DateOnly? DueOn, long Numerator, long Denominator, long Excluded, long Open);

    private readonly ILookup<string, Sum> _byCode = sums.ToLookup(s => s.Code);
    private readonly Dictionary<(int, string), IndicatorValue> _entered = entered.ToDictionary(v => (v.IndicatorId, v.Period));

    /// <summary>The services that have tallies of <paramref name="code"/> in <paramref name="period"/>.</summary>
    public IEnumerable<int> ServiceIds(string code, Period period) =>
        _byCode[code].Where(s => s.ServiceId is not null && period.Contains(s.Month)).Select(s => s.ServiceId!.Value).Distinct();

    public IndicatorResult Compute(Indicator indicator, Period period, bool withPrevious, int? serviceId = null)
    {
        long? numerator = null, denominator = null;
        long pending = 0, excluded = 0;
        double? value = null;
        if (indicator.IsComputed)
        {
            var rows = _byCode[indicator.Code].Where(s => period.Contains(s.Month) && (serviceId is null || s.ServiceId == serviceId)).ToList();
            if (rows.Count > 0)
            {
                numerator = rows.Sum(r => r.Numerator);
                denominator = rows.Sum(r => r.Denominator) + rows.Where(r => r.DueOn is null || r.DueOn < today).Sum(r => r.Open);
                pending = rows.Where(r => r.DueOn >= today).Sum(r => r.Open);
                excluded = rows.Sum(r => r.Excluded);
                value = indicator.Unit == IndicatorUnit.Count ? numerator
                    : denominator > 0 ? Math.Round(100.0 * numerator.Value / denominator.Value, 2) : null;
            }
        }
        var entry = serviceId is null ? _entered.GetValueOrDefault((indicator.Id, period.Key)) : null;
        var isEntered = entry?.Value is not null;
        if (isEntered)
        {
            value = entry!.Value;
        }
        var local = locals.Where(t => t.IndicatorId == indicator.Id && t.FromYear <= period.Year).MaxBy(t => t.FromYear);
        var national = indicator.NationalTargets.Where(t => t.FromYear <= period.Year).MaxBy(t => t.FromYear)?.Value;
        var previous = withPrevious ? Compute(indicator, period.PreviousYear, withPrevious: false, serviceId).Value : null;
        return new IndicatorResult(indicator, period, numerator, denominator, pending, excluded, value, isEntered, entry?.Comment,
            national, local?.Target, local?.AlertThreshold ?? indicator.AlertThreshold, previous)
        { EntryVersion = entry?.Version };
    }
}
