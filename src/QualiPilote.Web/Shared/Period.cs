using System.Globalization;
using System.Text.RegularExpressions;

namespace QualiPilote.Web.Shared;

public enum PeriodKind
{
    Year,
    Quarter,
    Month,
}

/// <summary>A year ("2023"), a quarter ("2023-T2", also read "2023-Q2") or a month ("2023-05"): the periods of indicator values,
/// written this way in URLs, the API and open data. Items belong to the period of their reception date.</summary>
public readonly partial record struct Period(PeriodKind Kind, int Year, int Number)
{
    public static Period OfYear(int year) => new(PeriodKind.Year, year, 0);

    public static Period OfQuarter(int year, int quarter) => new(PeriodKind.Quarter, year, quarter);

    public static Period OfMonth(int year, int month) => new(PeriodKind.Month, year, month);

    public static Period QuarterOf(DateOnly date) => OfQuarter(date.Year, (date.Month + 2) / 3);

    /// <summary>First day of the period.</summary>
    public DateOnly Start => Kind switch
    {
        PeriodKind.Year => new DateOnly(Year, 1, 1),
        PeriodKind.Quarter => new DateOnly(Year, 3 * Number - 2, 1),
        _ => new DateOnly(Year, Number, 1),
    };

    /// <summary>First day after the period.</summary>
    public DateOnly End => Kind switch
    {
        PeriodKind.Year => Start.AddYears(1),
        PeriodKind.Quarter => Start.AddMonths(3),
        _ => Start.AddMonths(1),
    };

    public bool Contains(DateOnly date) => date >= Start && date < End;

    public Period PreviousYear => this with { Year = Year - 1 };

    public Period Previous => Kind switch
    {
        PeriodKind.Year => OfYear(Year - 1),
        PeriodKind.Quarter => Number == 1 ? OfQuarter(Year - 1, 4) : OfQuarter(Year, Number - 1),
        _ => Number == 1 ? OfMonth(Year - 1, 12) : OfMonth(Year, Number - 1),
    };

    public IEnumerable<Period> Quarters
    {
        get
        {
            var year = Year;
            return Kind == PeriodKind.Year ? Enumerable.Range(1, 4).Select(q => OfQuarter(year, q)) : [this];
        }
    }

    public string Key => Kind switch
    {
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{Year}-T{Number}",
        _ => $"{Year}-{Number:00}",
    };

    /// <summary>French label: "2023", "T2 2023", "mai 2023".</summary>
    public string Label => Kind switch
    {
        PeriodKind.Year => Key,
        PeriodKind.Quarter => $"T{Number} {Year}",
        _ => Start.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR")),
    };

    public override string ToString() => Key;

    public static bool TryParse(string? text, out Period period)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        period = default;
        if (!match.Success)
        {
            return false;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 1990 or > 2200)
        {
            return false;
        }
        if (match.Groups["quarter"].Success)
        {
            period = OfQuarter(year, int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture));
            return period.Number is >= 1 and <= 4;
        }
        if (match.Groups["month"].Success)
        {
            period = OfMonth(year, int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture));
            return period.Number is >= 1 and <= 12;
        }
        period = OfYear(year);
        return true;
    }

    [GeneratedRegex(@"^(?<year>\d{4})(-(?:[TtQq](?<quarter>\d)|(?<month>\d{2})))?$")]
    private static partial Regex Pattern();
}
