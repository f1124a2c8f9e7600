using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Shared;

namespace QualiPilote.Tests.Shared;

/// <summary>The remembered paths of the menus are the generated ones, for each path base and structure.</summary>
public class PagePathsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public void A_remembered_path_is_the_generated_one_for_its_path_base_and_structure()
    {
        var paths = factory.Services.GetRequiredService<PagePaths>();
        var root = new DefaultHttpContext();
        var mounted = new DefaultHttpContext();
        mounted.Request.PathBase = "/qualite";

        Assert.Equal("/structures", paths.Of(root, "/Structures/Index"));
        Assert.Equal("/qualite/structures", paths.Of(mounted, "/Structures/Index"));
        Assert.Equal("/structures/pref-73/actions", paths.Of(root, "/ActionPlan/Index", "pref-73"));
        Assert.Equal("/structures/sp-albertville/actions", paths.Of(root, "/ActionPlan/Index", "sp-albertville"));
        Assert.Equal("/structures/pref-73/actions", paths.Of(root, "/ActionPlan/Index", "pref-73"));
        Assert.Throws<InvalidOperationException>(() => paths.Of(root, "/Nowhere/Index"));
    }
}
