using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Structures;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Registers;

/// <summary>The correspondence register, a year at a time, filtered by channel, service and status.</summary>
[Authorize(Policy = Policies.StructureRead)]
public class CorrespondenceModel(StructureAccess access, AppDbContext db, RegisterRecords records, TimeProvider clock) : StructurePageModel(access)
{
    public int Year { get; private set; }
    public CorrespondenceChannel? Channel { get; private set; }
    public CorrespondenceStatus? Status { get; private set; }
    public Service? Service { get; private set; }
    public Dictionary<int, Service> Services { get; private set; } = [];
    public RegisterRecords.Page<CorrespondenceItem> Items { get; private set; } = new([], 0, 1);
    public DateOnly Today { get; private set; }

    /// <summary>Why the year of the address was not taken (out of the plausible years), shown on the year field.</summary>
    public string? YearError { get; private set; }

    public async Task OnGetAsync(int? annee, CorrespondenceChannel? canal, string? service, CorrespondenceStatus? statut,
        [FromQuery(Name = "page")] int pageNumber = 1)
    {
        Today = clock.Today();
        Year = annee ?? Today.Year;
        if (!PlausibleDates.IsYear(Year, Today))
        {
            YearError = PlausibleDates.YearMessage(Year.ToString(Fr.Culture), Today) + $" Voici l'année {Today.Year}.";
            Year = Today.Year;
        }
        Channel = canal;
        Status = statut;
        Services = await db.Set<Service>().AsNoTracking().Where(s => s.StructureId == Structure.Id).ToDictionaryAsync(s => s.Id);
        Service = Services.Values.FirstOrDefault(s => s.Code == service);
        Items = await records.CorrespondencePageAsync(Structure.Id, Channel, new DateOnly(Year, 1, 1), new DateOnly(Year + 1, 1, 1), Service?.Id, Status, pageNumber);
    }

    /// <summary>The query is written out: "page" is the page name's route value, so Url.Page cannot add it to the query.</summary>
    public string LinkTo(int page) =>
        $"{Url.Page("/Registers/Correspondence", new { code = Structure.Code })}?annee={Year}&canal={Channel}&service={Uri.EscapeDataString(Service?.Code ?? "")}&statut={Status}&page={page}";
}
