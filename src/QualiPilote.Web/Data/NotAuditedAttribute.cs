namespace QualiPilote.Web.Data;

/// <summary>Marks bulk data (register rows imported by the hundred thousand) whose trail is kept at the level of the import
/// batch rather than row by row. It lives beside the interceptor that reads it so that features mark their entities
/// without depending on the audit trail (ADR 0040).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class NotAuditedAttribute : Attribute;
