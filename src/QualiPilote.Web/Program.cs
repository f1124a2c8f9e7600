using QualiPilote.Web.Data;
using QualiPilote.Web.Features;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Commands;
using QualiPilote.Web.Shared.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(AppFolder.Options(args));

    builder.AddHosting();
    builder.AddDatabase();
    builder.AddAccess();
    builder.AddWebUi();
    builder.AddFeatures();

    var app = builder.Build();
    if (AppCommands.IsCommand(args))
    {
        return await AppCommands.RunAsync(app, args);
    }

    await StartupChecks.RunAsync(app.Services);
    app.UseReverseProxy();
    app.UseWebUi();
    app.MapFeatures();
    app.MapHealthEndpoints();

    await app.RunAsync();
    return 0;
}
catch (SettingException e)
{
    // A setting to fix: one line for the operator, not a stack trace (README.md, « Production »).
    await Console.Error.WriteLineAsync(e.Message);
    return SettingException.ExitCode;
}

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
