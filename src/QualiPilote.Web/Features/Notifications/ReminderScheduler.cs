using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Notifications;
/// <summary>Runs <see cref="ActionReminderJob"/> shortly after start, then every day at <see cref="ReminderOptions.DailyAt"/>,
/// on the injected <see cref="TimeProvider"/> (tests move a fake clock to trigger it).</summary>
internal sealed class ReminderScheduler(IServiceProvider services, TimeProvider clock, ReminderOptions options, ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(options.StartupDelay, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(UntilNextRun(clock.GetUtcNow(), options.DailyAt), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    /// <summary>Time from <paramref name="now"/> to the next <paramref name="dailyAt"/> in Paris (tomorrow's if today's has passed).</summary>
    public static TimeSpan UntilNextRun(DateTimeOffset now, TimeOnly dailyAt)
    {
        var local = TimeZoneInfo.ConvertTime(now, ParisTime.Zone);
        var next = DateOnly.FromDateTime(local.DateTime).ToDateTime(dailyAt);
        if (next <= local.DateTime)
        {
            next = next.AddDays(1);
        }
        var nextUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(next, DateTimeKind.Unspecified), ParisTime.Zone);
        return nextUtc - now.UtcDateTime;
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ActionReminderJob>().RunAsync(ActionReminderJob.Scheduled, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failed run (database unreachable…) must not stop tomorrow's.
            logger.LogError(exception, "Échec des relances quotidiennes.");
        }
    }
}
