using System.Net;
using System.Text;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Access;

/// <summary>No route answers 500, whatever the method and whatever the query string: every page and endpoint the app maps
/// (read from its endpoint data source, so a new one cannot escape), by an administrator who may reach all of them and by
/// an anonymous visitor. Writes go through, so this class has its own database.</summary>
public class NoServerErrorTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    /// <summary>What a tester typed into addresses: years out of range or not numbers, pages beyond the end, unknown views,
    /// handlers and periods, dates that do not exist, control characters.</summary>
    private static readonly string[] HostileQueries =
    [
        "annee=0", "annee=-5", "annee=9999", "annee=abc", "annee=1", "year=0", "year=99999999999", "page=-1", "page=2147483648",
        "periode=zz", "periode=2026-T9", "vue=nope", "debut=0&fin=99999", "debut=2030&fin=2020", "handler=nope", "type=%00", "du=31/02/2026&au=x",
        "service=%27%22%3C", "statut=x", "canal=x", "origine=x", "echeance=x", "engagement=-1", "module=-1&engagement=999999", "quarter=9",
        "utilisateur=%00", "q=" + new string('x', 3000),
    ];

    [Fact]
    public async Task No_route_answers_500_to_any_method_or_query_string()
    {
        var calls = await AccessMatrixTests.DiscoverCallsAsync(factory);
        // Signing out comes last: it would end the administrator's session for the routes after it.
        var urls = calls.Select(c => (Url: c.Url.Split('?')[0], c.IsApi)).Distinct().OrderBy(u => u.Url == "/deconnexion").ToList();
        var failures = new List<string>();
        using var admin = await Browser.LoginAsync(factory, DemoData.Admin.Email);
        using var api = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        using var anonymous = Browser.Anonymous(factory);
        foreach (var (url, isApi) in urls)
        {
            if (url == "/deconnexion")
            {
                Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/structures")).StatusCode); // still signed in until here
            }
            foreach (var query in HostileQueries)
            {
                await CheckAsync(isApi ? api : admin.Client, "GET", $"{url}?{query}", null, failures);
            }
            foreach (var method in Methods)
            {
                if (!isApi && method == "POST")
                {
                    // A page form, with a valid antiforgery token and no field: the page's own message, or 405 where it takes no form.
                    using var response = await admin.PostAsync(url);
                    Record(response, "POST", url, failures);
                    using var unknownHandler = await admin.PostAsync(url + "?handler=nope");
                    Record(unknownHandler, "POST", url + "?handler=nope", failures);
                    continue;
                }
                await CheckAsync(isApi ? api : admin.Client, method, url, isApi ? "{}" : "", failures);
                await CheckAsync(anonymous.Client, method, url, isApi ? "{}" : "", failures);
            }
        }
        Assert.True(urls.Count > 100, $"seulement {urls.Count} adresses");
        Assert.True(failures.Count == 0, $"{failures.Count} réponses 5xx :{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(60))}");
    }

    private static async Task CheckAsync(HttpClient client, string method, string url, string? body, List<string> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        if (body is not null && method != "GET")
        {
            request.Content = new StringContent(body, Encoding.UTF8, body.Length == 0 ? "application/x-www-form-urlencoded" : "application/json");
        }
        using var response = await client.SendAsync(request);
        Record(response, method, url, failures);
    }

    private static void Record(HttpResponseMessage response, string method, string url, List<string> failures)
    {
        if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
        {
            failures.Add($"{method} {Shorten(url)} : {(int)response.StatusCode}");
        }
    }

    private static string Shorten(string url) => url.Length > 160 ? url[..160] + "…" : url;
}
