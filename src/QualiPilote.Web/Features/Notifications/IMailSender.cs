namespace QualiPilote.Web.Features.Notifications;

/// <summary>An e-mail to one person, in plain text.</summary>
public sealed record OutgoingMail(string To, string ToName, string Subject, string Body);

/// <summary>Where e-mails go (a seam): an SMTP server in production, a folder of .eml files in the demo, nowhere
/// when neither is configured (the in-app notifications remain).</summary>
public interface IMailSender
{
    /// <summary>True when e-mails actually leave the app (or land in the demo folder).</summary>
    bool IsConfigured { get; }

    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
