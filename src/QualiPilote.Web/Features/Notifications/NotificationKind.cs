namespace QualiPilote.Web.Features.Notifications;

public enum NotificationKind
{
    ActionDueSoon,
    ActionOverdue,
    IndicatorAlert,
    LabelExpiry,
    CampaignDeadline,
}

public static class NotificationKindLabels
{
    public static string Label(this NotificationKind kind) => kind switch
    {
        NotificationKind.ActionDueSoon => "Échéance proche",
        NotificationKind.ActionOverdue => "Action en retard",
        NotificationKind.IndicatorAlert => "Indicateur",
        NotificationKind.LabelExpiry => "Label",
        _ => "Auto-diagnostic",
    };

    /// <summary>The preference that switches a kind off (both action kinds go together).</summary>
    public static NotificationTopic Topic(this NotificationKind kind) => kind switch
    {
        NotificationKind.IndicatorAlert => NotificationTopic.IndicatorAlerts,
        NotificationKind.LabelExpiry => NotificationTopic.LabelExpiry,
        NotificationKind.CampaignDeadline => NotificationTopic.CampaignDeadlines,
        _ => NotificationTopic.Actions,
    };
}
