namespace QualiPilote.Web.Features.Notifications;

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
