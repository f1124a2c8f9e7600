namespace QualiPilote.Web.Features.Audits;

/// <summary>The audit's findings counted by type, in the order of their gravity, with how many already have their action.</summary>
public sealed record FindingCount(FindingType Type, int Count, int WithAction);

public static class AuditSummary
{
    public static List<FindingCount> ByType(IEnumerable<AuditFinding> findings)
    {
        var list = findings.ToList();
        return Enum.GetValues<FindingType>()
            .Select(t => new FindingCount(t, list.Count(f => f.Type == t), list.Count(f => f.Type == t && f.ActionId != null)))
            .ToList();
    }
}
