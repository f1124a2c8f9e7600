using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Today's date where the structures are (metropolitan France): deadlines pass at midnight in Paris, not in UTC.</summary>
public static class ParisClock
{
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Fr.Paris).DateTime);
}
