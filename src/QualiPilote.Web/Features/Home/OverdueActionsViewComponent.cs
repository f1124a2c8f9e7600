using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.ActionPlan;

namespace QualiPilote.Web.Features.Home;

public sealed class OverdueActionsViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(HomeContext context)
    {
        var list = await WatchedActions.LoadAsync(db, context, clock, ActionDeadline.Overdue,
            "actions-en-retard", "Actions en retard", "Aucune action en retard : toutes les échéances passées sont tenues.");
        return list is null ? Content("") : View("/Features/Home/_HomeActions.cshtml", list);
    }
}
