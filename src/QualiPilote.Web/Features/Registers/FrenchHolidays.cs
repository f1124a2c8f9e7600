namespace QualiPilote.Web.Features.Registers;

/// <summary>The eleven public holidays of metropolitan France (Code du travail, art. L3133-1) and the working days they leave.
/// Alsace-Moselle's two extra days (Good Friday, 26 December) are not included: no structure of that law area uses the app yet.</summary>
public static class FrenchHolidays
{
    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computation), valid for any year after 1582.</summary>
    public static DateOnly EasterSunday(int year)
    {
        var goldenNumber = year % 19;
        var century = year / 100;
        var yearOfCentury = year % 100;
        var leapCenturies = century / 4;
        var centuryRemainder = century % 4;
        var moonCorrection = (century + 8) / 25;
        var solarCorrection = (century - moonCorrection + 1) / 3;
        var epact = (19 * goldenNumber + century - leapCenturies - solarCorrection + 15) % 30;
        var quarterYears = yearOfCentury / 4;
        var yearRemainder = yearOfCentury % 4;
        var weekdayOffset = (32 + 2 * centuryRemainder + 2 * quarterYears - epact - yearRemainder) % 7;
        var adjustment = (goldenNumber + 11 * epact + 22 * weekdayOffset) / 451;
        var monthDay = epact + weekdayOffset - 7 * adjustment + 114;
        return new DateOnly(year, monthDay / 31, monthDay % 31 + 1);
    }

    /// <summary>The public holidays of a year with their French names, in date order.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> Of(int year)
    {
        var easter = EasterSunday(year);
        return new List<(DateOnly, string)>
        {
            (new DateOnly(year, 1, 1), "Jour de l'an"),
            (easter.AddDays(1), "Lundi de Pâques"),
            (new DateOnly(year, 5, 1), "Fête du travail"),
            (new DateOnly(year, 5, 8), "Victoire 1945"),
            (easter.AddDays(39), "Ascension"),
            (easter.AddDays(50), "Lundi de Pentecôte"),
            (new DateOnly(year, 7, 14), "Fête nationale"),
            (new DateOnly(year, 8, 15), "Assomption"),
            (new DateOnly(year, 11, 1), "Toussaint"),
            (new DateOnly(year, 11, 11), "Armistice 1918"),
            (new DateOnly(year, 12, 25), "Noël"),
        }.OrderBy(h => h.Item1).ToList();
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, HashSet<DateOnly>> ByYear = new();

    public static bool IsHoliday(DateOnly date) =>
        ByYear.GetOrAdd(date.Year, year => Of(year).Select(h => h.Date).ToHashSet()).Contains(date);

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);

    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/> (the day of reception is not counted).</summary>
    public static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var date = from;
        var remaining = days;
        while (remaining > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }
        return date;
    }
}
