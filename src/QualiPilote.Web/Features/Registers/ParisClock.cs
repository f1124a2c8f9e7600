namespace QualiPilote.Web.Features.Registers;

/// <summary>Today's date where the structures are (metropolitan France): deadlines pass at midnight in Paris, not in UTC.</summary>
public static class ParisClock
{
    private static readonly TimeZoneInfo Paris = Find();

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Paris).DateTime);

    private static TimeZoneInfo Find()
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
