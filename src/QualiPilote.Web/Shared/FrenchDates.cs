using System.Globalization;

namespace QualiPilote.Web.Shared;

/// <summary>Dates as French users and their spreadsheets write them: 23/11/2026 or 2026-11-23.</summary>
public static class FrenchDates
{
    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
