using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using static QualiPilote.Tests.Features.Registers.RegisterFiles;

namespace QualiPilote.Tests.Features.Registers;

/// <summary>A deadline change (the seed's 15 to 10 days in 2020) applies to items received from its date, and rates follow.</summary>
public class DeadlineTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static async Task<double> MailRateAsync(HttpClient api, int year) =>
        (await api.GetFromJsonAsync<JsonElement>($"/api/v1/structures/sp-albertville/indicators?year={year}")).EnumerateArray()
            .Single(e => e.GetProperty("code").GetString() == "delai-courriers").GetProperty("value").GetDouble();

    [Fact]
    public async Task Changing_a_deadline_recomputes_the_items_received_from_its_date()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        // Received Monday 02/12/2019 and 06/01/2020, answered 12 working days later: late with 10 days, on time with 15.
        var file = $"{Header}\nDL-1;ACC;courrier;02/12/2019;18/12/2019;oui\nDL-2;ACC;courrier;06/01/2020;22/01/2020;oui\n";
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(api, "sp-albertville", "correspondence", Utf8(file))).StatusCode);
        Assert.Equal(0, await MailRateAsync(api, 2019));

        var response = await api.PutAsJsonAsync("/api/v1/structures/sp-albertville/deadlines", new { channel = "mail", effectiveFrom = "2013-01-01", days = 15, workingDays = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(100, await MailRateAsync(api, 2019));
        Assert.Equal(100, await MailRateAsync(api, 2020));

        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/v1/structures/sp-albertville/deadlines", new { channel = "mail", effectiveFrom = "2020-01-01", days = 10 })).StatusCode);
        Assert.Equal(100, await MailRateAsync(api, 2019));
        Assert.Equal(0, await MailRateAsync(api, 2020));

        var rules = await api.GetFromJsonAsync<JsonElement>("/api/v1/structures/sp-albertville/deadlines");
        Assert.Equal(2, rules.GetArrayLength());

        // Calendar days: 12 calendar days late for a 10-calendar-day rule.
        var version = rules.EnumerateArray().Single(r => r.GetProperty("effectiveFrom").GetString() == "2020-01-01").GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/v1/structures/sp-albertville/deadlines", new { channel = "mail", effectiveFrom = "2020-01-01", days = 20, workingDays = false, version })).StatusCode);
        Assert.Equal(100, await MailRateAsync(api, 2020));
    }

    [Fact]
    public async Task A_bad_deadline_is_refused_in_french_and_others_may_not_set_one()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var response = await api.PutAsJsonAsync("/api/v1/structures/sp-albertville/deadlines", new { channel = "mail", days = 0 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fields = (await response.JsonAsync()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("effectiveFrom", fields);
        Assert.Contains("days", fields);

        using var relay = await ApiClient.ForAsync(factory, DemoData.SavoieRelay.Email);
        Assert.Equal(HttpStatusCode.Forbidden, (await relay.PutAsJsonAsync("/api/v1/structures/pref-73/deadlines", new { channel = "mail", effectiveFrom = "2020-01-01", days = 10 })).StatusCode);
    }
}
