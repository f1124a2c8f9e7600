using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.AuditTrail;

/// <summary>The filters of the journal, shared by its pages, their Excel export and the API so that they select the same
/// entries: a record type (CLR name, as stored), an author (stored user name) and a period of days in Paris time,
/// both days included.</summary>
public sealed record JournalFilter(string? EntityType = null, string? User = null, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>The oldest and latest days a period may name: beyond them a date is surely a typing error.</summary>
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2199, 12, 31);

    public enum Bound
    {
        From,
        To,
    }

    public sealed record Error(Bound Bound, string Message);

    public bool IsEmpty => EntityType is null && User is null && From is null && To is null;

    /// <summary>Reads the filters as typed; a date that cannot be read is left out of the filter and reported in French.</summary>
    public static JournalFilter Parse(string? entityType, string? user, string? from, string? to, out IReadOnlyList<Error> errors)
    {
        var found = new List<Error>();
        var fromDate = ParseDate(from, Bound.From, "Date de début", found);
        var toDate = ParseDate(to, Bound.To, "Date de fin", found);
        if (fromDate is { } f && toDate is { } t && t < f)
        {
            found.Add(new Error(Bound.To, $"Date de fin : le {Fr.Date(t)} précède la date de début ({Fr.Date(f)})."));
            toDate = null;
        }
        errors = found;
        return new JournalFilter(Blank(entityType), Blank(user), fromDate, toDate);
    }

    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries)
    {
        if (EntityType is not null)
        {
            entries = entries.Where(e => e.EntityType == EntityType);
        }
        if (User is not null)
        {
            entries = entries.Where(e => e.UserName == User);
        }
        if (From is { } from)
        {
            var start = StartInParis(from);
            entries = entries.Where(e => e.At >= start);
        }
        if (To is { } to)
        {
            var end = StartInParis(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }
        return entries;
    }

    /// <summary>The query string of the page for this filter ("?type=Service&amp;du=01/11/2026"), empty values left out.</summary>
    public string ToQuery(int? page = null, string? handler = null)
    {
        var parts = new List<string>();
        Add("type", EntityType);
        Add("auteur", User);
        Add("du", From is { } from ? Fr.Date(from) : null);
        Add("au", To is { } to ? Fr.Date(to) : null);
        Add("page", page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Add("handler", handler);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
    }

    /// <summary>Midnight in Paris, as the UTC instant the journal stores.</summary>
    private static DateTime StartInParis(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), ParisTime.Zone);

    private static DateOnly? ParseDate(string? text, Bound bound, string field, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!FrenchDates.TryParse(text, out var date))
        {
            errors.Add(new Error(bound, $"{field} : « {Fr.Shorten(text.Trim(), 40)} » n'est pas une date ; écrivez-la au format JJ/MM/AAAA, par exemple 23/11/2026."));
            return null;
        }
        if (date < Earliest || date > Latest)
        {
            errors.Add(new Error(bound, $"{field} : choisissez une date entre le {Fr.Date(Earliest)} et le {Fr.Date(Latest)}."));
            return null;
        }
        return date;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
