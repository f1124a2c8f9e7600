using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

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

/// <summary>Sends through an SMTP server with MailKit.</summary>
public sealed class SmtpMailSender(MailOptions options) : IMailSender
{
    public bool IsConfigured => true;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(options.Smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.StartTls;
        await client.ConnectAsync(options.Smtp.Host!, options.Smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.Smtp.UserName))
        {
            await client.AuthenticateAsync(options.Smtp.UserName, options.Smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(options.ToMime(mail), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Writes each e-mail as an .eml file (readable by any mail client) in a folder: the demo's mailbox.</summary>
public sealed class PickupFolderMailSender(MailOptions options, IHostEnvironment environment, TimeProvider clock) : IMailSender
{
    public bool IsConfigured => true;

    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.PickupFolder!));

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        var message = options.ToMime(mail);
        message.Date = clock.GetUtcNow();
        var path = Path.Combine(Folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, cancellationToken);
    }
}

/// <summary>No e-mail configured: nothing leaves the app.</summary>
public sealed class NoMailSender : IMailSender
{
    public bool IsConfigured => false;

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
