namespace QualiPilote.Web.Shared.Spreadsheets;

/// <summary>How much of an uploaded file the app agrees to read. A file crossing a bound is refused with a French message
/// naming it, before the work (and the memory) grows with the file: a zip bomb, a 2 GiB cell, a header of 300,000 columns
/// or a sheet claiming a million columns all stop at the first bound crossed.</summary>
public sealed record SpreadsheetLimits
{
    /// <summary>What a register holds: a few dozen columns, two million rows (a year of a large prefecture's mail is ~300,000),
    /// cells no longer than Excel's own limit.</summary>
    public static readonly SpreadsheetLimits Registers = new();

    /// <summary>A referential: a few hundred rows of long texts.</summary>
    public static readonly SpreadsheetLimits Referentials = new() { MaxRows = 20_000, MaxUncompressedBytes = 64L << 20 };

    /// <summary>Columns a row may use; a value in a column beyond is refused (an empty cell there is ignored).</summary>
    public int MaxColumns { get; init; } = 64;

    public int MaxRows { get; init; } = 2_000_000;

    /// <summary>Characters in one cell: Excel's own limit.</summary>
    public int MaxCellChars { get; init; } = 32_767;

    /// <summary>Bytes of the whole workbook once decompressed (an XLSX of a million register rows is about 400 MB).</summary>
    public long MaxUncompressedBytes { get; init; } = 1L << 30;

    /// <summary>Bytes of the shared strings part once decompressed: it is read into memory, so it is held well under the
    /// app's memory ceiling (a million distinct references take about 30 MB).</summary>
    public long MaxSharedStringsBytes { get; init; } = 96L << 20;

    /// <summary>How many times a large part may expand: spreadsheet XML deflates 10 to 30 times, a deflate bomb about a
    /// thousand. Without it, a 110 KB file of whitespace costs the reader seconds of processor time before it finds no header.</summary>
    public int MaxCompressionRatio { get; init; } = 250;

    /// <summary>Parts smaller than this, once decompressed, may expand as they like (a tiny part of repeated tags does).</summary>
    public long RatioCheckedFromBytes { get; init; } = 8L << 20;

    /// <summary>Parts in the archive (a workbook has a dozen).</summary>
    public int MaxEntries { get; init; } = 1_000;

    public static string Megabytes(long bytes) => Fr.Number(bytes / (1024.0 * 1024.0), bytes < 10 << 20 ? 1 : 0) + " Mo";
}
