using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.AuditTrail;

/// <summary>Rewritings of a column's displayed value.</summary>
public static class JournalFormats
{
    /// <summary>"2026-T2" → "T2 2026", "2026-05" → "mai 2026".</summary>
    public static string Period(string key) => Shared.Period.TryParse(key, out var period) ? period.Label : key;

    /// <summary>The national roles as the accounts page names them.</summary>
    public static string RoleName(string name) => name == Roles.NationalAdmin ? "administrateur national" : name;

    /// <summary>"40" → "40 %".</summary>
    public static string Percent(string value) => value + "\u00a0%";
}
