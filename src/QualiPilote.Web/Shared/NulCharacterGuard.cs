using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualiPilote.Web.Shared;

/// <summary>Refuses text holding a NUL character (U+0000) before it reaches the database: PostgreSQL cannot store or even
/// compare it and answers an error, SQLite cuts strings at it. No French text needs it, so the request is refused with 400.</summary>
public static class NulCharacterGuard
{
    public const string Message = "La requête contient un caractère nul (U+0000), qu'aucun champ n'accepte.";

    /// <summary>Query strings and URL-encoded forms. Multipart forms are left to their readers: the register and file uploads
    /// stream them, and reading them here would buffer every file.</summary>
    public static void UseNulCharacterGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HasNul(context.Request.Query) || await FormHasNulAsync(context.Request, context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            if (WebUi.IsApi(context))
            {
                await Results.Problem(statusCode: 400, title: Problems.Title(400), detail: Message).ExecuteAsync(context);
            }
            return;
        }
        await next(context);
    });

    private static async Task<bool> FormHasNulAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        try
        {
            return HasNul(await request.ReadFormAsync(cancellationToken));
        }
        catch (InvalidDataException)
        {
            return true; // the framework's form reader refuses the NUL character itself
        }
    }

    private static bool HasNul(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values) =>
        values.Any(pair => pair.Key.Contains('\0', StringComparison.Ordinal) || pair.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true));

    /// <summary>The same rule for JSON bodies: a string holding U+0000 makes the body unreadable (400).</summary>
    public sealed class JsonConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return text?.Contains('\0', StringComparison.Ordinal) == true ? throw new JsonException(Message) : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
