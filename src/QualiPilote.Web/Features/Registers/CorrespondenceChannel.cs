using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>How an item of correspondence reached the structure; each channel has its own response deadline and indicator.</summary>
public enum CorrespondenceChannel
{
    Mail,
    Email,
    Complaint,
}

public static class CorrespondenceChannels
{
    public static readonly IReadOnlyList<CorrespondenceChannel> All = Enum.GetValues<CorrespondenceChannel>();

    public static string Label(this CorrespondenceChannel channel) => channel switch
    {
        CorrespondenceChannel.Mail => "Courrier",
        CorrespondenceChannel.Email => "Courriel",
        _ => "Réclamation",
    };

    /// <summary>The value written in files and URLs: courrier, courriel, reclamation.</summary>
    public static string FileValue(this CorrespondenceChannel channel) => channel switch
    {
        CorrespondenceChannel.Mail => "courrier",
        CorrespondenceChannel.Email => "courriel",
        _ => "reclamation",
    };

    /// <summary>The indicator computed from this channel's items.</summary>
    public static string IndicatorCode(this CorrespondenceChannel channel) => channel switch
    {
        CorrespondenceChannel.Mail => "delai-courriers",
        CorrespondenceChannel.Email => "delai-courriels",
        _ => "delai-reclamations",
    };

    /// <summary>Default deadline (days) when the structure has set none: 10 for postal mail and complaints, 5 for e-mail.</summary>
    public static int DefaultDays(this CorrespondenceChannel channel) => channel == CorrespondenceChannel.Email ? 5 : 10;

    /// <summary>Reads what people type: "Courrier", "courriers", "COURRIEL", "e-mail", "mail", "Réclamation"…</summary>
    public static bool TryParse(string? text, out CorrespondenceChannel channel)
    {
        switch (TextKey.Normalize(text))
        {
            case "courrier" or "courriers" or "courrier_postal" or "postal" or "lettre":
                channel = CorrespondenceChannel.Mail;
                return true;
            case "courriel" or "courriels" or "e_mail" or "email" or "mail" or "mel":
                channel = CorrespondenceChannel.Email;
                return true;
            case "reclamation" or "reclamations":
                channel = CorrespondenceChannel.Complaint;
                return true;
            default:
                channel = default;
                return false;
        }
    }
}
