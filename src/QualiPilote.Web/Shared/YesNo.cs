namespace QualiPilote.Web.Shared;

/// <summary>Yes/no cells as offices type them in imported files: oui/non, o/n, yes/no, vrai/faux, true/false, 1/0, x.</summary>
public static class YesNo
{
    /// <summary>False when the text is neither yes nor no; <paramref name="value"/> is null for an empty cell.</summary>
    public static bool TryParse(string? text, out bool? value)
    {
        switch (TextKey.Normalize(text))
        {
            case "":
                value = null;
                return true;
            case "oui" or "o" or "yes" or "vrai" or "true" or "1" or "x":
                value = true;
                return true;
            case "non" or "n" or "no" or "faux" or "false" or "0":
                value = false;
                return true;
            default:
                value = null;
                return false;
        }
    }
}
