using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace QualiPilote.Web.Shared;

/// <summary>French messages for model binding and data annotations, so that no English
/// "The field X is required" ever reaches a user. Attributes that set their own message keep it.</summary>
public sealed class FrenchValidation : IValidationMetadataProvider
{
    public static void Configure(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"{field} : la valeur « {value} » n'est pas valide.");
        messages.SetMissingBindRequiredValueAccessor(field => $"{field} : valeur manquante.");
        messages.SetMissingKeyOrValueAccessor(() => "Valeur manquante.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le corps de la requête est vide.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "La valeur doit être un nombre.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"{field} : la valeur saisie n'est pas valide.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} doit être un nombre.");
        messages.SetValueMustNotBeNullAccessor(field => $"{field} : ce champ est obligatoire.");
        options.ModelMetadataDetailsProviders.Add(new FrenchValidation());
    }

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceName is not null)
            {
                continue;
            }
            attribute.ErrorMessage = Template(attribute);
        }
    }

    public static string Template(ValidationAttribute attribute) =>
        attribute switch
        {
            RequiredAttribute => "{0} : ce champ est obligatoire.",
            StringLengthAttribute { MinimumLength: > 0 } => "{0} : entre {2} et {1} caractères.",
            StringLengthAttribute or MaxLengthAttribute => "{0} : {1} caractères au plus.",
            MinLengthAttribute => "{0} : {1} caractères au moins.",
            RangeAttribute => "{0} : la valeur doit être comprise entre {1} et {2}.",
            EmailAddressAttribute => "{0} : l'adresse électronique n'est pas valide (format attendu : nom@domaine.fr).",
            RegularExpressionAttribute => "{0} : le format n'est pas valide.",
            UrlAttribute => "{0} : l'adresse web n'est pas valide (format attendu : https://…).",
            _ => "{0} : la valeur n'est pas valide.",
        };
}
