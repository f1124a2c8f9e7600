namespace QualiPilote.Web.Shared.Spreadsheets;

/// <summary>A file the app refuses to read further: damaged, of the wrong kind, or crossing one of the <see cref="SpreadsheetLimits"/>.
/// The message is French, says what is wrong (and where, when known) and is shown to the user as it is.</summary>
public sealed class UnreadableFileException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The line (row) of the file where reading stopped, when known.</summary>
    public int? Line { get; init; }
}
