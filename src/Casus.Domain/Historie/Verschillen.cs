using System.Globalization;
using System.Text.Json.Nodes;

namespace Casus.Domain.Historie;

/// <summary>One event between two versions, as an auditor reads it: when, who, what, and the fields it set.</summary>
public sealed record Wijziging(
    long Versie, string Type, DateTimeOffset Tijdstip, string? Gebruiker, string? Organisatie, string? OrganisatieNaam, JsonObject Velden,
    string Regel);

/// <summary>One top-level field of the casus whose value differs between the two versions.</summary>
public sealed record Veldverschil(string Veld, JsonNode? Van, JsonNode? Tot);

/// <summary>Pure helpers for "what changed between version a and b": a readable line per event, and the fields of the
/// state that differ.</summary>
public static class Verschillen
{
    private const int MaxWaarde = 120;

    /// <summary>An event as a change; its line names the organisation by name where the event recorded one.</summary>
    public static Wijziging Wijziging(long versie, string type, DateTimeOffset tijdstip, string? gebruiker, string? organisatie,
        string? organisatieNaam, JsonObject velden) =>
        new(versie, type, tijdstip, gebruiker, organisatie, organisatieNaam, velden,
            Regel(versie, type, tijdstip, gebruiker, organisatieNaam ?? organisatie, velden));

    /// <summary>"v5 2026-11-23 10:00:00 UTC m.belasting (Belastingdienst): InformatieGedeeld — categorie: fiscaal, …".</summary>
    public static string Regel(long versie, string type, DateTimeOffset tijdstip, string? gebruiker, string? organisatie, JsonObject velden)
    {
        var wie = (gebruiker, organisatie) switch
        {
            (null, null) => "onbekend",
            (null, { } o) => $"({o})",
            ({ } g, null) => g,
            ({ } g, { } o) => $"{g} ({o})",
        };
        var wat = string.Join(", ", velden.Select(p => $"{p.Key}: {Kort(p.Value)}"));
        return $"v{versie} {tijdstip.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC {wie}: {type}" +
               (wat.Length == 0 ? "" : $" — {wat}");
    }

    /// <summary>The top-level fields of <paramref name="van"/> and <paramref name="tot"/> whose (canonical) values differ,
    /// in the order of <paramref name="tot"/> and then the fields only <paramref name="van"/> has.</summary>
    public static IReadOnlyList<Veldverschil> Velden(JsonObject? van, JsonObject tot)
    {
        var verschillen = new List<Veldverschil>();
        foreach (var (veld, nieuw) in tot)
        {
            JsonNode? oud = null;
            if (van?.TryGetPropertyValue(veld, out oud) == true && CanoniekeJson.Van(oud) == CanoniekeJson.Van(nieuw)) continue;
            verschillen.Add(new Veldverschil(veld, oud?.DeepClone(), nieuw?.DeepClone()));
        }
        if (van is not null)
            foreach (var (veld, oud) in van)
                if (!tot.ContainsKey(veld)) verschillen.Add(new Veldverschil(veld, oud?.DeepClone(), null));
        return verschillen;
    }

    private static string Kort(JsonNode? waarde)
    {
        var tekst = waarde switch
        {
            null => "null",
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
            _ => CanoniekeJson.Van(waarde),
        };
        return tekst.Length <= MaxWaarde ? tekst : string.Concat(tekst.AsSpan(0, MaxWaarde - 1), "…");
    }
}
