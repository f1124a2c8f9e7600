using Microsoft.AspNetCore.Mvc;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>The links to the drill-down of a structure's values (the records behind a value, for a service when one is given),
/// in pages (<see cref="Of(IUrlHelper, string)"/>) and in the daily job (<see cref="Of(LinkGenerator, string)"/>). The route is
/// generated once with placeholders, then filled for each value: a dashboard has 80 to 200 of them, and generating each one
/// took a twentieth of the page (bench/README.md, « Issue 15 »).
/// The codes and period keys are letters, digits and hyphens, which routing and <c>Uri.EscapeDataString</c> leave as
/// they are; <c>DrillDownLinksTests</c> compares both.</summary>
public sealed class DrillDownLinks
{
    private const string Page = "/Indicators/Details", IndicatorSlot = "INDICATOR-SLOT", PeriodSlot = "PERIOD-SLOT";

    private readonly string _template;

    private DrillDownLinks(string? template) =>
        _template = template ?? throw new InvalidOperationException("La page de détail des indicateurs n'existe pas.");

    public static DrillDownLinks Of(IUrlHelper url, string structureCode) =>
        new(url.Page(Page, new { code = structureCode, indicator = IndicatorSlot, period = PeriodSlot }));

    public static DrillDownLinks Of(LinkGenerator links, string structureCode) =>
        new(links.GetPathByPage(Page, values: new { code = structureCode, indicator = IndicatorSlot, period = PeriodSlot }));

    public string For(string indicatorCode, string periodKey, string? serviceCode = null) =>
        _template.Replace(IndicatorSlot, Uri.EscapeDataString(indicatorCode), StringComparison.Ordinal)
            .Replace(PeriodSlot, Uri.EscapeDataString(periodKey), StringComparison.Ordinal)
        + (serviceCode is null ? "" : "?service=" + Uri.EscapeDataString(serviceCode));

    public string For(IndicatorResult result, string? serviceCode = null) => For(result.Indicator.Code, result.Period.Key, serviceCode);
}
