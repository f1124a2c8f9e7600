using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QualiPilote.Web.Shared;

namespace QualiPilote.Web.Features.Access;

/// <summary>The API's scheme: Identity's bearer token, accepted only while the session it names is alive, so that signing
/// out (POST /api/v1/auth/logout), a password change or a role removal ends a token as it ends a cookie.</summary>
internal sealed class ApiBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionStore sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!token.Succeeded)
        {
            return token.None ? AuthenticateResult.NoResult() : token;
        }
        if (!await sessions.IsAliveAsync(token.Principal, Context.RequestAborted))
        {
            return AuthenticateResult.Fail("La session de ce jeton est terminée.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(token.Principal, token.Properties, Api.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Context.ChallengeAsync(IdentityConstants.BearerScheme, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(IdentityConstants.BearerScheme, properties);
}
