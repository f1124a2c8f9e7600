using Microsoft.AspNetCore.Hosting;
using QualiPilote.Tests.Infrastructure;

namespace QualiPilote.Tests.Features.Notifications;

/// <summary>The app with its demo mailbox (.eml files) in a folder of its own, so that tests count the e-mails they cause.</summary>
public class MailFolderAppFactory : AppFactory
{
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "quali-pilote-tests", "mails-" + Guid.NewGuid().ToString("N"));

    public string[] Mails => Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml") : [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:PickupFolder", MailFolder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
