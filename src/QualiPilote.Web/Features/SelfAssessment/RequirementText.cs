using QualiPilote.Web.Features.Referentials;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>Whether a requirement says more than its engagement. Quali-ATE's auditor expectations are not public: until an
/// administrator imports them, each engagement carries one requirement that repeats it, marked "texte officiel à importer",
/// and sometimes holding a placeholder sentence instead of the engagement's words.</summary>
public static class RequirementText
{
    private static readonly string[] Placeholders = [ReferentialImporter.MissingText, "texte détaillé à importer"];

    public static bool RepeatsEngagement(Requirement requirement, Engagement engagement)
    {
        var text = requirement.Text.Trim();
        return text.Length == 0
            || string.Equals(text, engagement.Text.Trim(), StringComparison.OrdinalIgnoreCase)
            || (requirement.OfficialTextMissing && Placeholders.Any(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>True when some requirement of these only repeats its engagement because the official text is missing.</summary>
    public static bool AwaitsImport(IEnumerable<GridRow> rows) => rows.Any(r => r.RepeatsEngagement && r.Requirement.OfficialTextMissing);
}
