using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QualiPilote.Tests.Infrastructure;

namespace QualiPilote.Tests.Features.Access;

/// <summary>The cookie handler is given fixed paths at startup, before routing exists: they must stay the routes of the pages they
/// name, or a renamed page would send every signed-out visitor to a 404.</summary>
public class CookiePathsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public void The_cookie_sends_to_the_login_logout_and_access_denied_pages()
    {
        var cookie = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var links = factory.Services.GetRequiredService<LinkGenerator>();
        Assert.Equal(links.GetPathByPage("/Access/Login"), cookie.LoginPath.Value);
        Assert.Equal(links.GetPathByPage("/Access/Logout"), cookie.LogoutPath.Value);
        Assert.Equal(links.GetPathByPage("/Access/AccessDenied"), cookie.AccessDeniedPath.Value);
    }
}
