using System.Text.RegularExpressions;
using QualiPilote.Tests.Infrastructure;

namespace QualiPilote.Tests.Features;

/// <summary>docs/adr/0040: what may use what, read from the source. A folder of Features/ reaches another only through an edge
/// listed here; Shared/ reaches no feature but the exceptions named; nothing but the composition uses the demo. The table is a
/// ratchet: a new edge fails until it is argued in the ADR and added, an edge that disappears must be struck off, so the cycles
/// listed there can only be broken, never added to.</summary>
public partial class FeatureDependencyTests
{
    /// <summary>Who uses whom today. The pairs that point both ways are the cycles ADR 0040 lists to break.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Access"] = ["Structures"],
        ["ActionPlan"] = ["Access", "Referentials", "Structures"],
        ["Admin"] = ["Access"],
        ["AuditTrail"] = ["Access", "ActionPlan", "Audits", "Indicators", "Labelling", "Notifications", "PublicResults", "Referentials", "Registers", "SelfAssessment", "Structures"],
        ["Audits"] = ["Access", "ActionPlan", "Labelling", "Referentials", "Structures"],
        ["Data"] = ["Access", "AuditTrail", "Referentials", "Registers", "Structures"],
        ["Demo"] = ["Access", "ActionPlan", "Audits", "Indicators", "Labelling", "PublicResults", "Referentials", "Registers", "SelfAssessment", "Structures"],
        ["Features"] = ["Access", "ActionPlan", "AuditTrail", "Audits", "Demo", "Indicators", "Labelling", "Notifications", "PublicResults", "Referentials", "Registers", "SelfAssessment", "Structures"],
        ["Home"] = ["Access", "ActionPlan", "Labelling", "Structures"],
        ["Indicators"] = ["Access", "ActionPlan", "Home", "Referentials", "Registers", "Structures"],
        ["Labelling"] = ["Access", "Structures"],
        ["Notifications"] = ["Access", "ActionPlan", "Indicators", "Labelling", "SelfAssessment", "Structures"],
        ["Program"] = ["Access"],
        ["PublicResults"] = ["Access", "Indicators", "Registers", "Structures"],
        ["Referentials"] = ["Access"],
        ["Registers"] = ["Access", "Structures"],
        ["SelfAssessment"] = ["Access", "ActionPlan", "Home", "Referentials", "Structures"],
        ["Structures"] = ["Access", "Referentials"],
    };

    /// <summary>The only files of Shared/ that know a feature, and why (ADR 0040).</summary>
    private static readonly Dictionary<string, string[]> SharedExceptions = new()
    {
        ["Shared/_ViewImports.cshtml"] = ["Access"],           // the layout's header names the user and shows the administrators' menu
        ["Shared/Hosting/StartupChecks.cs"] = ["Access"],      // checks the Bootstrap administrator's settings before the start
        ["Shared/Versioning/Versions.cs"] = ["AuditTrail"],    // a conflict names who saved, read from the journal
    };

    [Fact]
    public void Features_use_each_other_only_along_the_declared_edges()
    {
        var found = Dependencies();
        var features = Features();
        var unexpected = found.Where(d => d.From != "Shared" && !(Allowed.TryGetValue(d.From, out var to) && to.Contains(d.To)))
            .Select(d => $"{d.File} : {d.From} → {d.To}").Distinct().Order().ToList();
        Assert.True(unexpected.Count == 0, "Dépendances non déclarées (docs/adr/0040) :" + Environment.NewLine + string.Join(Environment.NewLine, unexpected));

        var stale = Allowed.SelectMany(a => a.Value.Select(to => (From: a.Key, To: to)))
            .Where(edge => !found.Any(d => d.From == edge.From && d.To == edge.To)).Select(e => $"{e.From} → {e.To}").ToList();
        Assert.True(stale.Count == 0, "Ces dépendances n'existent plus : retirez-les du tableau (il ne fait que rétrécir) : " + string.Join(", ", stale));
        Assert.Contains("Demo", features);
    }

    [Fact]
    public void Shared_uses_no_feature_but_its_named_exceptions_and_only_the_composition_uses_the_demo()
    {
        var found = Dependencies();
        var shared = found.Where(d => d.From == "Shared" && !(SharedExceptions.TryGetValue(d.File, out var to) && to.Contains(d.To)))
            .Select(d => $"{d.File} → {d.To}").Distinct().ToList();
        Assert.True(shared.Count == 0, "Shared/ ne dépend d'aucune fonctionnalité : " + string.Join(", ", shared));
        var demo = found.Where(d => d.To == "Demo" && d.From != "Features").Select(d => d.File).Distinct().ToList();
        Assert.True(demo.Count == 0, "Seule la composition (Features/FeatureRegistration.cs) connaît la démo : " + string.Join(", ", demo));
    }

    private static List<(string File, string From, string To)> Dependencies()
    {
        var features = Features();
        var found = new List<(string, string, string)>();
        foreach (var (file, text) in SourceTree.AppFiles())
        {
            var parts = file.Split('/');
            var from = parts[0] == "Features" ? (parts.Length > 2 ? parts[1] : "Features") : Path.GetFileNameWithoutExtension(parts[0]);
            foreach (Match match in FeatureReference().Matches(text))
            {
                var to = match.Groups["feature"].Value;
                if (to != from && features.Contains(to))
                {
                    found.Add((file, from, to));
                }
            }
        }
        return found;
    }

    private static HashSet<string> Features() =>
        Directory.EnumerateDirectories(Path.Combine(SourceTree.App, "Features")).Select(d => Path.GetFileName(d)).ToHashSet();

    [GeneratedRegex(@"QualiPilote\.Web\.Features\.(?<feature>\w+)")]
    private static partial Regex FeatureReference();
}
