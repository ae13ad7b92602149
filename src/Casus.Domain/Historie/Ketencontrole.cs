using System.Text.Json.Nodes;

namespace Casus.Domain.Historie;

/// <summary>One event as read back from the store, raw: nothing is deserialised, so even data no longer readable as its
/// event type can be checked. <see cref="Headers"/> include the stored <see cref="Ketenhash.Header"/>.</summary>
public sealed record OpgeslagenGebeurtenis(
    string StroomId, long Versie, string Type, DateTimeOffset Tijdstip, string? Gebruiker, string? CorrelatieId, string? CausatieId,
    IReadOnlyDictionary<string, JsonNode?> Headers, string Gegevens)
{
    public string? Hash => Headers.TryGetValue(Ketenhash.Header, out var h) && h is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}

/// <summary>The outcome of checking one stream's chain: <c>ok</c>, or <c>gebroken</c> with the first version that does
/// not hold and why. <see cref="Versies"/> is the number of events read.</summary>
public sealed record Ketenuitslag(string Status, long Versies, long? EersteGebrokenVersie, string? Reden, string? LaatsteHash)
{
    public const string Ok = "ok";
    public const string Gebroken = "gebroken";
    public bool IsOk => Status == Ok;
}

/// <summary>Re-computes a stream's hash chain from what is stored (pure: the caller reads the rows).</summary>
public static class Ketencontrole
{
    /// <param name="gebeurtenissen">The stream's events in version order.</param>
    /// <param name="stroomVersie">The version the store records for the stream (catches events removed at the end).</param>
    public static Ketenuitslag Controleer(IReadOnlyList<OpgeslagenGebeurtenis> gebeurtenissen, long stroomVersie)
    {
        var vorige = Ketenhash.Genesis;
        long verwacht = 1;
        foreach (var e in gebeurtenissen)
        {
            if (e.Versie != verwacht)
                return Breuk(gebeurtenissen.Count, verwacht, $"versie {verwacht} ontbreekt (de volgende opgeslagen versie is {e.Versie})");
            if (e.Hash is not { } opgeslagen)
                return Breuk(gebeurtenissen.Count, verwacht, "de gebeurtenis heeft geen hash");
            string berekend;
            try
            {
                berekend = Ketenhash.Bereken(new Ketenschakel(e.StroomId, e.Versie, e.Type, e.Tijdstip, e.Gebruiker, e.CorrelatieId,
                    e.CausatieId, e.Headers, e.Gegevens, vorige));
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or InvalidOperationException)
            {
                return Breuk(gebeurtenissen.Count, verwacht, $"de opgeslagen gegevens zijn onleesbaar ({ex.GetType().Name})");
            }
            if (!string.Equals(berekend, opgeslagen, StringComparison.Ordinal))
                return Breuk(gebeurtenissen.Count, verwacht,
                    "de hash klopt niet: inhoud, metadata of de vorige gebeurtenis is na het vastleggen gewijzigd");
            vorige = opgeslagen;
            verwacht++;
        }
        if (stroomVersie > gebeurtenissen.Count)
            return Breuk(gebeurtenissen.Count, verwacht, $"de stroom staat op versie {stroomVersie}, maar er zijn {gebeurtenissen.Count} gebeurtenissen");
        return new Ketenuitslag(Ketenuitslag.Ok, gebeurtenissen.Count, null, null, gebeurtenissen.Count == 0 ? null : vorige);
    }

    private static Ketenuitslag Breuk(int aantal, long versie, string reden) => new(Ketenuitslag.Gebroken, aantal, versie, reden, null);
}
