using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;

namespace QualiPilote.Web.Features.Notifications;

/// <summary>The form and the API body of the preferences: one switch per topic and the version it was read at.</summary>
public sealed class NotificationPreferencesInput
{
    public bool? Actions { get; set; }
    public bool? IndicatorAlerts { get; set; }
    public bool? LabelExpiry { get; set; }
    public bool? CampaignDeadlines { get; set; }
    public int? Version { get; set; }
}

public enum PreferencesSaveOutcome
{
    Saved,
    Conflict,
}

public sealed record PreferencesSaveResult(PreferencesSaveOutcome Outcome, NotificationPreference Current);

/// <summary>Reads and saves the signed-in person's preferences, for the page and the API. A save carries the version it
/// was read at: when another tab or a script saved in between, nothing is overwritten.</summary>
public sealed class NotificationPreferencesEditor(AppDbContext db, TimeProvider clock)
{
    public async Task<NotificationPreference> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Set<NotificationPreference>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken)
        ?? new NotificationPreference { UserId = userId };

    /// <summary>The person's notifications of the kinds they have not switched off: what the list, the header and the API show.</summary>
    public static async Task<IQueryable<Notification>> VisibleAsync(AppDbContext db, string? userId, CancellationToken cancellationToken = default)
    {
        var hidden = (await db.Set<NotificationPreference>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken))?.HiddenKinds() ?? [];
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        return hidden.Count == 0 ? mine : mine.Where(n => !hidden.Contains(n.Kind));
    }

    /// <summary>The preferences of each of <paramref name="userIds"/> that switched something off.</summary>
    public static async Task<Dictionary<string, NotificationPreference>> OfAsync(AppDbContext db, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        await db.Set<NotificationPreference>().AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);

    public async Task<PreferencesSaveResult> SaveAsync(string userId, NotificationPreferencesInput input, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<NotificationPreference>().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var version = input.Version ?? 0;
        if ((row?.Version ?? 0) != version)
        {
            return new(PreferencesSaveOutcome.Conflict, row ?? new NotificationPreference { UserId = userId });
        }
        if (row is null)
        {
            row = new NotificationPreference { UserId = userId, Version = 1 };
            db.Add(row);
        }
        row.Actions = input.Actions ?? false;
        row.IndicatorAlerts = input.IndicatorAlerts ?? false;
        row.LabelExpiry = input.LabelExpiry ?? false;
        row.CampaignDeadlines = input.CampaignDeadlines ?? false;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved between our read and our write (the version token, or the unique user id of a first save).
            db.ChangeTracker.Clear();
            return new(PreferencesSaveOutcome.Conflict, await GetAsync(userId, cancellationToken));
        }
        return new(PreferencesSaveOutcome.Saved, row);
    }
}
