using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Structures;

namespace QualiPilote.Web.Features.Demo;

/// <summary>The demo department: "Préfecture de la Savoie (démo)" with its sub-prefectures, SGCD and DDI,
/// a second prefecture (Lozère) to show that structures are kept apart, and one account per role.
/// Loaded only in the demo environment (or when Demo:Enabled is set, as the tests do).</summary>
public sealed class DemoData(AppDbContext db, UserManager<AppUser> users, RegistersDemoData registers)
{
    public const string Password = "Demo-Quali-2026";

    public sealed record Account(string Email, string FullName, string Description);

    public static readonly Account Admin = new("admin@quali-pilote.demo", "Alex Durand", "administrateur national (DMATES)");
    public static readonly Account SavoieReferent = new("referent.savoie@quali-pilote.demo", "Claire Martin", "référente qualité, Préfecture de la Savoie (démo) et structures du département");
    public static readonly Account SavoieRelay = new("relais.dcl.savoie@quali-pilote.demo", "Karim Benali", "référent-relais de la DCL, Préfecture de la Savoie (démo)");
    public static readonly Account SavoieAgent = new("agent.savoie@quali-pilote.demo", "Julie Petit", "agente d'accueil, Préfecture de la Savoie (démo)");
    public static readonly Account SavoieAuditor = new("auditeur.savoie@quali-pilote.demo", "Marc Leroy", "auditeur externe de la Préfecture de la Savoie (démo)");
    public static readonly Account LozereReferent = new("referent.lozere@quali-pilote.demo", "Sophie Bernard", "référente qualité, Préfecture de la Lozère (démo)");

    public static readonly IReadOnlyList<Account> Accounts = [Admin, SavoieReferent, SavoieRelay, SavoieAgent, SavoieAuditor, LozereReferent];

    public static bool IsEnabled(IHostEnvironment environment, IConfiguration configuration) =>
        configuration.GetValue<bool?>("Demo:Enabled") ?? environment.IsEnvironment("Demo");

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Structures.AnyAsync(s => s.Code == "pref-73", cancellationToken))
        {
            return;
        }
        var savoie = Structure("pref-73", "Préfecture de la Savoie (démo)", StructureType.Prefecture, "73", null,
            ("CAB", "Cabinet du préfet"), ("CAB-SICOM", "Service interministériel de communication"),
            ("DCL", "Direction de la citoyenneté et de la légalité"), ("DCL-BI", "Bureau de l'immigration"),
            ("DS", "Direction des sécurités"), ("DS-SIDPC", "Service interministériel de défense et de protection civile"),
            ("SG", "Secrétariat général"));
        var sgcd = Structure("sgcd-73", "SGCD de la Savoie (démo)", StructureType.Sgcd, "73", savoie,
            ("SGCD-BRH", "Bureau des ressources humaines"), ("SGCD-BFIL", "Bureau du budget, des finances, de l'immobilier et de la logistique"),
            ("SGCD-CPM", "Cellule de la performance et de la modernisation"));
        var albertville = Structure("sp-albertville", "Sous-préfecture d'Albertville (démo)", StructureType.SubPrefecture, "73", savoie,
            ("ACC", "Accueil et standard"), ("SG", "Secrétariat général"));
        var maurienne = Structure("sp-saint-jean-de-maurienne", "Sous-préfecture de Saint-Jean-de-Maurienne (démo)", StructureType.SubPrefecture, "73", savoie,
            ("ACC", "Accueil et standard"), ("SG", "Secrétariat général"));
        var ddt = Structure("ddt-73", "DDT de la Savoie (démo)", StructureType.Ddi, "73", savoie, ("ACC", "Accueil"));
        var ddetspp = Structure("ddetspp-73", "DDETSPP de la Savoie (démo)", StructureType.Ddi, "73", savoie, ("ACC", "Accueil"));
        var lozere = Structure("pref-48", "Préfecture de la Lozère (démo)", StructureType.Prefecture, "48", null,
            ("CAB", "Cabinet du préfet"), ("DCL", "Direction de la citoyenneté et de la légalité"), ("DCPP", "Direction de la coordination des politiques publiques"));
        db.Structures.AddRange(savoie, sgcd, albertville, maurienne, ddt, ddetspp, lozere);
        await db.SaveChangesAsync(cancellationToken);

        await AddPerimeterAsync(savoie, "quali-ate", "2024", new DateOnly(2024, 3, 18), "COPIL de lancement Quali-ATE", cancellationToken,
            (1, ["CAB", "DCL", "DCL-BI", "DS"]), (2, ["SG"]), (4, ["DCL-BI"]), (8, ["DS-SIDPC", "CAB-SICOM"]));
        await AddPerimeterAsync(sgcd, "quali-ate", "2024", new DateOnly(2024, 3, 18), "COPIL de lancement Quali-ATE", cancellationToken,
            (1, ["SGCD-CPM"]), (2, ["SGCD-BRH", "SGCD-BFIL", "SGCD-CPM"]));
        await AddPerimeterAsync(lozere, "qual-e-pref", "2017", new DateOnly(2021, 1, 15), "COPIL qualité", cancellationToken,
            (1, ["CAB", "DCL"]), (6, ["DCPP"]));

        var admin = await CreateUserAsync(Admin);
        await users.AddToRoleAsync(admin, Roles.NationalAdmin);

        var dcl = savoie.Services.Single(s => s.Code == "DCL");
        await AddMemberAsync(SavoieReferent, savoie, MembershipRole.QualityReferent, null, cancellationToken);
        await AddMemberAsync(SavoieRelay, savoie, MembershipRole.RelayReferent, dcl, cancellationToken);
        await AddMemberAsync(SavoieAgent, savoie, MembershipRole.Agent, null, cancellationToken);
        await AddMemberAsync(SavoieAuditor, savoie, MembershipRole.Auditor, null, cancellationToken);
        await AddMemberAsync(LozereReferent, lozere, MembershipRole.QualityReferent, null, cancellationToken);
        await new LabellingDemoData(db).SeedAsync(cancellationToken);
        await new SelfAssessmentDemo(db).SeedAsync(cancellationToken);
        await registers.SeedAsync(savoie, cancellationToken);
    }

    private static Structure Structure(string code, string name, StructureType type, string department, Structure? parent, params (string Code, string Name)[] services) =>
        new()
        {
            Code = code,
            Name = name,
            Type = type,
            Department = department,
            Parent = parent,
            Services = services.Select(s => new Service { Code = s.Code, Name = s.Name }).ToList(),
        };

    private async Task AddPerimeterAsync(Structure structure, string referentialCode, string version, DateOnly decidedOn, string decidedBy,
        CancellationToken cancellationToken, params (int Module, string[] Services)[] modules)
    {
        var referential = await db.Referentials.Include(r => r.Modules).SingleAsync(r => r.Code == referentialCode && r.Version == version, cancellationToken);
        var perimeter = new Perimeter { StructureId = structure.Id, ReferentialId = referential.Id, DecidedOn = decidedOn, DecidedBy = decidedBy };
        foreach (var (moduleNumber, serviceCodes) in modules)
        {
            var module = new PerimeterModule { StructureId = structure.Id, ModuleId = referential.Modules.Single(m => m.Number == moduleNumber).Id };
            module.Services.AddRange(serviceCodes.Select(code => new PerimeterModuleService
            {
                StructureId = structure.Id,
                ServiceId = structure.Services.Single(s => s.Code == code).Id,
            }));
            perimeter.Modules.Add(module);
        }
        db.Perimeters.Add(perimeter);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<AppUser> CreateUserAsync(Account account)
    {
        var user = new AppUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, FullName = account.FullName };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        return user;
    }

    private async Task AddMemberAsync(Account account, Structure structure, MembershipRole role, Service? service, CancellationToken cancellationToken)
    {
        var user = await CreateUserAsync(account);
        db.Memberships.Add(new Membership { UserId = user.Id, StructureId = structure.Id, Role = role, ServiceId = service?.Id });
        await db.SaveChangesAsync(cancellationToken);
    }
}
