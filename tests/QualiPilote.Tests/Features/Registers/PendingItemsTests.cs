using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Demo;
using static QualiPilote.Tests.Features.Registers.RegisterFiles;

namespace QualiPilote.Tests.Features.Registers;

/// <summary>Pending versus late, as the clock moves (its own app: the test moves the clock forward).</summary>
public class PendingItemsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static async Task<Dictionary<string, JsonElement>> IndicatorsAsync(HttpClient api, string structure, string query)
    {
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/v1/structures/{structure}/indicators?{query}");
        return list.EnumerateArray().ToDictionary(e => e.GetProperty("code").GetString()!);
    }

    [Fact]
    public async Task Unanswered_items_are_pending_within_their_deadline_and_late_after_it()
    {
        using var api = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email);
        var file = $"""
            {Header}
            P-1;ACC;courrier;20/11/2026;;oui
            P-2;ACC;courrier;01/10/2026;;oui
            P-3;ACC;courrier;02/11/2026;10/11/2026;oui
            P-4;ACC;courrier;02/11/2026;20/11/2026;oui
            P-5;ACC;courriel;19/11/2026;;oui
            """;
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(api, "ddt-73", "correspondence", Utf8(file))).StatusCode);

        var mail = (await IndicatorsAsync(api, "ddt-73", "year=2026&quarter=4"))["delai-courriers"];
        Assert.Equal(1, mail.GetProperty("numerator").GetInt32()); // P-3 answered on 10/11, due 17/11
        Assert.Equal(3, mail.GetProperty("denominator").GetInt32()); // P-3, P-4 (answered after 17/11) and P-2 (due 15/10, unanswered)
        Assert.Equal(1, mail.GetProperty("pending").GetInt32()); // P-1, due 04/12
        Assert.Equal(33.33, mail.GetProperty("value").GetDouble());
        Assert.Equal(1, (await IndicatorsAsync(api, "ddt-73", "year=2026&quarter=4"))["delai-courriels"].GetProperty("pending").GetInt32());

        // Nothing is written when time passes: the tallies keep unanswered items by due date.
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero));
        using var later = await ApiClient.ForAsync(factory, DemoData.SavoieReferent.Email); // the first token has expired meanwhile
        mail = (await IndicatorsAsync(later, "ddt-73", "year=2026&quarter=4"))["delai-courriers"];
        Assert.Equal(4, mail.GetProperty("denominator").GetInt32());
        Assert.Equal(0, mail.GetProperty("pending").GetInt32());
        Assert.Equal(25, mail.GetProperty("value").GetDouble());
    }
}
