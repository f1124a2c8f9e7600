namespace QualiPilote.Web.Features.Notifications;

/// <summary>No e-mail configured: nothing leaves the app.</summary>
public sealed class NoMailSender : IMailSender
{
    public bool IsConfigured => false;

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
