using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace QualiPilote.Web.Shared;

/// <summary>Runs an input's data annotations outside MVC (for the API) with the same French messages,
/// and carries operation errors back into a page's model state.</summary>
public static class InputValidation
{
    public static List<FieldError> Validate(object input)
    {
        var errors = new List<FieldError>();
        foreach (var property in input.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var display = property.GetCustomAttribute<DisplayAttribute>()?.Name ?? property.Name;
            var value = property.GetValue(input);
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (attribute.IsValid(value))
                {
                    continue;
                }
                attribute.ErrorMessage ??= FrenchValidation.Template(attribute);
                errors.Add(new FieldError(null, JsonName(property.Name), attribute.FormatErrorMessage(display)));
                break;
            }
        }
        return errors;
    }

    /// <summary>Adds operation errors to a page's model state; field "name" lands on "Input.Name".</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix = "Input")
    {
        foreach (var error in errors)
        {
            var property = string.IsNullOrEmpty(error.Field) ? "" : $"{char.ToUpperInvariant(error.Field[0])}{error.Field[1..]}";
            var key = property.Length == 0 ? "" : prefix.Length == 0 ? property : $"{prefix}.{property}";
            modelState.AddModelError(key, error.Line is null ? error.Message : error.ToString());
        }
    }

    public static string JsonName(string propertyName) => char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
