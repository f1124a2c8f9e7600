using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;

namespace QualiPilote.Tests.Features.Indicators;

public class IndicatorsApiTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static async Task<JsonElement> OneAsync(HttpClient api, string query, string code) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/structures/pref-73/indicators?{query}")).EnumerateArray()
            .Single(e => e.GetProperty("code").GetString() == code);

    [Fact]
    public async Task Values_come_as_numbers_with_their_counts_and_targets()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieAgent.Email);
        var mail = await OneAsync(api, "year=2023", "delai-courriers");
        Assert.Equal(88.2, mail.GetProperty("value").GetDouble());
        Assert.Equal(441, mail.GetProperty("numerator").GetInt32());
        Assert.Equal(500, mail.GetProperty("denominator").GetInt32());
        Assert.Equal(0, mail.GetProperty("pending").GetInt32());
        Assert.Equal("percent", mail.GetProperty("unit").GetString());
        Assert.Equal(80, mail.GetProperty("nationalTarget").GetDouble());
        Assert.Equal(80, mail.GetProperty("localTarget").GetDouble());
        Assert.Equal("2023", mail.GetProperty("period").GetString());

        var quarter = await OneAsync(api, "year=2026&quarter=4", "delai-courriels");
        Assert.Equal("2026-T4", quarter.GetProperty("period").GetString());
        Assert.Equal(69.35, quarter.GetProperty("value").GetDouble());
        Assert.False(quarter.GetProperty("met").GetBoolean());
        Assert.Equal(5, quarter.GetProperty("pending").GetInt32());

        var dcl = await OneAsync(api, "year=2023&service=DCL", "delai-courriers");
        Assert.True(dcl.GetProperty("denominator").GetInt32() is > 0 and < 500);
        Assert.Equal(JsonValueKind.Null, (await OneAsync(api, "year=2023", "sp-ressenti-accueil")).GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await OneAsync(api, "year=2023", "sp-ressenti-accueil")).GetProperty("met").ValueKind);

        var bad = await api.GetAsync(new Uri("/api/v1/structures/pref-73/indicators?year=2023&quarter=5&service=NOPE", UriKind.Relative));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(2, (await bad.JsonAsync()).GetProperty("errors").GetArrayLength());

        var catalogue = await api.GetFromJsonAsync<JsonElement>("/api/v1/indicators");
        Assert.Contains(catalogue.EnumerateArray(), i => i.GetProperty("code").GetString() == "appels-decroches" && i.GetProperty("nationalTarget").GetDouble() == 90);
        Assert.Equal(13, catalogue.GetArrayLength());
    }

    [Fact]
    public async Task A_referent_enters_a_value_and_a_comment_for_a_period_and_clears_them()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var response = await api.PutAsJsonAsync("/api/v1/structures/pref-73/indicators/engagement-reseaux-sociaux/values/2022", new { value = 12.35, comment = "Relevé du contrôle de gestion" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.JsonAsync();
        Assert.Equal(12.35, saved.GetProperty("value").GetDouble());
        Assert.True(saved.GetProperty("entered").GetBoolean());
        Assert.Equal("Relevé du contrôle de gestion", (await OneAsync(api, "year=2022", "engagement-reseaux-sociaux")).GetProperty("comment").GetString());

        // A comment alone annotates a computed value; a value replaces it.
        await api.PutAsJsonAsync("/api/v1/structures/pref-73/indicators/delai-courriers/values/2022", new { value = (double?)null, comment = "Réorganisation du bureau du courrier" });
        var computed = await OneAsync(api, "year=2022", "delai-courriers");
        Assert.Equal(95.26, computed.GetProperty("value").GetDouble());
        Assert.False(computed.GetProperty("entered").GetBoolean());

        var version = saved.GetProperty("entryVersion").GetInt32();
        var cleared = await api.PutAsJsonAsync("/api/v1/structures/pref-73/indicators/engagement-reseaux-sociaux/values/2022", new { value = (double?)null, comment = (string?)null, version });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await OneAsync(api, "year=2022", "engagement-reseaux-sociaux")).GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task Bad_values_are_refused_in_french_and_agents_may_not_enter_values()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var badPeriod = await api.PutAsJsonAsync("/api/v1/structures/pref-73/indicators/engagement-reseaux-sociaux/values/2022-T7", new { value = 3 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badPeriod.StatusCode);
        Assert.Equal("period", (await badPeriod.JsonAsync()).GetProperty("errors")[0].GetProperty("field").GetString());
        var badValue = await api.PutAsJsonAsync("/api/v1/structures/pref-73/indicators/engagement-reseaux-sociaux/values/2022", new { value = 140 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badValue.StatusCode);
        Assert.Contains("entre 0 et 100", (await badValue.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync("/api/v1/structures/pref-73/indicators/inconnu/values/2022", new { value = 3 })).StatusCode);

        using var agent = await ApiClient.ForAsync(factory, DemoData.SavoieAgent.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync("/api/v1/structures/pref-73/indicators/engagement-reseaux-sociaux/values/2022", new { value = 3 })).StatusCode);
        using var lozere = await ApiClient.ForAsync(factory, DemoData.LozereReferent.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await lozere.GetAsync(new Uri("/api/v1/structures/pref-73/indicators?year=2023", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_records_behind_a_value_are_listed_by_status()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieAgent.Email);
        var late = await api.GetFromJsonAsync<JsonElement>("/api/v1/structures/pref-73/indicators/delai-courriels/records?period=2026-T4&status=late");
        Assert.Equal(19, late.GetProperty("total").GetInt32()); // 17 answered late and 2 unanswered past their deadline
        Assert.All(late.GetProperty("records").EnumerateArray(), r => Assert.Equal("late", r.GetProperty("status").GetString()));
        var pending = await api.GetFromJsonAsync<JsonElement>("/api/v1/structures/pref-73/indicators/delai-courriels/records?period=2026-T4&status=pending");
        Assert.Equal(5, pending.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.GetAsync(new Uri("/api/v1/structures/pref-73/indicators/appels-decroches/records?period=2023", UriKind.Relative))).StatusCode);
    }
}
