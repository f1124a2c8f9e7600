using System.Net;

namespace QualiPilote.Tests.Features.ActionPlan;

/// <summary>How a page refuses a signed-in user: 403, or the redirect to the access-denied (or login) page.</summary>
public static class Refusal
{
    public static bool IsRefused(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/acces-refuse", StringComparison.Ordinal) || location.Contains("/connexion", StringComparison.Ordinal)));
    }
}
