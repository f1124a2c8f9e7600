using MailKit.Net.Smtp;
using MailKit.Security;

namespace QualiPilote.Web.Features.Notifications;

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
