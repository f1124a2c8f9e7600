using System.ComponentModel.DataAnnotations;

namespace QualiPilote.Web.Features.Access;

/// <summary>Gives someone a role in a structure; creates their account when the address is new.</summary>
public sealed class MemberInput
{
    [Required, EmailAddress, StringLength(256), Display(Name = "Adresse électronique")]
    public string? Email { get; set; }

    [StringLength(200), Display(Name = "Prénom et nom")]
    public string? FullName { get; set; }

    [StringLength(100), DataType(DataType.Password), Display(Name = "Mot de passe initial")]
    public string? Password { get; set; }

    [Required, Display(Name = "Rôle")]
    public MembershipRole? Role { get; set; }

    [StringLength(30), Display(Name = "Service (pour un référent-relais)")]
    public string? ServiceCode { get; set; }
}
