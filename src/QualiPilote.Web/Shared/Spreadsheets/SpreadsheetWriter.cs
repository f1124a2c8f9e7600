using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace QualiPilote.Web.Shared.Spreadsheets;

/// <summary>The one place the app writes CSV and XLSX files. Every text cell goes through <see cref="FormulaGuard"/>;
/// dates, numbers and yes/no are written as such.</summary>
public static class SpreadsheetWriter
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>Writes the sheets as one XLSX workbook, with a filter and a frozen header row on each sheet.</summary>
    public static async Task WriteXlsxAsync(Stream output, IReadOnlyList<Sheet> sheets, CancellationToken cancellationToken = default)
    {
        // MiniExcel takes one column configuration for the whole workbook, keyed by the rows' dictionary keys:
        // keys unique to each sheet and column let two sheets format a column of the same name differently.
        var columns = new List<DynamicExcelColumn>();
        var workbook = new Dictionary<string, object>();
        for (var s = 0; s < sheets.Count; s++)
        {
            var sheet = sheets[s];
            var keys = sheet.Columns.Select((_, c) => $"s{s}c{c}").ToArray();
            columns.AddRange(sheet.Columns.Select((column, c) => new DynamicExcelColumn(keys[c])
            {
                Name = column.Name,
                Index = c,
                Width = column.Width > 0 ? column.Width : 16,
                Format = column.Format,
            }));
            workbook[sheet.Name] = Rows(sheet, keys);
        }
        var configuration = new OpenXmlConfiguration
        {
            AutoFilter = true,
            FreezeRowCount = 1,
            TableStyles = TableStyles.None,
            DynamicColumns = [.. columns],
        };
        if (output.CanSeek)
        {
            await output.SaveAsAsync(workbook, configuration: configuration, cancellationToken: cancellationToken);
            return;
        }
        // MiniExcel seeks in what it writes: a response body gets the workbook from a temporary file.
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await buffer.SaveAsAsync(workbook, configuration: configuration, cancellationToken: cancellationToken);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    /// <summary>Writes one sheet as CSV: a header line, then one line per row. Open data keeps the standard form (comma,
    /// decimal point, ISO dates, UTF-8 with BOM); <paramref name="delimiter"/> and <paramref name="culture"/> give the French one.</summary>
    public static async Task WriteCsvAsync(Stream output, Sheet sheet, string delimiter = ",", CultureInfo? culture = null, CancellationToken cancellationToken = default)
    {
        culture ??= CultureInfo.InvariantCulture;
        await using var text = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        // The guard is ours (text cells only); CsvHelper's own injection escaping would also quote negative numbers.
        await using var csv = new CsvWriter(text, new CsvConfiguration(culture) { Delimiter = delimiter, InjectionOptions = InjectionOptions.None });
        foreach (var column in sheet.Columns)
        {
            csv.WriteField(FormulaGuard.Neutralise(column.Name));
        }
        await csv.NextRecordAsync();
        foreach (var row in sheet.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var c = 0; c < sheet.Columns.Count; c++)
            {
                csv.WriteField(CsvText(c < row.Length ? row[c] : null, sheet.Columns[c], culture));
            }
            await csv.NextRecordAsync();
        }
    }

    private static IEnumerable<Dictionary<string, object?>> Rows(Sheet sheet, string[] keys)
    {
        foreach (var row in sheet.Rows)
        {
            var cells = new Dictionary<string, object?>(keys.Length);
            for (var c = 0; c < keys.Length; c++)
            {
                cells[keys[c]] = XlsxValue(c < row.Length ? row[c] : null);
            }
            yield return cells;
        }
    }

    private static object? XlsxValue(object? value) => value switch
    {
        null => null,
        string text => FormulaGuard.Neutralise(text),
        // Excel has no date before 1900: such a date (a typing mistake kept from before the checks) is written as text.
        DateOnly date when date.Year < 1900 => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time when time.Year < 1900 => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly date => date.ToDateTime(TimeOnly.MinValue),
        bool yes => yes ? "oui" : "non",
        double number when !double.IsFinite(number) => null,
        DateTime or int or long or double or decimal => value,
        _ => FormulaGuard.Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static string? CsvText(object? value, SheetColumn column, CultureInfo culture) => value switch
    {
        null => null,
        string text => FormulaGuard.Neutralise(text),
        DateOnly date => date.ToString(column.Format is null || ReferenceEquals(culture, CultureInfo.InvariantCulture) ? "yyyy-MM-dd" : column.Format, culture),
        DateTime time => time.ToString(ReferenceEquals(culture, CultureInfo.InvariantCulture) ? "yyyy-MM-ddTHH:mm:ssZ" : column.Format ?? "dd/MM/yyyy HH:mm", culture),
        bool yes => yes ? "oui" : "non",
        double number when !double.IsFinite(number) => null,
        IFormattable number => number.ToString(null, culture),
        _ => FormulaGuard.Neutralise(value.ToString()),
    };
}
