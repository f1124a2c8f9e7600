namespace QualiPilote.Web.Shared.Spreadsheets;

/// <summary>A sheet to export: its columns and its rows, one value per column. Rows may be read lazily (a register of a
/// million lines is streamed from the database), so they are enumerated once, while the file is written.</summary>
public sealed record Sheet(string Name, IReadOnlyList<SheetColumn> Columns, IEnumerable<object?[]> Rows)
{
    /// <summary>A sheet of two columns, "Critère" and "Valeur": what made an export (structure, filters, date).</summary>
    public static Sheet Criteria(string name, IEnumerable<(string Criterion, string Value)> criteria) =>
        new(name, [new SheetColumn("Critère", 24), new SheetColumn("Valeur", 60)], criteria.Select(c => new object?[] { c.Criterion, c.Value }));
}
