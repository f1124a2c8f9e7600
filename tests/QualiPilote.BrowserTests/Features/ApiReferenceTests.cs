using Microsoft.Playwright;
using QualiPilote.BrowserTests.Infrastructure;

namespace QualiPilote.BrowserTests.Features;

/// <summary>The « API » menu entry opens the reference, under the app's content security policy, in French.</summary>
public class ApiReferenceTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_api_reference_lists_the_endpoints()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "API", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/api/docs", StringComparison.Ordinal));
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByText("Obtenir un jeton d'accès").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByText("Plan d'action").First).ToBeVisibleAsync();
        page.AssertNoPolicyViolation();
        await page.ScreenshotAsync("69-reference-api");
    }
}
