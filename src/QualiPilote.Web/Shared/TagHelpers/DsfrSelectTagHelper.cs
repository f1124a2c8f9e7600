using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace QualiPilote.Web.Shared.TagHelpers;

/// <summary><c>&lt;dsfr-select for="Input.Type" items="Model.Types" /&gt;</c>: a DSFR select group.</summary>
[HtmlTargetElement("dsfr-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrSelectTagHelper : DsfrField
{
    [HtmlAttributeName("items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>Text of an empty first option; none when null.</summary>
    [HtmlAttributeName("placeholder")]
    public string? Placeholder { get; set; } = "Sélectionner une option";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Errors.Count > 0;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error ? "fr-select-group fr-select-group--error" : "fr-select-group");

        var current = Value;
        var options = Placeholder is null ? "" : $"<option value=\"\">{HtmlEncoder.Default.Encode(Placeholder)}</option>";
        foreach (var item in Items)
        {
            var selected = item.Value == current || (current is null && item.Selected) ? " selected" : "";
            options += $"<option value=\"{HtmlEncoder.Default.Encode(item.Value)}\"{selected}>{HtmlEncoder.Default.Encode(item.Text)}</option>";
        }
        var selectClass = error ? "fr-select fr-select--error" : "fr-select";
        output.Content.SetHtmlContent($"{LabelHtml()}<select class=\"{selectClass}\" {CommonAttributes()}>{options}</select>{MessagesHtml()}");
    }
}
