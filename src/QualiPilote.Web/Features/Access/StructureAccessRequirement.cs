using Microsoft.AspNetCore.Authorization;

namespace QualiPilote.Web.Features.Access;

public sealed record StructureAccessRequirement(AccessLevel Minimum) : IAuthorizationRequirement;
