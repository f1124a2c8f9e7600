using System.Globalization;

namespace QualiPilote.Web.Shared;

/// <summary>French display formats: 88,20 %, 23/11/2026, 1 234.</summary>
public static class Fr
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    public static string Date(DateOnly? date) => date is null ? "–" : Date(date.Value);

    /// <summary>A UTC timestamp shown in metropolitan French time.</summary>
    public static string DateTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), ParisTime.Zone).ToString("dd/MM/yyyy HH:mm", Culture);

    /// <summary>A percentage given in points (88.2 → "88,20 %"); "–" when there is nothing to measure.</summary>
    public static string Percent(double? points, int decimals = 2) =>
        points is null ? "–" : points.Value.ToString("N" + decimals, Culture) + "\u00a0%";

    /// <summary>A text cut to <paramref name="length"/> characters, an ellipsis marking the cut (titles made from longer texts).</summary>
    public static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    public static string Number(double value, int decimals = 0) => value.ToString("N" + decimals, Culture);

    /// <summary>A count and its word, agreed in number as French does: singular for 0 and 1, plural from 2
    /// ("1 réalisée", "3 réalisées", "0 erreur"). The plural defaults to the singular plus "s"; pass it when it differs
    /// ("en cours", "non applicables").</summary>
    public static string Count(long count, string singular, string? plural = null) =>
        $"{count.ToString("N0", Culture)} {Word(count, singular, plural)}";

    /// <summary>The word alone, agreed with <paramref name="count"/> (see <see cref="Count"/>).</summary>
    public static string Word(long count, string singular, string? plural = null) =>
        count is >= -1 and <= 1 ? singular : plural ?? singular + "s";
}
