using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace QualiPilote.Web.Shared.TagHelpers;

/// <summary>The DSFR table's <c>div.fr-table__container</c> scrolls sideways when its table is wider than the screen; a
/// keyboard user can scroll it only if it takes the focus (RGAA 7.3, axe <c>scrollable-region-focusable</c>). Every such
/// container gets <c>tabindex="0"</c>, <c>role="region"</c> and the table's caption as its name, so a new table cannot
/// forget it. wwwroot/js/page-focus.js drops the tab stop again while the table fits.</summary>
[HtmlTargetElement("div", Attributes = "[class=fr-table__container]")]
public sealed partial class ScrollingTableTagHelper : TagHelper
{
    private const string CounterKey = "QualiPilote.ScrollingTable.Count";

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var content = (await output.GetChildContentAsync()).GetContent();
        output.Attributes.SetAttribute("tabindex", "0");
        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute("data-qp-scroll", "");
        var caption = Caption().Match(content);
        if (!caption.Success)
        {
            output.Attributes.SetAttribute("aria-label", "Tableau");
            return;
        }
        var id = IdAttribute().Match(caption.Groups["attributes"].Value) is { Success: true } existing
            ? existing.Groups["id"].Value
            : null;
        if (id is null)
        {
            var items = ViewContext.HttpContext.Items;
            var number = (items[CounterKey] as int? ?? 0) + 1;
            items[CounterKey] = number;
            id = TagBuilder.CreateSanitizedId($"tableau-{number}", "-");
            content = content[..caption.Index] + $"<caption id=\"{id}\"" + content[(caption.Index + "<caption".Length)..];
            output.Content.SetHtmlContent(content);
        }
        output.Attributes.SetAttribute("aria-labelledby", id);
    }

    [GeneratedRegex("<caption(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex("\\bid=\"(?<id>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex IdAttribute();
}
