namespace QualiPilote.Tests.Infrastructure;

/// <summary>The day every test host lives on: Monday 23/11/2026, 11:00 in Paris. Which demo items are pending and which
/// are late is decided against "today", when the registers are imported and when they are read; a host or a template
/// database on the machine's clock made the expected figures change at midnight (a CI run that crossed it failed).</summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Starts at <see cref="Start"/> and then runs, for hosts a real browser talks to (sign-in cookies and
    /// antiforgery tokens are checked against it); the other hosts use a <c>FakeTimeProvider</c> set to <see cref="Start"/>.</summary>
    public static TimeProvider Running() => new RunningClock(Start - TimeProvider.System.GetUtcNow());

    private sealed class RunningClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
