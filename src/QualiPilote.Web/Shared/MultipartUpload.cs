using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace QualiPilote.Web.Shared;

/// <summary>Finds a file part of a multipart/form-data request and hands its content over as it arrives, instead of letting the
/// form reader copy the whole upload to disk before the endpoint runs.</summary>
public static class MultipartUpload
{
    /// <summary>The part named <paramref name="field"/> and its file name, or null when the request has no such file part
    /// (or is not readable multipart).</summary>
    public static async Task<(Stream Body, string FileName)?> FilePartAsync(HttpRequest request, string field, long maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return null;
        }
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = maxBytes };
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition()
                    && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(field, StringComparison.Ordinal))
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    return (section.Body, string.IsNullOrWhiteSpace(fileName) ? "registre.csv" : fileName);
                }
            }
        }
        catch (IOException)
        {
            // A malformed body (no closing boundary, a part too large): answered as a missing file.
        }
        catch (InvalidDataException)
        {
        }
        return null;
    }
}
