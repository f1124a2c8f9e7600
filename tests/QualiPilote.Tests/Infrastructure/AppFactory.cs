using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QualiPilote.Web.Data;

namespace QualiPilote.Tests.Infrastructure;

/// <summary>The app on its own database (SQLite, or PostgreSQL when configured) with the demo data;
/// one per test class. The clock is a <see cref="FakeTimeProvider"/> set to <see cref="TestClock.Start"/>.</summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private Dictionary<string, string?> _settings = [];
    private AppFactory? _databaseOwner;
    private Action<IWebHostBuilder>? _configure;

    public FakeTimeProvider Clock { get; } = new(TestClock.Start);

    /// <summary>The configuration values that point the app at this factory's database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    public async ValueTask InitializeAsync()
    {
        if (_databaseOwner is null)
        {
            _settings = await TestDatabase.CreateAsync();
        }
    }

    /// <summary>Another instance of the app on this factory's database, as a second server behind a load balancer;
    /// the database stays this factory's (dropped when this one is disposed).</summary>
    public AppFactory SecondInstance(Action<IWebHostBuilder>? configure = null) =>
        new() { _settings = _settings, _databaseOwner = this, _configure = configure };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        // Tests sign in far more often than people do; SignInLimitTests sets its own limit.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
        _configure?.Invoke(builder);
    }

    /// <summary>A scope on the app's services, to arrange data or check what a request stored.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_databaseOwner is null && _settings.Count > 0)
        {
            await TestDatabase.DropAsync(_settings);
        }
        GC.SuppressFinalize(this);
    }
}
