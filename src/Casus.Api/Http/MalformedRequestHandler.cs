using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace Casus.Api.Http;

/// <summary>Turns a request body that cannot be read (malformed JSON, a wrong type, an unknown enum value, no body)
/// into a 400 problem+json naming the field; a body of another media type into 415, one too large into 413. Needs <c>RouteHandlerOptions.ThrowOnBadRequest</c>.</summary>
public sealed partial class MalformedRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            await Problems.Write(http, Problems.UnsupportedMediaType(http.Request.ContentType));
            return true;
        }
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await Problems.Write(http, Problems.TooLarge(BodyLimiet.Maximum(http)));
            return true;
        }
        InvalidParam invalid;
        if (bad.InnerException is JsonException json)
        {
            var field = FieldName(json.Path);
            var requestType = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            invalid = new InvalidParam(field, "invalid", Reason(field == "body" ? null : TypeAt(requestType, field)));
        }
        else
            invalid = new InvalidParam("body", "required", "De body ontbreekt of is geen JSON (Content-Type: application/json).");
        await Problems.Write(http, Problems.MalformedJson([invalid]));
        return true;
    }

    private static string FieldName(string? path) => path is null or "$" ? "body" : path.StartsWith("$.") ? path[2..] : path;

    private static string Reason(Type? type) => type switch
    {
        { IsEnum: true } => $"Onbekende waarde; kies uit: {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName))}.",
        _ when type == typeof(DateOnly) => "Verwacht een datum (jjjj-mm-dd).",
        _ when type == typeof(int) || type == typeof(long) => "Verwacht een geheel getal.",
        _ when type == typeof(decimal) => "Verwacht een getal.",
        _ when type == typeof(bool) => "Verwacht true of false.",
        _ when type == typeof(string) => "Verwacht tekst.",
        null => "Geen geldige JSON op deze plaats.",
        _ when type.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "Verwacht een lijst.",
        _ => "Verwacht een object.",
    };

    /// <summary>The .NET type of the property at a JSON path like <c>themas[0].soort</c> below <paramref name="root"/>.</summary>
    private static Type? TypeAt(Type? root, string path)
    {
        var type = root;
        foreach (Match segment in PathSegment().Matches(path))
        {
            var property = type?.GetProperty(segment.Groups["name"].Value,
                BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type is not null && segment.Groups["index"].Success)
                type = ElementType(type);
        }
        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    private static Type? ElementType(Type list) =>
        list.GetInterfaces().Append(list)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<index>\[\d+\])?", RegexOptions.CultureInvariant)]
    private static partial Regex PathSegment();
}
