using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared.Commands;

namespace QualiPilote.Tests.Features.Access;

/// <summary>A production database started without Bootstrap settings has no administrator: the start says so loudly,
/// and <c>admin create</c> makes one who can sign in.</summary>
public class AdminCreateCommandTests
{
    private const string Password = "Administrateur-2026";

    private sealed class ProductionApp : IAsyncDisposable
    {
        private readonly Dictionary<string, string?> _settings;

        private ProductionApp(Dictionary<string, string?> settings, Dictionary<string, string?>? extra)
        {
            _settings = settings;
            Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Production");
                foreach (var (key, value) in settings.Concat(extra ?? []))
                {
                    b.UseSetting(key, value);
                }
                b.UseSetting("Storage:Root", Path.Combine(Path.GetTempPath(), "quali-pilote-tests", "files-" + Guid.NewGuid().ToString("N")));
                b.ConfigureLogging(l => l.AddProvider(Logs));
            });
        }

        public LogCapture Logs { get; } = new();

        public WebApplicationFactory<Program> Factory { get; }

        public static async Task<ProductionApp> StartAsync(Dictionary<string, string?>? extra = null)
        {
            var app = new ProductionApp(await EmptyDatabase.CreateAsync(), extra);
            app.Factory.CreateClient().Dispose();
            return app;
        }

        public bool Warned => Logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.Contains("AUCUN ADMINISTRATEUR NATIONAL", StringComparison.Ordinal)
            && e.Message.Contains("admin create", StringComparison.Ordinal) && e.Message.Contains("Bootstrap__AdminEmail", StringComparison.Ordinal));

        public async Task<(int Code, string Output)> RunAsync(string password, params string[] arguments)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var command = (AdminCreateCommand)scope.ServiceProvider.GetServices<IAppCommand>().Single(c => c.Name == "admin");
            var output = new StringWriter();
            var code = await command.RunAsync(scope.ServiceProvider, arguments, new StringReader(password + "\n"), output, CancellationToken.None);
            return (code, output.ToString());
        }

        public async Task<HttpStatusCode> SignInAsync(string email, string password)
        {
            using var client = Factory.CreateClient();
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
            return response.StatusCode;
        }

        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            await TestDatabase.DropAsync(_settings);
        }
    }

    [Fact]
    public async Task A_start_without_administrator_warns_and_the_command_creates_one_who_can_sign_in()
    {
        await using var app = await ProductionApp.StartAsync();
        Assert.True(app.Warned, "aucun avertissement au démarrage : " + string.Join(" | ", app.Logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message)));

        var (code, output) = await app.RunAsync(Password, "create", "dmates@interieur.example", "Dominique Mates");
        Assert.Equal(AppCommands.Success, code);
        Assert.Contains("Administrateur national créé", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await app.SignInAsync("dmates@interieur.example", Password));
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var admin = await users.FindByEmailAsync("dmates@interieur.example");
            Assert.Equal("Dominique Mates", admin!.FullName);
            Assert.True(await users.IsInRoleAsync(admin, Roles.NationalAdmin));
        }

        // Again: nothing changes, the password given the second time is not taken.
        (code, output) = await app.RunAsync("Autre-Mot-De-Passe-2026", "create", "dmates@interieur.example");
        Assert.Equal(AppCommands.Success, code);
        Assert.Contains("déjà administrateur national", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await app.SignInAsync("dmates@interieur.example", Password));
    }

    [Fact]
    public async Task An_existing_account_is_given_the_role_and_keeps_its_password()
    {
        await using var app = await ProductionApp.StartAsync();
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = "agent@interieur.example", Email = "agent@interieur.example", FullName = "Agent" }, Password)).Succeeded);
        }

        var (code, output) = await app.RunAsync("", "create", "agent@interieur.example");

        Assert.Equal(AppCommands.Success, code);
        Assert.Contains("existait", output, StringComparison.Ordinal);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            Assert.True(await users.IsInRoleAsync((await users.FindByEmailAsync("agent@interieur.example"))!, Roles.NationalAdmin));
        }
        Assert.Equal(HttpStatusCode.OK, await app.SignInAsync("agent@interieur.example", Password));
    }

    [Fact]
    public async Task A_weak_password_an_invalid_address_or_no_password_are_refused_in_french()
    {
        await using var app = await ProductionApp.StartAsync();

        var (code, output) = await app.RunAsync("court", "create", "dmates@interieur.example");
        Assert.NotEqual(AppCommands.Success, code);
        Assert.StartsWith("Mot de passe refusé", output, StringComparison.Ordinal);
        Assert.Contains("12", output, StringComparison.Ordinal);

        (code, output) = await app.RunAsync(Password, "create", "dmates-interieur.example");
        Assert.NotEqual(AppCommands.Success, code);
        Assert.Contains("n'est pas une adresse électronique valide", output, StringComparison.Ordinal);

        (code, output) = await app.RunAsync("", "create", "dmates@interieur.example");
        Assert.NotEqual(AppCommands.Success, code);
        Assert.Contains("Aucun mot de passe", output, StringComparison.Ordinal);

        (code, _) = await app.RunAsync(Password, "supprimer", "dmates@interieur.example");
        Assert.Equal(AppCommands.BadUsage, code);

        Assert.NotEqual(HttpStatusCode.OK, await app.SignInAsync("dmates@interieur.example", Password));
    }

    [Fact]
    public async Task The_password_may_come_from_the_environment_variable()
    {
        await using var app = await ProductionApp.StartAsync();
        Environment.SetEnvironmentVariable(AdminCreateCommand.PasswordVariable, Password);
        try
        {
            var (code, _) = await app.RunAsync("ignoré", "create", "variable@interieur.example");
            Assert.Equal(AppCommands.Success, code);
        }
        finally
        {
            Environment.SetEnvironmentVariable(AdminCreateCommand.PasswordVariable, null);
        }
        Assert.Equal(HttpStatusCode.OK, await app.SignInAsync("variable@interieur.example", Password));
    }

    [Fact]
    public async Task A_start_with_the_bootstrap_settings_does_not_warn()
    {
        await using var app = await ProductionApp.StartAsync(new()
        {
            ["Bootstrap:AdminEmail"] = "dmates@interieur.example",
            ["Bootstrap:AdminPassword"] = Password,
        });
        Assert.False(app.Warned);
        Assert.Equal(HttpStatusCode.OK, await app.SignInAsync("dmates@interieur.example", Password));
    }
}
