using System.Net;
using System.Net.Http.Json;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Access;

public class MembersApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_script_gives_a_role_reads_the_journal_then_removes_the_role()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.LozereReferent.Email);
        var added = await api.PostAsJsonAsync("/api/v1/structures/pref-48/members/", new { email = "agent.lozere@quali-pilote.demo", fullName = "Paul Roux", password = "Agent-Lozere-2026", role = "agent" });
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);

        var members = await (await api.GetAsync(new Uri("/api/v1/structures/pref-48/members/", UriKind.Relative))).JsonAsync();
        var paul = members.EnumerateArray().Single(m => m.GetProperty("email").GetString() == "agent.lozere@quali-pilote.demo");
        Assert.Equal("agent", paul.GetProperty("role").GetString());

        var journal = await (await api.GetAsync(new Uri("/api/v1/structures/pref-48/audit-trail?type=Membership", UriKind.Relative))).JsonAsync();
        Assert.Equal("created", journal.GetProperty("entries")[0].GetProperty("action").GetString());
        Assert.Equal(DemoData.LozereReferent.Email, journal.GetProperty("entries")[0].GetProperty("userName").GetString());

        var removed = await api.DeleteAsync(new Uri($"/api/v1/structures/pref-48/members/{paul.GetProperty("id").GetInt32()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }

    [Fact]
    public async Task A_membership_of_another_structure_cannot_be_removed_through_mine()
    {
        using var savoie = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        using var lozere = await ApiClient.ForAsync(factory, DemoData.LozereReferent.Email);
        var lozereMember = (await (await lozere.GetAsync(new Uri("/api/v1/structures/pref-48/members/", UriKind.Relative))).JsonAsync())[0].GetProperty("id").GetInt32();

        var response = await savoie.DeleteAsync(new Uri($"/api/v1/structures/pref-73/members/{lozereMember}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, (await (await lozere.GetAsync(new Uri("/api/v1/structures/pref-48/members/", UriKind.Relative))).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task The_administrator_creates_an_account_and_weak_passwords_are_refused()
    {
        using var admin = await ApiClient.ForAsync(factory, DemoData.Admin.Email);
        var weak = await admin.PostAsJsonAsync("/api/v1/users", new { email = "x@quali-pilote.demo", fullName = "X", password = "court" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Equal("password", (await weak.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());

        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email = "nouveau@quali-pilote.demo", fullName = "Nouveau", password = "Nouveau-Compte-2026" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }
}
