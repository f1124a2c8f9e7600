using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Demo;

/// <summary>The demo department, registered only where the demo is enabled (the <c>Demo</c> environment or
/// <c>Demo:Enabled</c>): no other feature and no production start refers to it.</summary>
public static class DemoSetup
{
    public static void AddDemo(this WebApplicationBuilder builder)
    {
        if (!DemoData.IsEnabled(builder.Environment, builder.Configuration))
        {
            return;
        }
        // The demo's reminder e-mails land as .eml files unless a mail server or folder is set (README, « Configuration »).
        if (string.IsNullOrEmpty(builder.Configuration["Mail:Smtp:Host"]) && string.IsNullOrEmpty(builder.Configuration["Mail:PickupFolder"]))
        {
            builder.Configuration["Mail:PickupFolder"] = "data/mails";
        }
        var services = builder.Services;
        services.AddScoped<DemoData>();
        services.AddScoped<RegistersDemoData>();
        services.AddHostedService<DemoStartup>();
        if (builder.Environment.IsEnvironment("Demo"))
        {
            services.AddSingleton<ISignInNotice, DemoAccountsNotice>();
        }
    }
}
