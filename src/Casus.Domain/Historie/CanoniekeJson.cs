using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Casus.Domain.Historie;

/// <summary>One fixed text form of a JSON value, so the same content always hashes the same, however it was stored:
/// object keys sorted (ordinal), no whitespace, one escaping of strings, numbers in their shortest decimal form.
/// PostgreSQL's jsonb reorders keys, drops whitespace and may rewrite escapes and exponents; this form undoes all of it.</summary>
public static class CanoniekeJson
{
    private static readonly JsonWriterOptions Opties = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>The canonical text of <paramref name="json"/> (any valid JSON text).</summary>
    public static string Van(string json) => Van(JsonNode.Parse(json));

    public static string Van(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Opties)) Schrijf(writer, node);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Schrijf(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject o:
                writer.WriteStartObject();
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Schrijf(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray a:
                writer.WriteStartArray();
                foreach (var item in a) Schrijf(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValue v:
                SchrijfWaarde(writer, v);
                break;
        }
    }

    private static void SchrijfWaarde(Utf8JsonWriter writer, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                writer.WriteStringValue(value.GetValue<string>());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(Getal(value.ToJsonString()), skipInputValidation: true);
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>A number as the shortest decimal without exponent or trailing zeros (1.50 and 1.5E0 are both 1.5).</summary>
    public static string Getal(string raw)
    {
        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return d.ToString("0.############################", CultureInfo.InvariantCulture);
        return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
    }
}
