namespace QualiPilote.Web.Features.Access;

/// <summary>A notice another feature shows under the sign-in form, as a partial view of its own (the demo lists its
/// accounts there), so that the sign-in page does not know who adds it.</summary>
public interface ISignInNotice
{
    string PartialView { get; }
}
