using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Casus.Domain.Historie;

/// <summary>Everything of one stored event that the hash chain covers: where it is (stream, version), what it is (type
/// name as stored, data), when, who and why (user, trace and span id, the other headers), and the previous event's hash.</summary>
/// <param name="Gegevens">The event data as JSON text (any key order or whitespace: it is canonicalised).</param>
/// <param name="Headers">The event's headers except <see cref="Ketenhash.Header"/>, as JSON values.</param>
public sealed record Ketenschakel(
    string StroomId, long Versie, string Type, DateTimeOffset Tijdstip, string? Gebruiker, string? CorrelatieId, string? CausatieId,
    IReadOnlyDictionary<string, JsonNode?> Headers, string Gegevens, string VorigeHash);

/// <summary>The tamper evidence of the event store: every event carries, in its header <see cref="Header"/>, the SHA-256
/// (lower-case hex) of the canonical JSON of its <see cref="Ketenschakel"/>, which includes the previous event's hash
/// (<see cref="Genesis"/> for version 1). Changing, removing or reordering any stored event breaks the chain from there on.</summary>
public static class Ketenhash
{
    public const string Header = "hash";

    /// <summary>The "previous hash" of the first event of a stream: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Bereken(Ketenschakel s) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canoniek(s))));

    /// <summary>The exact text that is hashed (documented in docs/history.md).</summary>
    public static string Canoniek(Ketenschakel s)
    {
        var headers = new JsonObject();
        foreach (var (key, value) in s.Headers)
            if (key != Header) headers[key] = value?.DeepClone();
        var schakel = new JsonObject
        {
            ["stroom"] = s.StroomId.ToLowerInvariant(),
            ["versie"] = s.Versie,
            ["type"] = s.Type,
            ["tijdstip"] = Tijdstip(s.Tijdstip),
            ["gebruiker"] = s.Gebruiker,
            ["correlatieId"] = s.CorrelatieId,
            ["causatieId"] = s.CausatieId,
            ["headers"] = headers,
            ["gegevens"] = JsonNode.Parse(s.Gegevens),
            ["vorige"] = s.VorigeHash,
        };
        return CanoniekeJson.Van(schakel);
    }

    /// <summary>PostgreSQL keeps microseconds: the writer stores a time truncated to them (<see cref="OpMicroseconde"/>),
    /// and both sides hash it in UTC as yyyy-MM-ddTHH:mm:ss.ffffffZ.</summary>
    public static string Tijdstip(DateTimeOffset t) =>
        OpMicroseconde(t).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset OpMicroseconde(DateTimeOffset t) =>
        new DateTimeOffset(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);
}
