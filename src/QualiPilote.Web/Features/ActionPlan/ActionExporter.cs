using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Spreadsheets;

namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>Writes a view of the action plan to Excel: the same rows as the page for the same filters, a "Groupe"
/// column for grouped views, and a second sheet that says which filters made the file and when.</summary>
public static class ActionExporter
{
    private static readonly SheetColumn[] Columns =
    [
        new("Groupe", 30), new("N°", 6), new("Action", 50), new("Description", 50), new("Origine", 24), new("Précision sur l'origine", 40),
        new("Engagements", 30), new("Service pilote", 14), new("Responsable", 24), SheetColumn.Date("Début"), SheetColumn.Date("Échéance"),
        new("Statut", 12), new("En retard", 10), new("Avancement (%)", 10), new("Motif", 30), SheetColumn.Date("Réalisée le"),
        new("Efficacité", 30), new("Vérification de l'efficacité", 40), new("Lien", 60),
    ];

    public static string FileName(Structure structure, DateOnly today) => $"plan-action-{structure.Code}-{today:yyyy-MM-dd}.xlsx";

    /// <param name="link">The full address of an action's page.</param>
    public static async Task WriteAsync(Stream output, Structure structure, ActionFilter filter, IReadOnlyList<ImprovementAction> actions,
        DateOnly today, Func<int, string?> engagementName, Func<ImprovementAction, string> link, CancellationToken cancellationToken = default)
    {
        var grouped = filter.View != ActionView.List;
        var rows = ActionPlanQuery.Group(actions, filter.View)
            .SelectMany(g => g.Actions.Select(a => ToRow(a, grouped ? g.Title : null, today, link)))
            .ToList();
        var criteria = Sheet.Criteria("Filtres",
        [
            ("Structure", structure.Name),
            ("Exporté le", Fr.Date(today)),
            ("Vue", ActionFilter.Label(filter.View)),
            ("Service pilote", filter.Service ?? "Tous"),
            ("Engagement", filter.Engagement is { } id ? engagementName(id) ?? id.ToString(Fr.Culture) : "Tous"),
            ("Origine", filter.Origin?.Label() ?? "Toutes"),
            ("Statut", filter.Status is { } status ? ActionFilter.Label(status) : "Tous"),
            ("Échéance", filter.Deadline is { } deadline ? ActionFilter.Label(deadline) : "Toutes"),
            ("Lignes", rows.Count.ToString(Fr.Culture)),
        ]);
        await SpreadsheetWriter.WriteXlsxAsync(output, [new Sheet("Actions", Columns, rows), criteria], cancellationToken);
    }

    private static object?[] ToRow(ImprovementAction action, string? group, DateOnly today, Func<ImprovementAction, string> link) =>
    [
        group,
        action.Id,
        action.Title,
        action.Description,
        action.Origin.Label(),
        action.OriginDetail,
        string.Join(", ", action.Engagements.Select(e => ActionPlanQuery.EngagementShort(e.Engagement))),
        action.Service?.Code,
        action.OwnerName,
        action.StartDate,
        action.DueDate,
        action.Status.Label(),
        action.IsOverdue(today),
        action.Progress,
        action.StatusReason,
        action.CompletedOn,
        action.Efficacy?.Label(),
        action.EfficacyNote,
        link(action),
    ];
}
