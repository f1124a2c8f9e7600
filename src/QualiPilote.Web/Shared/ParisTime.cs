namespace QualiPilote.Web.Shared;

/// <summary>Metropolitan French time, in which due dates, deadlines and the daily reminder hour are read:
/// a deadline passes at midnight in Paris, not in UTC.</summary>
public static class ParisTime
{
    /// <summary>Europe/Paris, or UTC when the system has no time zone data.</summary>
    public static readonly TimeZoneInfo Zone = FindParis();

    /// <summary>Today's date in metropolitan France.</summary>
    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
