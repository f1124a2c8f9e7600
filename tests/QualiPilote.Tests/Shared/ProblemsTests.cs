using System.Net;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Shared;

/// <summary>The framework's own error answers (a body too large, a wrong method) come out as French problem details.</summary>
public class ProblemsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_body_too_large_and_a_wrong_method_get_french_titles()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[11 << 20]), "file", "referentiel.yaml" } };
        using var tooLarge = await api.PostAsync(new Uri("/api/v1/referentials/import", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("Fichier trop volumineux", (await tooLarge.JsonAsync()).GetProperty("title").GetString());

        using var wrongMethod = await api.DeleteAsync(new Uri("/api/v1/referentials/import", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("Méthode non autorisée", (await wrongMethod.JsonAsync()).GetProperty("title").GetString());
    }
}
