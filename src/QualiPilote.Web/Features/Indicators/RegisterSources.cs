using QualiPilote.Web.Features.Registers;

namespace QualiPilote.Web.Features.Indicators;

/// <summary>Which register feeds an indicator computed from one.</summary>
public static class RegisterSources
{
    /// <summary>The channel behind a register indicator, or null.</summary>
    public static CorrespondenceChannel? ChannelOf(IndicatorSource source) => source switch
    {
        IndicatorSource.CorrespondenceMail => CorrespondenceChannel.Mail,
        IndicatorSource.CorrespondenceEmail => CorrespondenceChannel.Email,
        IndicatorSource.CorrespondenceComplaint => CorrespondenceChannel.Complaint,
        _ => null,
    };

    public static AttendanceSite? SiteOf(IndicatorSource source) => source switch
    {
        IndicatorSource.AttendanceReception => AttendanceSite.GeneralReception,
        IndicatorSource.AttendancePan => AttendanceSite.Pan,
        _ => null,
    };
}
