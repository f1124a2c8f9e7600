namespace QualiPilote.Web.Features.PublicResults;

public sealed class PdfOptions
{
    /// <summary>The headless browser that prints HTML to PDF (Debian package "chromium").</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    public int TimeoutSeconds { get; set; } = 60;
}
