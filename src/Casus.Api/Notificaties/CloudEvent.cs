using System.Text.Json;
using System.Text.Json.Serialization;
using Casus.Api.Http;
using Casus.Domain.Gedeeld;
using Casus.Domain.Notificaties;

namespace Casus.Api.Notificaties;

/// <summary>What the data of a message says: identifiers, kind, version and whom it concerns; never personal data or free text.</summary>
public sealed record Feitgegevens(Guid CasusId, long Versie, string Soort, string OrganisatieId, string Regio, int? Nummer, string? Sleutel);

/// <summary>A CloudEvents 1.0 message in structured JSON mode, following the NL GOV CloudEvents profile: <c>source</c> a URN
/// of this system, <c>type</c> in reverse-DNS form, <c>subject</c> the casus id, <c>dataref</c> the API URL to fetch the
/// casus with the receiver's own token, and the W3C <c>traceparent</c> of the request that caused it.</summary>
public sealed record CloudEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("datacontenttype")] string DataContentType,
    [property: JsonPropertyName("dataref")] string DataRef,
    [property: JsonPropertyName("traceparent")] string TraceParent,
    [property: JsonPropertyName("data")] Feitgegevens Data)
{
    public const string MediaType = "application/cloudevents+json";
    public const string TypePrefix = "nl.riec.casus.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string TypeVan(Feitsoort soort) => TypePrefix + Names.Of(soort);

    public static CloudEvent Van(Feit feit, RiecRegio regio, Guid id, DateTimeOffset tijd, string bron, string basisUrl, string traceParent) =>
        new("1.0", TypeVan(feit.Soort), bron, feit.CasusId.ToString(), id.ToString(), tijd, "application/json",
            $"{basisUrl.TrimEnd('/')}/api/v1/casussen/{feit.CasusId}", traceParent,
            new Feitgegevens(feit.CasusId, feit.Versie, Names.Of(feit.Soort), feit.OrganisatieId, Names.Of(regio), feit.Nummer, feit.Sleutel));

    public string AlsJson() => JsonSerializer.Serialize(this, Json);
}
