namespace QualiPilote.Web.Shared;

/// <summary>The address users reach the app at, for the full links written into files and e-mails: the setting
/// <c>PublicUrl</c> (e.g. https://quali-pilote.savoie.gouv.fr), else <c>Mail:BaseUrl</c>, else the request's own address.</summary>
public static class PublicAddress
{
    public static string Absolute(IConfiguration configuration, HttpRequest? request, string localPath)
    {
        var root = configuration["PublicUrl"] is { Length: > 0 } configured ? configured
            : configuration["Mail:BaseUrl"] is { Length: > 0 } mail ? mail
            : request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return root.TrimEnd('/') + localPath;
    }
}
