using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace QualiPilote.Web.Shared.TagHelpers;

/// <summary>What every DSFR form field needs from its model expression: name, id, label, value and errors.</summary>
public abstract class DsfrField : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = null!;

    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    protected string Id => TagBuilder.CreateSanitizedId(Name, "-");

    protected IReadOnlyList<string> Errors =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).ToList()
            : [];

    protected bool IsRequired => For.Metadata.IsRequired && For.Metadata.ModelType != typeof(bool);

    /// <summary>What the user typed when the form comes back with errors, else the model's value.</summary>
    protected string? Value
    {
        get
        {
            if (ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null)
            {
                return entry.AttemptedValue;
            }
            return For.Model switch
            {
                null => null,
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateTime dateTime => dateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };
        }
    }

    protected string LabelHtml()
    {
        var label = HtmlEncoder.Default.Encode(Label ?? For.Metadata.DisplayName ?? For.Name);
        var hint = Hint is null ? "" : $"<span class=\"fr-hint-text\">{HtmlEncoder.Default.Encode(Hint)}</span>";
        return $"<label class=\"fr-label\" for=\"{Id}\">{label}{(IsRequired ? "" : " (facultatif)")}{hint}</label>";
    }

    protected string MessagesHtml()
    {
        var messages = string.Concat(Errors.Select(e => $"<p class=\"fr-message fr-message--error\">{HtmlEncoder.Default.Encode(e)}</p>"));
        return $"<div class=\"fr-messages-group\" id=\"{Id}-messages\" aria-live=\"polite\">{messages}</div>";
    }

    protected string CommonAttributes()
    {
        var attributes = $"id=\"{Id}\" name=\"{HtmlEncoder.Default.Encode(Name)}\" aria-describedby=\"{Id}-messages\"";
        if (IsRequired)
        {
            attributes += " required";
        }
        if (Errors.Count > 0)
        {
            attributes += " aria-invalid=\"true\"";
        }
        return attributes;
    }

    /// <summary>The <c>min</c> and <c>max</c> of a number field from its <see cref="RangeAttribute"/>: the browser and
    /// assistive technologies then say the bounds (« Avancement » from 0 to 100), not only the hint.</summary>
    protected string RangeAttributes()
    {
        var range = (For.Metadata as Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelMetadata)?.Attributes.PropertyAttributes?
            .OfType<RangeAttribute>().FirstOrDefault();
        if (range is null || range.OperandType != typeof(int) && range.OperandType != typeof(double))
        {
            return "";
        }
        return string.Create(CultureInfo.InvariantCulture, $" min=\"{range.Minimum}\" max=\"{range.Maximum}\"");
    }

    protected string InputType(string? explicitType)
    {
        if (explicitType is not null)
        {
            return explicitType;
        }
        var type = Nullable.GetUnderlyingType(For.Metadata.ModelType) ?? For.Metadata.ModelType;
        if (For.Metadata.DataTypeName == nameof(DataType.Password))
        {
            return "password";
        }
        if (For.Metadata.DataTypeName == nameof(DataType.EmailAddress))
        {
            return "email";
        }
        if (type == typeof(DateOnly) || type == typeof(DateTime))
        {
            return "date";
        }
        return type == typeof(int) || type == typeof(long) ? "number" : "text";
    }
}
