namespace QualiPilote.Web.Features.Referentials;

/// <summary>How many self-assessment campaigns use a referential version: one or more, and the version is frozen.
/// SelfAssessment implements it (docs/adr/0040), so the referentials read no campaign table.</summary>
public interface IReferentialCampaigns
{
    Task<int> CountAsync(int referentialId, CancellationToken cancellationToken = default);
}
