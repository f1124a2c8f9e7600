namespace QualiPilote.Web.Features.Labelling;

/// <summary>The audits a milestone of the timeline may stand for. Audits implements it (docs/adr/0040), so the timeline
/// reads no audit table.</summary>
public interface IMilestoneAudits
{
    /// <summary>The structure's audits, the most recent first.</summary>
    Task<IReadOnlyList<MilestoneAudit>> ListAsync(int structureId, CancellationToken cancellationToken = default);
}

public sealed record MilestoneAudit(int Id, string Title);
