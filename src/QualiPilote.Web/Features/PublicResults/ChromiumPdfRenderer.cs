using System.Diagnostics;

namespace QualiPilote.Web.Features.PublicResults;

/// <summary>Prints with Chromium's own "--print-to-pdf": the page's CSS (@page A4) decides the layout, as a user printing it would get.
/// Each run gets its own temporary profile and files, removed afterwards.</summary>
public sealed class ChromiumPdfRenderer(PdfOptions options, ILogger<ChromiumPdfRenderer> logger) : IPdfRenderer
{
    public async Task<byte[]> RenderAsync(string html, string baseDirectory, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(options.ChromiumPath))
        {
            throw new PdfUnavailableException($"La génération de l'affiche en PDF n'est pas disponible sur ce serveur (navigateur Chromium introuvable : {options.ChromiumPath}). "
                + "Ouvrez la version imprimable de l'affiche et imprimez-la depuis votre navigateur, ou demandez à l'exploitant d'installer le paquet « chromium » (réglage Pdf:ChromiumPath).");
        }
        var work = Directory.CreateTempSubdirectory("qp-pdf-");
        try
        {
            var page = Path.Combine(work.FullName, "page.html");
            var output = Path.Combine(work.FullName, "out.pdf");
            var baseHref = new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(baseDirectory)) + Path.DirectorySeparatorChar).AbsoluteUri;
            await File.WriteAllTextAsync(page, html.Replace("<head>", $"<head><base href=\"{baseHref}\">", StringComparison.Ordinal), cancellationToken);
            var start = new ProcessStartInfo(options.ChromiumPath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--allow-file-access-from-files", "--no-pdf-header-footer",
                $"--user-data-dir={Path.Combine(work.FullName, "profile")}", $"--print-to-pdf={output}", new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start) ?? throw new PdfUnavailableException("Le navigateur Chromium n'a pas pu être lancé.");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new PdfUnavailableException($"Chromium n'a pas produit l'affiche en {options.TimeoutSeconds} secondes ; réessayez plus tard.");
            }
            if (!File.Exists(output))
            {
                logger.LogWarning("Chromium a échoué ({Code}) : {Error}", process.ExitCode, await stderr);
                throw new PdfUnavailableException("Chromium n'a pas produit l'affiche ; réessayez plus tard ou imprimez la version HTML.");
            }
            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
