using QualiPilote.Web.Data;
using QualiPilote.Web.Features;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Shared;

var builder = WebApplication.CreateBuilder(args);

builder.AddDatabase();
builder.AddAccess();
builder.AddWebUi();
builder.AddFeatures();

var app = builder.Build();

app.UseWebUi();
app.MapFeatures();

app.Run();

/// <summary>Entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
