namespace QualiPilote.Web.Features.PublicResults;

/// <summary>The services of the public results: the published periods, the public page's figures and the poster's PDF.</summary>
public static class PublicResultsSetup
{
    public static void AddPublicResults(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PublicResultsQuery>();
        services.AddScoped<PeriodPublisher>();
        services.AddSingleton(builder.Configuration.GetSection("Pdf").Get<PdfOptions>() ?? new PdfOptions());
        services.AddSingleton<IPdfRenderer, ChromiumPdfRenderer>();
    }
}
