using System.Security.Claims;
using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.SelfAssessment;

/// <summary>Who does something, as the grid records it ("évalué par … le …"): the account id and the name shown.</summary>
public sealed record Actor(string Id, string Name)
{
    public static Actor Of(ClaimsPrincipal user) => new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.DisplayName());
}
