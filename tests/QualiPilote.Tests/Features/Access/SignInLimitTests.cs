using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using QualiPilote.Tests.Infrastructure;

namespace QualiPilote.Tests.Features.Access;

/// <summary>The sign-in form and the token endpoint take a bounded number of attempts a minute from one address.</summary>
public class SignInLimitTests(SignInLimitTests.LimitedFactory factory) : IClassFixture<SignInLimitTests.LimitedFactory>
{
    public sealed class LimitedFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:SignInPerMinute", "3");
        }
    }

    [Fact]
    public async Task The_fourth_attempt_in_a_minute_is_refused_in_french_on_the_form_and_the_api()
    {
        using var browser = Browser.Anonymous(factory);
        var page = await browser.GetPageAsync("/connexion");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.SubmitAsync(page, "main form", new() { ["Input.Email"] = "a@b.fr", ["Input.Password"] = "x" })).StatusCode);
        }
        var refused = await browser.SubmitAsync(page, "main form", new() { ["Input.Email"] = "a@b.fr", ["Input.Password"] = "x" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Trop de tentatives de connexion", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/connexion")).StatusCode); // reading the form is not limited

        using var api = factory.CreateClient();
        var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { email = "a@b.fr", password = "x" });
        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);
        Assert.Equal("Trop de requêtes", (await token.JsonAsync()).GetProperty("title").GetString());
    }
}
