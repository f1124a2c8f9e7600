namespace QualiPilote.Web.Features.Structures;

public enum StructureType
{
    Prefecture,
    SubPrefecture,
    Sgcd,
    Ddi,
}

public static class StructureTypeLabels
{
    public static string Label(this StructureType type) => type switch
    {
        StructureType.Prefecture => "Préfecture",
        StructureType.SubPrefecture => "Sous-préfecture",
        StructureType.Sgcd => "Secrétariat général commun départemental (SGCD)",
        StructureType.Ddi => "Direction départementale interministérielle (DDI)",
        _ => type.ToString(),
    };
}
