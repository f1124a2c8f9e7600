using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Access;

/// <summary>A session ends on the server: the cookie or token taken before signing out, a password change or a role removal
/// opens nothing afterwards, and sign-in refusals tell nothing about which addresses have accounts.</summary>
public class SessionTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Actions = "/structures/pref-73/actions";

    /// <summary>A second client holding a copy of the browser's cookies, as someone who copied the cookie would.</summary>
    private HttpClient CopyOf(Browser browser, string url)
    {
        var copy = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var cookies = browser.Cookies(new Uri(copy.BaseAddress!, url));
        copy.DefaultRequestHeaders.Add("Cookie", cookies);
        return copy;
    }

    private static bool SentToLogin(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/connexion", StringComparison.Ordinal);

    [Fact]
    public async Task The_cookie_taken_before_signing_out_no_longer_opens_a_page()
    {
        using var browser = await Browser.LoginAsync(factory, DemoData.SavoieRelay.Email);
        using var stolen = CopyOf(browser, Actions);
        Assert.Equal(HttpStatusCode.OK, (await stolen.GetAsync(Actions)).StatusCode);

        var signedOut = await browser.PostAsync("/deconnexion");
        Assert.Equal("/connexion", signedOut.Headers.Location!.OriginalString);
        Assert.Contains("Vous êtes déconnecté", (await browser.GetPageAsync("/connexion")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.True(SentToLogin(await stolen.GetAsync(Actions)));
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var email = "changement.mdp@quali-pilote.demo";
        using (var admin = await ApiClient.ForAsync(factory, DemoData.Admin.Email))
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/users", new { email, fullName = "Camille Test", password = "Ancien-Mdp-2026" })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync("/api/v1/structures/pref-73/members", new { email, role = "Agent" })).StatusCode);
        }
        using var here = await Browser.LoginAsync(factory, email, "Ancien-Mdp-2026");
        using var elsewhere = await Browser.LoginAsync(factory, email, "Ancien-Mdp-2026");
        using var script = await ApiClient.ForAsync(factory, email, "Ancien-Mdp-2026");
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/structures/pref-73")).StatusCode);

        var form = await here.GetPageAsync("/compte/mot-de-passe");
        var wrong = await here.SubmitAsync(form, "main form", new() { ["Input.CurrentPassword"] = "pas-le-bon", ["Input.NewPassword"] = "Nouveau-Mdp-2026", ["Input.Confirmation"] = "Nouveau-Mdp-2026" });
        Assert.Contains("Mot de passe actuel : il est incorrect.", (await Browser.ParseAsync(wrong)).QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        var changed = await here.SubmitAsync(form, "main form", new() { ["Input.CurrentPassword"] = "Ancien-Mdp-2026", ["Input.NewPassword"] = "Nouveau-Mdp-2026", ["Input.Confirmation"] = "Nouveau-Mdp-2026" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync(Actions)).StatusCode);
        Assert.True(SentToLogin(await elsewhere.GetAsync(Actions)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/structures/pref-73")).StatusCode);
        using var again = await Browser.LoginAsync(factory, email, "Nouveau-Mdp-2026");
    }

    [Fact]
    public async Task Removing_a_role_ends_the_sessions_of_the_person()
    {
        using var auditor = await Browser.LoginAsync(factory, DemoData.SavoieAuditor.Email);
        using var auditorApi = await ApiClient.ForAsync(factory, DemoData.SavoieAuditor.Email);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(Actions)).StatusCode);

        using var referent = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var members = await referent.GetFromJsonAsync<JsonElement>("/api/v1/structures/pref-73/members");
        var id = members.EnumerateArray().Single(m => m.GetProperty("email").GetString() == DemoData.SavoieAuditor.Email).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await referent.DeleteAsync(new Uri($"/api/v1/structures/pref-73/members/{id}", UriKind.Relative))).StatusCode);

        Assert.True(SentToLogin(await auditor.GetAsync(Actions)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await auditorApi.GetAsync("/api/v1/structures/pref-73")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await referent.GetAsync("/api/v1/structures/pref-73")).StatusCode);
    }

    [Fact]
    public async Task Unknown_wrong_and_locked_accounts_get_the_same_answer()
    {
        const string email = "verrou@quali-pilote.demo";
        using (var admin = await ApiClient.ForAsync(factory, DemoData.Admin.Email))
        {
            await admin.PostAsJsonAsync("/api/v1/users", new { email, fullName = "Compte Verrouillé", password = "Verrou-Mdp-2026" });
        }
        using var client = factory.CreateClient();
        async Task<string> AnswerAsync(string address, string password) =>
            (await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = address, password })).JsonAsync()).GetProperty("detail").GetString()!;
        var unknown = await AnswerAsync("personne@quali-pilote.demo", "x");
        var wrong = await AnswerAsync(email, "x");
        for (var i = 0; i < 10; i++)
        {
            await AnswerAsync(email, "x");
        }
        var locked = await AnswerAsync(email, "Verrou-Mdp-2026"); // the right password, on a locked account
        Assert.Equal(AuthApi.SignInRefused, unknown);
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, locked);

        async Task<string> PageAnswerAsync(string address, string password)
        {
            using var browser = Browser.Anonymous(factory);
            var response = await browser.SubmitAsync(await browser.GetPageAsync("/connexion"), "main form", new() { ["Input.Email"] = address, ["Input.Password"] = password });
            return (await Browser.ParseAsync(response)).QuerySelector("#erreurs")!.TextContent.Trim();
        }
        Assert.Equal(await PageAnswerAsync("personne@quali-pilote.demo", "x"), await PageAnswerAsync(email, "Verrou-Mdp-2026"));
    }
}

/// <summary>API tokens: an hour each, renewed by the refresh token while the session lives (own database: the clock moves).</summary>
public class ApiTokenSessionTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_api_token_ends_with_its_session_and_renews_with_its_refresh_token_until_then()
    {
        using var client = factory.CreateClient();
        var tokens = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoData.SavoieReferent.Email, password = DemoData.Password })).JsonAsync();
        Assert.Equal(3600, tokens.GetProperty("expiresIn").GetInt32());
        var refresh = tokens.GetProperty("refreshToken").GetString();

        using var later = factory.CreateClient();
        later.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        using var ok = await later.GetAsync("/api/v1/structures/pref-73");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("no-store", ok.Headers.CacheControl!.ToString());

        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Unauthorized, (await later.GetAsync("/api/v1/structures/pref-73")).StatusCode);
        var renewed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        later.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await renewed.JsonAsync()).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/api/v1/structures/pref-73")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await later.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await later.GetAsync("/api/v1/structures/pref-73")).StatusCode);
        var refused = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.StartsWith("Jeton de renouvellement invalide", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "n'importe quoi" })).StatusCode);
    }
}
