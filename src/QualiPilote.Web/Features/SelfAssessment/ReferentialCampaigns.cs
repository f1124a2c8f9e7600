using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Referentials;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>The campaigns that keep a referential version frozen.</summary>
public sealed class ReferentialCampaigns(AppDbContext db) : IReferentialCampaigns
{
    public Task<int> CountAsync(int referentialId, CancellationToken cancellationToken = default) =>
        db.Set<SelfAssessmentCampaign>().CountAsync(c => c.ReferentialId == referentialId, cancellationToken);
}
