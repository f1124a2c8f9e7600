namespace QualiPilote.Web.Features.Registers;

/// <summary>What the registers need from the monthly tallies that feed the indicators: apply the changes of a write, rebuild
/// some months from the register rows, read the volumes back. The registers own this port and the indicators implement it
/// (Features/Indicators/TallyStore.cs), so that the registers do not depend on the indicators (ADR 0040). Every write runs in
/// the structure's register transaction (<see cref="RegisterLock"/>).</summary>
public interface IRegisterTallies
{
    Task ApplyAsync(int structureId, TallyDelta delta, CancellationToken cancellationToken = default);

    /// <summary>Recomputes the correspondence tallies of months [from, to] (first days of months) from the register.</summary>
    Task RebuildCorrespondenceAsync(int structureId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    Task RebuildCallsAsync(int structureId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    Task RebuildAttendanceAsync(int structureId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);

    /// <summary>The volumes by indicator and month of the given codes (all the register codes when null), read from the
    /// tallies: a few hundred rows whatever the size of the register.</summary>
    Task<List<RegisterVolume>> VolumesAsync(int structureId, IReadOnlyCollection<string>? codes, CancellationToken cancellationToken = default);
}

/// <summary>A month of one register indicator: the items received (counted, open or excluded) and, for attendance, the visitors.</summary>
public sealed record RegisterVolume(string IndicatorCode, DateOnly Month, long Items, long Visitors)
{
    /// <summary>What a register counts: visitors for attendance, items for the others.</summary>
    public long Volume => IndicatorCode == IndicatorCodes.AttendanceReception || IndicatorCode == IndicatorCodes.AttendancePan ? Visitors : Items;
}
