namespace QualiPilote.Web.Features.AuditTrail;

/// <summary>Marks bulk data (register rows imported by the hundred thousand) whose trail is kept
/// at the level of the import batch rather than row by row.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class NotAuditedAttribute : Attribute;
