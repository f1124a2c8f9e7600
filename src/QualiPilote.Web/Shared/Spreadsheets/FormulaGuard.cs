namespace QualiPilote.Web.Shared.Spreadsheets;

/// <summary>Keeps text from being read as a formula by the spreadsheet that opens an exported file (CSV or formula
/// injection, OWASP): a text cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a
/// leading apostrophe. Numbers and dates are written as numbers and dates, never as text, so a negative value stays a value.</summary>
public static class FormulaGuard
{
    public static string? Neutralise(string? text) => text is { Length: > 0 } && IsTrigger(text[0]) ? "'" + text : text;

    /// <summary>The text a neutralised cell stood for, so that a file the app wrote imports back unchanged.</summary>
    public static string? Restore(string? text) => text is { Length: > 1 } && text[0] == '\'' && IsTrigger(text[1]) ? text[1..] : text;

    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
}
