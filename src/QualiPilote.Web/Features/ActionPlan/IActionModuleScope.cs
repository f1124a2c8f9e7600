namespace QualiPilote.Web.Features.ActionPlan;

/// <summary>Modules beyond the structure's perimeter whose engagements its actions may serve. A feature that looks at
/// modules outside the perimeter registers one (audits: an audit under a former referential version keeps its modules), so
/// the action plan does not read that feature's tables (ADR 0040).</summary>
public interface IActionModuleScope
{
    /// <summary>The ids of the modules, as a query the editor composes into its own.</summary>
    IQueryable<int> ModuleIds(int structureId);
}
