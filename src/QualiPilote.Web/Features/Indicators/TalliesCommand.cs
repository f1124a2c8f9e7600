using Microsoft.EntityFrameworkCore;
using QualiPilote.Web.Data;
using QualiPilote.Web.Shared;
using QualiPilote.Web.Shared.Commands;

namespace QualiPilote.Web.Features.Indicators;

/// <summary><c>tallies check [code…]</c> compares every structure's (or the named ones') tallies with a recount of its
/// registers and exits 1 when one differs; <c>tallies repair [code…]</c> rebuilds those that differ.</summary>
public sealed class TalliesCommand(AppDbContext db, TallyCheck check) : IAppCommand
{
    public string Name => "tallies";

    public string Usage => "tallies check|repair [code de structure…]   compare les comptages des indicateurs à un recomptage des registres, et les répare";

    public async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments is not [("check" or "repair") and var action, ..])
        {
            await output.WriteLineAsync($"Usage : {Usage}");
            return AppCommands.BadUsage;
        }
        var codes = arguments.Skip(1).ToList();
        if (!await AppCommands.SchemaIsCurrentAsync(db, output, cancellationToken))
        {
            return AppCommands.Failure;
        }
        var structures = await db.Structures.AsNoTracking().Where(s => codes.Count == 0 || codes.Contains(s.Code)).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        var unknown = codes.Except(structures.Select(s => s.Code)).ToList();
        if (unknown.Count > 0)
        {
            await output.WriteLineAsync($"Structure inconnue : {string.Join(", ", unknown)}.");
            return AppCommands.BadUsage;
        }
        var differing = 0;
        foreach (var structure in structures)
        {
            var result = action == "repair" ? await check.RepairAsync(structure, cancellationToken) : await check.CheckAsync(structure, cancellationToken);
            if (result.Matches)
            {
                await output.WriteLineAsync(result.StoredRows == 0
                    ? $"{structure.Code} : registres vides, aucun comptage."
                    : $"{structure.Code} : {Fr.Count(result.StoredRows, "ligne")} de comptage, {Fr.Word(result.StoredRows, "conforme")} au recomptage.");
                continue;
            }
            differing++;
            await output.WriteLineAsync($"{structure.Code} : {Fr.Count(result.Differences.Count, "écart")} avec le recomptage{(action == "repair" ? ", réparés" : "")} :");
            foreach (var difference in result.Differences.Take(20))
            {
                await output.WriteLineAsync($"  {difference.Describe(result.Services)}");
            }
            if (result.Differences.Count > 20)
            {
                await output.WriteLineAsync($"  … et {Fr.Count(result.Differences.Count - 20, "autre")}.");
            }
        }
        await output.WriteLineAsync(differing == 0
            ? $"{Fr.Count(structures.Count, "structure")} vérifiée{(structures.Count > 1 ? "s" : "")} : aucun écart."
            : action == "repair"
                ? $"{Fr.Count(differing, "structure")} réparée{(differing > 1 ? "s" : "")} sur {structures.Count}."
                : $"{Fr.Count(differing, "structure")} sur {structures.Count} avec des écarts : « tallies repair » les recalcule depuis les registres.");
        return differing > 0 && action == "check" ? AppCommands.Failure : AppCommands.Success;
    }
}
