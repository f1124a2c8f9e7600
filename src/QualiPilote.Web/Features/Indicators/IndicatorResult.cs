using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Indicators;

public enum IndicatorStatus
{
    NoValue,
    NoTarget,
    Met,
    NotMet,
    /// <summary>Not met and beyond the alert threshold.</summary>
    Alert,
}

/// <summary>One cell of a dashboard: an indicator's value for a period, what it was computed from, and its targets.
/// For register indicators <see cref="Numerator"/>/<see cref="Denominator"/> are the counts behind the rate
/// (on time / answered or overdue, answered / presented calls, visitors); <see cref="Pending"/> are unanswered items
/// still within their deadline, shown but left out of the rate.</summary>
public sealed record IndicatorResult(Indicator Indicator, Period Period, long? Numerator, long? Denominator, long Pending, long Excluded,
    double? Value, bool Entered, string? Comment, double? NationalTarget, double? LocalTarget, double? AlertThreshold, double? PreviousValue)
{
    /// <summary>The version of the hand-entered value or comment of the period, if any (sent back to change it).</summary>
    public int? EntryVersion { get; init; }

    public double? Target => LocalTarget ?? NationalTarget;

    public bool? Met => Value is { } value && Target is { } target
        ? Indicator.Direction == IndicatorDirection.HigherIsBetter ? value >= target : value <= target
        : null;

    public IndicatorStatus Status => Value is not { } value ? IndicatorStatus.NoValue
        : Met is not { } met ? IndicatorStatus.NoTarget
        : met ? IndicatorStatus.Met
        : AlertThreshold is { } threshold && (Indicator.Direction == IndicatorDirection.HigherIsBetter ? value < threshold : value > threshold)
            ? IndicatorStatus.Alert
            : IndicatorStatus.NotMet;

    public bool NeedsAttention => Status is IndicatorStatus.NotMet or IndicatorStatus.Alert;

    /// <summary>Change on the same period of the previous year, in percent of the previous value (the seed: "+16,5 %").</summary>
    public double? Evolution => Value is { } value && PreviousValue is { } previous && previous != 0 ? (value - previous) / previous * 100 : null;
}
