using System.Collections.Concurrent;

namespace QualiPilote.Web.Shared;

/// <summary>The paths of the pages every page links to (the main menu, the footer, a structure's side menu), generated once
/// for each page name, path base and structure code, then remembered. A generated link costs a few microseconds and the
/// layouts asked for some thirty of them on every request (bench/README.md, « Issue 15 »). Only these fixed links come here,
/// so the entries are bounded by the pages and the structures; a link that carries a record's id is generated in place.</summary>
public sealed class PagePaths(LinkGenerator links)
{
    private readonly ConcurrentDictionary<(string PathBase, string Page, string? Code), string> _paths = new();

    /// <summary>The path of <paramref name="page"/> (a page name such as "/Structures/Index"), for a structure's page with its
    /// <paramref name="code"/>.</summary>
    public string Of(HttpContext http, string page, string? code = null) =>
        _paths.GetOrAdd((http.Request.PathBase.Value ?? "", page, code), key =>
            links.GetPathByPage(key.Page, values: key.Code is null ? null : new { code = key.Code }, pathBase: new PathString(key.PathBase))
            ?? throw new InvalidOperationException($"La page {key.Page} n'existe pas."));
}
