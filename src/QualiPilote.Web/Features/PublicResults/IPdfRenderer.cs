namespace QualiPilote.Web.Features.PublicResults;
/// <summary>Turns an HTML document into PDF (a seam: headless Chromium today, see docs/adr/0004-pdf-rendering.md).</summary>
public interface IPdfRenderer
{
    /// <summary>Prints <paramref name="html"/>; its relative links (style sheets, fonts) resolve against the files of <paramref name="baseDirectory"/>.</summary>
    Task<byte[]> RenderAsync(string html, string baseDirectory, CancellationToken cancellationToken = default);
}
