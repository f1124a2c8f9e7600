namespace QualiPilote.Web.Features.PublicResults;

/// <summary>Thrown when no PDF can be made on this server; the message is French and says what to do instead.</summary>
public sealed class PdfUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
