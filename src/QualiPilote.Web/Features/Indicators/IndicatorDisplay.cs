using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>How indicator figures read in French, on every page, export and poster.</summary>
public static class IndicatorDisplay
{
    public static string Format(this IndicatorResult result) => IndicatorEditor.Format(result.Indicator, result.Value);

    public static string FormatTarget(this IndicatorResult result) =>
        result.Target is null ? "–" : (result.Indicator.Direction == IndicatorDirection.LowerIsBetter ? "≤ " : "≥ ") + IndicatorEditor.Format(result.Indicator, result.Target);

    /// <summary>The national target every indicator of a group has for a period, as the seed's "Cibles nationales" row
    /// shows it; null when one has none or they differ (each cell then shows its own).</summary>
    public static (double Value, string Text)? SharedNationalTarget(IEnumerable<IndicatorResult> cells)
    {
        var targets = cells.Select(NationalTarget).Distinct().ToList();
        return targets is [{ } only] ? only : null;
    }

    private static (double Value, string Text)? NationalTarget(IndicatorResult cell) =>
        cell.NationalTarget is { } target ? (target, (cell with { LocalTarget = null }).FormatTarget()) : null;

    /// <summary>The comments of a group's cells for a period, named by indicator when the group has several.</summary>
    public static List<string> Comments(IEnumerable<IndicatorResult> cells)
    {
        var all = cells.ToList();
        return all.Where(c => c.Comment is not null).Select(c => all.Count == 1 ? c.Comment! : $"{c.Indicator.Label} : {c.Comment}").ToList();
    }

    public static string Label(this IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "Atteint",
        IndicatorStatus.NotMet => "Non atteint",
        IndicatorStatus.Alert => "Alerte",
        IndicatorStatus.NoTarget => "Sans cible",
        _ => "Pas de donnée",
    };

    /// <summary>DSFR badge class: colour plus an icon and a word, never colour alone (RGAA 3.1).</summary>
    public static string BadgeClass(this IndicatorStatus status) => status switch
    {
        IndicatorStatus.Met => "fr-badge fr-badge--sm fr-badge--success",
        IndicatorStatus.NotMet => "fr-badge fr-badge--sm fr-badge--warning",
        IndicatorStatus.Alert => "fr-badge fr-badge--sm fr-badge--error",
        _ => "fr-badge fr-badge--sm",
    };

    public static string? FormatEvolution(this IndicatorResult result) =>
        result.Evolution is { } evolution ? (evolution >= 0 ? "+" : "") + Fr.Number(evolution, 1) + "\u00a0%" : null;

    /// <summary>The dashboard's row groups, in the seed's order.</summary>
    public static string Group(this Indicator indicator) => indicator.Source switch
    {
        _ when indicator.StructureId is not null => "Indicateurs propres à la structure",
        IndicatorSource.CorrespondenceMail or IndicatorSource.CorrespondenceEmail or IndicatorSource.CorrespondenceComplaint => "Délais de réponse aux courriers, courriels et réclamations",
        IndicatorSource.Calls => "Accueil téléphonique",
        IndicatorSource.AttendanceReception or IndicatorSource.AttendancePan => "Fréquentation de l'accueil et des points numériques",
        _ when indicator.Code.StartsWith("sp-", StringComparison.Ordinal) => "Services Publics + : satisfaction et ressenti des usagers",
        _ => "Communication",
    };

    /// <summary>Numbers as the DSFR chart components read them (JSON, invariant culture).</summary>
    public static string Json(double? value) => value is { } v ? Math.Round(v, 2).ToString(System.Globalization.CultureInfo.InvariantCulture) : "null";
}
