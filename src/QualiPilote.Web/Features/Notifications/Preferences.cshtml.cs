using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Notifications;

/// <summary>The signed-in person chooses which kinds of notification they receive. The form carries the version it was
/// read at: a save from an older tab is refused with the choices stored meanwhile, nothing is overwritten.</summary>
public class PreferencesModel(NotificationPreferencesEditor editor) : PageModel
{
    [BindProperty]
    public NotificationPreferencesInput Input { get; set; } = new();

    /// <summary>Set when the save collided with another one: what is stored now.</summary>
    public NotificationPreference? Conflict { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public bool IsOn(NotificationTopic topic) => topic switch
    {
        NotificationTopic.Actions => Input.Actions == true,
        NotificationTopic.IndicatorAlerts => Input.IndicatorAlerts == true,
        NotificationTopic.LabelExpiry => Input.LabelExpiry == true,
        _ => Input.CampaignDeadlines == true,
    };

    public static string FieldName(NotificationTopic topic) => $"Input.{topic}";

    public async Task OnGetAsync() => Input = ToInput(await editor.GetAsync(UserId, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            // Only a forged post can get here (checkboxes send "true" or nothing): show what is stored.
            ModelState.Clear();
            ModelState.AddModelError("", "Le formulaire envoyé n'est pas lisible : vos préférences n'ont pas été modifiées.");
            Input = ToInput(await editor.GetAsync(UserId, HttpContext.RequestAborted));
            return Page();
        }
        var result = await editor.SaveAsync(UserId, Input, HttpContext.RequestAborted);
        if (result.Outcome == PreferencesSaveOutcome.Conflict)
        {
            Conflict = result.Current;
            ModelState.Clear();
            ModelState.AddModelError("", $"Vos préférences ont été modifiées ailleurs (un autre onglet ou l'API){(Conflict.UpdatedAt is { } at ? $" le {Fr.DateTime(at)}" : "")} pendant que vous les changiez : "
                + "vos choix n'ont pas été enregistrés. Le formulaire montre ce qui est enregistré maintenant ; refaites vos choix puis enregistrez à nouveau.");
            Input = ToInput(Conflict);
            return Page();
        }
        var off = NotificationTopicLabels.All.Where(t => !result.Current.IsOn(t)).ToList();
        TempData["Success"] = off.Count == 0
            ? "Préférences enregistrées : vous recevez toutes les notifications."
            : $"Préférences enregistrées : vous ne recevez plus « {string.Join(" », « ", off.Select(t => t.Label()))} ».";
        return RedirectToPage("/Notifications/Preferences");
    }

    private static NotificationPreferencesInput ToInput(NotificationPreference p) => new()
    {
        Actions = p.Actions,
        IndicatorAlerts = p.IndicatorAlerts,
        LabelExpiry = p.LabelExpiry,
        CampaignDeadlines = p.CampaignDeadlines,
        Version = p.Version,
    };
}
