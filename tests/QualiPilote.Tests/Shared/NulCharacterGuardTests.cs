using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.ActionPlan;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Shared;

/// <summary>A NUL character in an address, a form or a JSON body is refused with 400 before any query: PostgreSQL answered
/// 500 to <c>/admin/journal?type=%00</c>.</summary>
public class NulCharacterGuardTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_nul_character_in_a_query_string_a_form_or_a_json_body_gets_400_and_stores_nothing()
    {
        using var referent = await Browser.LoginAsync(factory, DemoData.SavoieReferent.Email);
        using var query = await referent.GetAsync("/structures/pref-73/journal?type=%00");
        Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        using var fine = await referent.GetAsync("/structures/pref-73/journal?type=Action");
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);

        var before = await CountAsync();
        var page = await referent.GetPageAsync("/structures/pref-73/actions/nouvelle");
        using var form = await referent.SubmitAsync(page, "main form", new() { ["Input.Title"] = "Piège\0nul", ["Input.Origin"] = "Other" });
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);

        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        using var json = await api.PostAsJsonAsync("/api/v1/structures/pref-73/actions", new { title = "Piège\0nul", origin = "other" });
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    private async Task<int> CountAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<QualiPilote.Web.Data.AppDbContext>().Set<ImprovementAction>().CountAsync();
    }

}
