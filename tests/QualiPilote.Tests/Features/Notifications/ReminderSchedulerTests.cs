using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Features.Notifications;

namespace QualiPilote.Tests.Features.Notifications;

/// <summary>The hosted service runs the job on the app's clock: shortly after start, then daily at 06:00 in Paris.</summary>
public class ReminderSchedulerTests(MailFolderAppFactory factory) : IClassFixture<MailFolderAppFactory>
{
    [Theory]
    [InlineData("2026-11-23T10:00:00Z", 19)]   // 11:00 in Paris (winter) → 06:00 tomorrow = 05:00 UTC
    [InlineData("2026-11-23T04:30:00Z", 0.5)]  // 05:30 in Paris → 06:00 today
    [InlineData("2026-03-28T10:00:00Z", 18)]   // the night of the summer-time change: 06:00 CEST = 04:00 UTC
    public void Next_run_is_the_next_6_am_in_paris(string now, double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), ReminderScheduler.UntilNextRun(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(6, 0)));

    [Fact]
    public async Task The_scheduled_run_happens_when_its_time_comes_and_twice_notifies_nobody_twice()
    {
        factory.CreateClient().Dispose(); // starts the host and its scheduler
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<ReminderRun>().CountAsync()));

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var first = await WaitForRunsAsync(1);
        Assert.Equal(ActionReminderJob.Scheduled, first.Trigger);
        Assert.True(first.Reminders > 0);
        var notifications = await factory.WithDbAsync(db => db.Set<Notification>().CountAsync());
        Assert.Equal(first.Notifications, notifications);

        factory.Clock.Advance(TimeSpan.FromHours(19));
        var second = await WaitForRunsAsync(2);
        Assert.Equal((new DateOnly(2026, 11, 24), 0), (second.Day, second.Notifications));
        Assert.Equal(notifications, await factory.WithDbAsync(db => db.Set<Notification>().CountAsync()));
    }

    private async Task<ReminderRun> WaitForRunsAsync(int count)
    {
        for (var i = 0; i < 200; i++)
        {
            var runs = await factory.WithDbAsync(db => db.Set<ReminderRun>().OrderBy(r => r.Id).ToListAsync());
            if (runs.Count >= count)
            {
                return runs[count - 1];
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"Pas de {count}e passage des relances.");
    }
}
