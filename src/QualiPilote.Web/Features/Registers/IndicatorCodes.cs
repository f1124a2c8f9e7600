namespace QualiPilote.Web.Features.Registers;

/// <summary>The codes of the indicators the registers feed, shared by the registers that write their tallies and the
/// indicator catalogue that describes them.</summary>
public static class IndicatorCodes
{
    public const string Calls = "appels-decroches";
    public const string AttendanceReception = "frequentation-accueil";
    public const string AttendancePan = "frequentation-pan";
}
