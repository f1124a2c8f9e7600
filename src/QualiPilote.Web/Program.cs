using QualiPilote.Web.Data;
using QualiPilote.Web.Features;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Commands;

var builder = WebApplication.CreateBuilder(args);

builder.AddDatabase();
builder.AddAccess();
builder.AddWebUi();
builder.AddFeatures();

var app = builder.Build();
if (AppCommands.IsCommand(args))
{
    return await AppCommands.RunAsync(app, args);
}

app.UseWebUi();
app.MapFeatures();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
