using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Features.Indicators;
using QualiPilote.Web.Shared;

namespace QualiPilote.Tests.Features.Indicators;

/// <summary>The dashboard fills a generated route instead of generating each cell's link: for every indicator, period kind
/// and service of the demo, the filled link is the one routing generates.</summary>
public class DrillDownLinksTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_filled_link_is_the_generated_one()
    {
        var links = factory.Services.GetRequiredService<LinkGenerator>();
        var (indicators, services) = await factory.WithDbAsync(async db =>
            (await db.Set<Indicator>().Select(i => i.Code).ToListAsync(), await db.Services.Select(s => s.Code).ToListAsync()));
        Assert.NotEmpty(indicators);
        Assert.NotEmpty(services);
        var periods = new[] { Period.OfMonth(2026, 3), Period.OfQuarter(2026, 3), Period.OfYear(2025) }.Select(p => p.Key).ToList();
        foreach (var code in new[] { "pref-73", "sp-albertville" })
        {
            var drillDown = DrillDownLinks.Of(links, code);
            foreach (var indicator in indicators)
            {
                foreach (var period in periods)
                {
                    foreach (var service in services.Append(null))
                    {
                        Assert.Equal(links.GetPathByPage("/Indicators/Details", values: new { code, indicator, period, service }),
                            drillDown.For(indicator, period, service));
                    }
                }
            }
        }
    }
}
