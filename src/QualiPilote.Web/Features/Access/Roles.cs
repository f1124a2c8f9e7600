namespace QualiPilote.Web.Features.Access;

public static class Roles
{
    /// <summary>Identity role of the national administrators (DMATES): every structure, and the referentials.</summary>
    public const string NationalAdmin = "NationalAdmin";
}
