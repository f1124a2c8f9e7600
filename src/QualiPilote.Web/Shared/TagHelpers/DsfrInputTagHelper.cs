using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace QualiPilote.Web.Shared.TagHelpers;

/// <summary><c>&lt;dsfr-input for="Input.Name" /&gt;</c>: a DSFR input group (label, hint, error messages),
/// or a textarea with <c>rows</c>.</summary>
[HtmlTargetElement("dsfr-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DsfrInputTagHelper : DsfrField
{
    [HtmlAttributeName("type")]
    public string? Type { get; set; }

    [HtmlAttributeName("rows")]
    public int? Rows { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? AutoComplete { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = Errors.Count > 0;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", error ? "fr-input-group fr-input-group--error" : "fr-input-group");

        var value = HtmlEncoder.Default.Encode(Value ?? "");
        var inputClass = error ? "fr-input fr-input--error" : "fr-input";
        var extra = (AutoComplete is null ? "" : $" autocomplete=\"{AutoComplete}\"") + (InputMode is null ? "" : $" inputmode=\"{InputMode}\"");
        var control = Rows is { } rows
            ? $"<textarea class=\"{inputClass}\" {CommonAttributes()} rows=\"{rows}\"{extra}>{value}</textarea>"
            : $"<input class=\"{inputClass}\" {CommonAttributes()} type=\"{InputType(Type)}\" value=\"{value}\"{extra}{(InputType(Type) == "number" ? RangeAttributes() : "")}>";
        output.Content.SetHtmlContent(LabelHtml() + control + MessagesHtml());
    }
}
