using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>Tells an import that looks out of line before it is stored: a month's or a quarter's volume at least
/// <see cref="VolumeFactor"/> times the same period of the previous year, or most of the file's counted items late. The
/// importer writes the file in its transaction, asks this review, and rolls back when it answers warnings and the user has
/// not confirmed: the figures compared are the register's own tallies, after the import, so every register and both writers
/// are checked the same way. A random 40 000-row test file reached the public page at once (issue 12); this is what stops it.</summary>
public sealed class ImportReview(IRegisterTallies tallies)
{
    public const int VolumeFactor = 3;
    /// <summary>Below this volume a period is not compared: 3 letters against 1 a year earlier is not a warning.</summary>
    public const int MinimumVolume = 20;
    /// <summary>Counted items needed before the share of late items is judged.</summary>
    public const int MinimumCounted = 20;
    public const int MaxListedWarnings = 12;

    /// <summary>Volumes of the register by indicator and month, read from the tallies (a few hundred rows, whatever the register).</summary>
    public async Task<Dictionary<(string Code, DateOnly Month), long>> VolumesAsync(int structureId, RegisterKind kind, CancellationToken cancellationToken)
    {
        var volumes = await tallies.VolumesAsync(structureId, Units(kind).Keys.ToList(), cancellationToken);
        return volumes.ToDictionary(v => (v.IndicatorCode, v.Month), v => v.Volume);
    }

    /// <summary>The warnings, in French with their figures, for periods whose volume the import raised.</summary>
    public static List<string> VolumeWarnings(RegisterKind kind, Dictionary<(string Code, DateOnly Month), long> before, Dictionary<(string Code, DateOnly Month), long> after)
    {
        var units = Units(kind);
        var warnings = new List<(DateOnly Start, string Text)>();
        var flaggedQuarters = new HashSet<(string, Period)>();
        foreach (var ((code, month), volume) in after.OrderBy(a => a.Key.Month).ThenBy(a => a.Key.Code))
        {
            if (volume > before.GetValueOrDefault((code, month)) && OutOfLine(volume, after.GetValueOrDefault((code, month.AddYears(-1)))) is { } previous)
            {
                var period = Period.OfMonth(month.Year, month.Month);
                warnings.Add((month, Text(volume, units[code], "en " + period.Label, previous, "en " + period.PreviousYear.Label)));
                flaggedQuarters.Add((code, Period.QuarterOf(month)));
            }
        }
        static Dictionary<(string, Period), long> ByQuarter(Dictionary<(string Code, DateOnly Month), long> volumes) =>
            volumes.GroupBy(v => (v.Key.Code, Period.QuarterOf(v.Key.Month))).ToDictionary(g => g.Key, g => g.Sum(v => v.Value));
        var quartersBefore = ByQuarter(before);
        var quartersAfter = ByQuarter(after);
        foreach (var ((code, quarter), volume) in quartersAfter.OrderBy(q => q.Key.Item2.Start).ThenBy(q => q.Key.Item1))
        {
            if (!flaggedQuarters.Contains((code, quarter)) && volume > quartersBefore.GetValueOrDefault((code, quarter))
                && OutOfLine(volume, quartersAfter.GetValueOrDefault((code, quarter.PreviousYear))) is { } previous)
            {
                warnings.Add((quarter.Start, Text(volume, units[code], "au " + QuarterLabel(quarter), previous, "au " + QuarterLabel(quarter.PreviousYear))));
            }
        }
        var listed = warnings.OrderBy(w => w.Start).Select(w => w.Text).ToList();
        if (listed.Count > MaxListedWarnings)
        {
            var more = listed.Count - MaxListedWarnings + 1;
            listed = [.. listed.Take(MaxListedWarnings - 1), $"… et {Fr.Number(more)} autres périodes dans le même cas."];
        }
        return listed;
    }

    /// <summary>The warning when more than half of the file's counted items are late, or null.</summary>
    public static string? LateWarning(long counted, long late) =>
        counted >= MinimumCounted && late * 2 > counted
            ? $"{Fr.Number(late)} des {Fr.Number(counted)} éléments comptés du fichier ({Fr.Percent(100.0 * late / counted)}) sont hors délai "
              + "(réponse après la date limite, ou pas de réponse alors que la date limite est passée)."
            : null;

    /// <summary>The previous year's volume when <paramref name="volume"/> is out of line with it, or null. A period without
    /// a previous year is not compared.</summary>
    private static long? OutOfLine(long volume, long previous) =>
        previous > 0 && volume >= MinimumVolume && volume >= VolumeFactor * previous ? previous : null;

    private static string Text(long volume, string unit, string period, long previous, string previousPeriod) =>
        $"{Fr.Number(volume)} {unit} {period} contre {Fr.Number(previous)} {previousPeriod} ({Fr.Number((double)volume / previous, 1)} fois plus).";

    private static string QuarterLabel(Period quarter) => $"{(quarter.Number == 1 ? "1er" : $"{quarter.Number}e")} trimestre {quarter.Year}";

    private static Dictionary<string, string> Units(RegisterKind kind) => kind switch
    {
        RegisterKind.Correspondence => CorrespondenceChannels.All.ToDictionary(c => c.IndicatorCode(), c => c switch
        {
            CorrespondenceChannel.Mail => "courriers",
            CorrespondenceChannel.Email => "courriels",
            _ => "réclamations",
        }),
        RegisterKind.Calls => new() { [IndicatorCodes.Calls] = "appels présentés" },
        _ => new() { [IndicatorCodes.AttendanceReception] = "usagers à l'accueil général", [IndicatorCodes.AttendancePan] = "usagers au PAN" },
    };
}
