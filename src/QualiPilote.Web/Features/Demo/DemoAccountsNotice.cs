using QualiPilote.Web.Features.Access;

namespace QualiPilote.Web.Features.Demo;

/// <summary>The demo accounts, listed on the sign-in page of the <c>Demo</c> environment.</summary>
internal sealed class DemoAccountsNotice : ISignInNotice
{
    public string PartialView => "~/Features/Demo/_DemoAccounts.cshtml";
}
