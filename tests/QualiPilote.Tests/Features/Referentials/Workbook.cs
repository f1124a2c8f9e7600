using MiniExcelLibs;

namespace QualiPilote.Tests.Features.Referentials;

/// <summary>Builds small .xlsx files the way a referent would fill them: a header row, then one row per requirement.</summary>
public static class Workbook
{
    public static byte[] Of(params object?[][] rows)
    {
        var header = rows[0].Select(h => h?.ToString() ?? "").ToArray();
        var data = rows.Skip(1).Select(r =>
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < r.Length ? r[i] : null;
            }
            return row;
        });
        using var stream = new MemoryStream();
        stream.SaveAs(data);
        return stream.ToArray();
    }
}
