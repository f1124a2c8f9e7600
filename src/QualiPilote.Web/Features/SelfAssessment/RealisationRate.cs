namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>The realisation rate of a set of requirements: réalisé / applicable, non-applicable ones left out.
/// A requirement not yet assessed counts as applicable and not done. Null when nothing is applicable
/// (an empty module, or one where every requirement is non applicable): there is nothing to measure, not 0 %.</summary>
public sealed record RealisationRate(int Total, int Done, int InProgress, int NotEngaged, int NotApplicable, int Unassessed)
{
    public int Applicable => Total - NotApplicable;
    public int Assessed => Total - Unassessed;
    public int Gaps => InProgress + NotEngaged;

    /// <summary>In points (88.2 means 88,20 %), or null when no requirement is applicable.</summary>
    public double? Percent => Applicable == 0 ? null : 100.0 * Done / Applicable;

    public static RealisationRate Of(IEnumerable<AssessmentStatus?> statuses)
    {
        int total = 0, done = 0, inProgress = 0, notEngaged = 0, notApplicable = 0, unassessed = 0;
        foreach (var status in statuses)
        {
            total++;
            switch (status)
            {
                case AssessmentStatus.Done: done++; break;
                case AssessmentStatus.InProgress: inProgress++; break;
                case AssessmentStatus.NotEngaged: notEngaged++; break;
                case AssessmentStatus.NotApplicable: notApplicable++; break;
                default: unassessed++; break;
            }
        }
        return new RealisationRate(total, done, inProgress, notEngaged, notApplicable, unassessed);
    }
}
