namespace QualiPilote.Web.Shared.Spreadsheets;

/// <summary>A column of an exported sheet: its header, its width in characters (0: the spreadsheet's default), and the
/// format of its numbers or dates.</summary>
public sealed record SheetColumn(string Name, double Width = 0, string? Format = null)
{
    public static SheetColumn Date(string name, double width = 12) => new(name, width, "dd/MM/yyyy");

    public static SheetColumn DateTime(string name, double width = 17) => new(name, width, "dd/MM/yyyy HH:mm");
}
