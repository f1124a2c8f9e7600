using System.ComponentModel.DataAnnotations;

namespace QualiPilote.Web.Shared;

/// <summary>A date of a form or an API input within the plausible years: from <see cref="PlausibleDates.FirstYear"/> to
/// <see cref="PlausibleDates.PlanYearsAhead"/> years ahead.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class PlausibleDateAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value switch
    {
        DateOnly date => date.Year >= PlausibleDates.FirstYear && date.Year <= DateTime.UtcNow.Year + PlausibleDates.PlanYearsAhead,
        DateTime time => time.Year >= PlausibleDates.FirstYear && time.Year <= DateTime.UtcNow.Year + PlausibleDates.PlanYearsAhead,
        _ => true,
    };

    public override string FormatErrorMessage(string name) =>
        $"{name} : l'année doit être comprise entre {PlausibleDates.FirstYear} et {DateTime.UtcNow.Year + PlausibleDates.PlanYearsAhead}.";
}
