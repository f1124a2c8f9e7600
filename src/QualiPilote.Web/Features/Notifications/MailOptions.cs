using MimeKit;

namespace QualiPilote.Web.Features.Notifications;

/// <summary>Mail settings (section "Mail"). Smtp:Host set → SMTP; else PickupFolder set → .eml files; else no e-mail.</summary>
public sealed class MailOptions
{
    public string From { get; set; } = "Quali-Pilote <ne-pas-repondre@quali-pilote.invalid>";
    /// <summary>Address of the app as users reach it, to turn the links of e-mails into full addresses ("https://…").</summary>
    public string? BaseUrl { get; set; }
    /// <summary>Folder where e-mails are written as .eml files instead of being sent; relative to the content root.</summary>
    public string? PickupFolder { get; set; }
    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        /// <summary>StartTls (default), SslOnConnect or None.</summary>
        public string Security { get; set; } = "StartTls";
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }

    public string Link(string localUrl) => string.IsNullOrEmpty(BaseUrl) ? localUrl : BaseUrl.TrimEnd('/') + localUrl;

    internal MimeMessage ToMime(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}
