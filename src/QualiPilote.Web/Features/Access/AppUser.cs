using Microsoft.AspNetCore.Identity;

namespace QualiPilote.Web.Features.Access;

public class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public List<Membership> Memberships { get; set; } = [];
}
