using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Notifications;

/// <summary>What a person can switch off: each topic covers one or more <see cref="NotificationKind"/>s.</summary>
public enum NotificationTopic
{
    Actions,
    IndicatorAlerts,
    LabelExpiry,
    CampaignDeadlines,
}

public static class NotificationTopicLabels
{
    public static readonly IReadOnlyList<NotificationTopic> All = Enum.GetValues<NotificationTopic>();

    public static string Label(this NotificationTopic topic) => topic switch
    {
        NotificationTopic.Actions => "Actions en retard ou à échéance proche",
        NotificationTopic.IndicatorAlerts => "Indicateurs sous leur cible ou leur seuil d'alerte",
        NotificationTopic.LabelExpiry => "Échéance du label",
        _ => "Échéance de l'auto-diagnostic",
    };

    public static string Hint(this NotificationTopic topic) => topic switch
    {
        NotificationTopic.Actions => "Les actions du plan d'action de vos structures (et, pour un référent-relais, de votre service) en retard ou dont l'échéance tombe dans les 30 jours.",
        NotificationTopic.IndicatorAlerts => "La dernière période mesurée d'un indicateur de vos structures n'atteint pas sa cible ou passe son seuil d'alerte (référents qualité).",
        NotificationTopic.LabelExpiry => "6 mois, 3 mois et 1 mois avant l'échéance du label de vos structures, puis quand elle est passée (référents qualité).",
        _ => "La clôture prévue de l'auto-diagnostic approche (30 jours) ou est passée alors que des sous-engagements restent sans réponse de l'année.",
    };
}

/// <summary>The kinds of notification a person has switched off. No row: everything is on. Not audited: a personal
/// setting, no quality record; the version still guards against a stale save (two tabs, the API).</summary>
[NotAudited]
public class NotificationPreference : QualiPilote.Web.Shared.Versioning.IVersioned
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public AppUser User { get; set; } = null!;
    public bool Actions { get; set; } = true;
    public bool IndicatorAlerts { get; set; } = true;
    public bool LabelExpiry { get; set; } = true;
    public bool CampaignDeadlines { get; set; } = true;
    /// <summary>Incremented at each save; 0 stands for "never saved" (no row).</summary>
    public int Version { get; set; }
    public DateTime? UpdatedAt { get; set; }

    public bool IsOn(NotificationTopic topic) => topic switch
    {
        NotificationTopic.Actions => Actions,
        NotificationTopic.IndicatorAlerts => IndicatorAlerts,
        NotificationTopic.LabelExpiry => LabelExpiry,
        _ => CampaignDeadlines,
    };

    public bool IsOn(NotificationKind kind) => IsOn(kind.Topic());

    /// <summary>The kinds this person does not want to see (the list, the header count and the API leave them out).</summary>
    public List<NotificationKind> HiddenKinds() => Enum.GetValues<NotificationKind>().Where(k => !IsOn(k)).ToList();

    internal sealed class Configuration : IEntityTypeConfiguration<NotificationPreference>
    {
        public void Configure(EntityTypeBuilder<NotificationPreference> builder)
        {
            builder.ToTable("NotificationPreferences");
            builder.HasIndex(p => p.UserId).IsUnique();
            builder.Property(p => p.Version).IsConcurrencyToken();
            builder.HasOne(p => p.User).WithMany().OnDelete(DeleteBehavior.Cascade);
        }
    }
}
