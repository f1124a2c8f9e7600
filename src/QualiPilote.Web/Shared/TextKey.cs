using System.Globalization;
using System.Text;

namespace QualiPilote.Web.Shared;

/// <summary>Compares what users type in column headers and coded values the forgiving way:
/// "N° Engagement", "n_engagement" and "N engagement" all become "n_engagement"; "Réclamation" becomes "reclamation".</summary>
public static class TextKey
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSeparator = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSeparator && builder.Length > 0)
                {
                    builder.Append('_');
                }
                pendingSeparator = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSeparator = true;
            }
        }
        return builder.ToString();
    }
}
