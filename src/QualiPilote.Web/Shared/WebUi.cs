using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;

namespace QualiPilote.Web.Shared;

public static class WebUi
{
    public static void AddWebUi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        PlausibleDates.Configure(builder.Configuration);
        services.AddHttpContextAccessor();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PagePaths>();
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.ConfigureFilter(new UnmatchedHandlerFilter());
            })
            .AddMvcOptions(FrenchValidation.Configure)
            .AddRazorOptions(o => o.PageViewLocationFormats.Add("/Shared/{0}.cshtml"));
        services.AddAntiforgery(o => o.Cookie.Name = "QualiPilote.Antiforgery");
        // French text stays readable in the HTML instead of one entity per accented letter.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddFrenchProblemDetails();
        services.AddExceptionHandler<BusyExceptionHandler>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var french = new CultureInfo("fr-FR");
            o.DefaultRequestCulture = new RequestCulture(french);
            o.SupportedCultures = [french];
            o.SupportedUICultures = [french];
            o.RequestCultureProviders.Clear();
        });
    }

    public static void UseWebUi(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsApi(context), pages =>
        {
            if (!app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler("/erreur/500");
            }
            pages.UseStatusCodePagesWithReExecute("/erreur/{0}");
        });
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (IsApi(context))
            {
                // API answers carry personal and working data: never kept by a browser, a proxy or a shared cache.
                headers.CacheControl = "no-store";
            }
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            await next(context);
        });
        app.UseStaticFiles();
        app.UseNulCharacterGuard();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
    }

    public static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments("/api/docs", StringComparison.OrdinalIgnoreCase);
}
