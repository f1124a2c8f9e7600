using Microsoft.AspNetCore.Mvc;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.ActionPlan;

namespace QualiPilote.Web.Features.Home;

public sealed class DueSoonActionsViewComponent(AppDbContext db, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(HomeContext context)
    {
        var list = await WatchedActions.LoadAsync(db, context, clock, ActionDeadline.DueSoon,
            "actions-echeance-proche", $"Échéance dans les {ActionDeadlines.DueSoonDays} jours", $"Aucune action ouverte n'arrive à échéance dans les {ActionDeadlines.DueSoonDays} jours.");
        return list is null ? Content("") : View("/Features/Home/_HomeActions.cshtml", list);
    }
}
