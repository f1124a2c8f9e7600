using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using QualiPilote.Web.Data;

namespace QualiPilote.Tests.Data;

/// <summary>The journal's author as the request gives it: the same id and name as before the seam existed.</summary>
public class HttpCurrentUserTests
{
    [Fact]
    public void Outside_a_request_the_author_is_the_system()
    {
        var author = new HttpCurrentUser(new HttpContextAccessor());
        Assert.Equal((null, "système"), (author.Id, author.Name));
    }

    [Fact]
    public void An_anonymous_request_is_signed_by_the_system()
    {
        var author = For(new ClaimsPrincipal(new ClaimsIdentity()));
        Assert.Equal((null, "système"), (author.Id, author.Name));
    }

    [Fact]
    public void A_signed_in_person_is_named_by_account_id_and_user_name()
    {
        var author = For(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "u-42"), new Claim(ClaimTypes.Name, "referent@savoie.gouv.fr")], "Identity.Application")));
        Assert.Equal(("u-42", "referent@savoie.gouv.fr"), (author.Id, author.Name));
    }

    [Fact]
    public void A_signed_in_principal_without_a_name_is_written_as_a_question_mark()
    {
        var author = For(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u-7")], "Bearer")));
        Assert.Equal(("u-7", "?"), (author.Id, author.Name));
    }

    private static HttpCurrentUser For(ClaimsPrincipal user) =>
        new(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = user } });
}
