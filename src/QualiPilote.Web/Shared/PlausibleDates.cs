namespace QualiPilote.Web.Shared;

/// <summary>The years a date of the quality approach can fall in. A register row received on 01/01/0001 or a due date in 9999
/// is a typing or export mistake, and such years broke the spreadsheet exports (Excel has no year before 1900): they are
/// refused with the row and the field named. From <see cref="FirstYear"/> (setting <c>Dates:FirstYear</c>, 2000 by default)
/// to next year for what happened (registers, years in addresses), ten years ahead for what is planned.</summary>
public static class PlausibleDates
{
    public const int PlanYearsAhead = 10;

    public static int FirstYear { get; private set; } = 2000;

    /// <summary>Reads <c>Dates:FirstYear</c> once, at start.</summary>
    public static void Configure(IConfiguration configuration)
    {
        if (configuration.GetValue<int?>("Dates:FirstYear") is { } year)
        {
            FirstYear = year is >= 1900 and <= 9000 ? year
                : throw new InvalidOperationException($"Dates:FirstYear = {year} : une année entre 1900 et 9000 est attendue.");
        }
    }

    /// <summary>A year given in an address (?annee=…) or a route: from <see cref="FirstYear"/> to next year.</summary>
    public static bool IsYear(int year, DateOnly today) => year >= FirstYear && year <= today.Year + 1;

    public static string YearMessage(string text, DateOnly today) =>
        $"« {Fr.Shorten(text, 20)} » n'est pas une année prise en compte (de {FirstYear} à {today.Year + 1}).";

    /// <summary>The French reason a date of a fact (a letter received, a call taken) is not plausible, or null.</summary>
    public static string? FactError(DateOnly date, DateOnly today) =>
        date.Year < FirstYear ? $"le {Fr.Date(date)} est antérieur à {FirstYear} : vérifiez l'année."
        : date > today ? $"le {Fr.Date(date)} est dans le futur."
        : null;
}
