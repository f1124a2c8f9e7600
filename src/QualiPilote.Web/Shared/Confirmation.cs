using Microsoft.AspNetCore.Html;

namespace QualiPilote.Web.Shared;

/// <summary>What <c>Shared/_Confirmation.cshtml</c> shows before an irreversible action: a title, what will happen,
/// the form that performs it (a POST with antiforgery and <see cref="Field"/>=<see cref="Yes"/>) and a way back.
/// A page reaches it by a plain GET link; its POST handler acts only when <see cref="IsConfirmed"/>, so a POST
/// sent from anywhere else (an old one-click form, a script) changes nothing.</summary>
public sealed record Confirmation(string Title, string ConfirmLabel, string CancelHref)
{
    public const string Field = "confirmation";
    public const string Yes = "oui";

    /// <summary>The sentences saying what the action will do, shown as a list.</summary>
    public IReadOnlyList<string> Consequences { get; init; } = [];

    /// <summary>More to show under the consequences: lists with links, counts.</summary>
    public Func<object?, IHtmlContent>? Details { get; init; }

    /// <summary>Fields sent with the confirmation (a note, hidden ids).</summary>
    public Func<object?, IHtmlContent>? Fields { get; init; }

    /// <summary>Where the form posts; the current address when null.</summary>
    public string? Action { get; init; }

    /// <summary>Why the action cannot be done: shown instead of the confirm button.</summary>
    public string? Refusal { get; init; }

    public string CancelLabel { get; init; } = "Annuler";

    public static bool IsConfirmed(HttpRequest request) =>
        request.HasFormContentType && request.Form[Field] == Yes;
}
