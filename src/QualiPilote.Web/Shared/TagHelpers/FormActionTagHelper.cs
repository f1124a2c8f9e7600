using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace QualiPilote.Web.Shared.TagHelpers;

/// <summary>A form with no <c>action</c> posts to the document's address, fragment included: after a save that came back at
/// <c>#engagement-14</c>, a failed save elsewhere on the page would come back scrolled to that stale block, with the focus
/// there instead of on the error summary. Every such form gets its page's address without the fragment.</summary>
[HtmlTargetElement("form")]
public sealed class FormActionTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // After the framework's FormTagHelper (order -1000), which writes the action of asp-page forms.
    public override int Order => 0;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes.ContainsName("action"))
        {
            return;
        }
        var request = ViewContext.HttpContext.Request;
        var post = output.Attributes.TryGetAttribute("method", out var method)
            && string.Equals(method.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase);
        // A GET form replaces the query with its fields; a POST keeps it (handlers and filters travel in it).
        var action = $"{request.PathBase}{request.Path}{(post ? request.QueryString : QueryString.Empty)}";
        output.Attributes.SetAttribute("action", action);
    }
}
