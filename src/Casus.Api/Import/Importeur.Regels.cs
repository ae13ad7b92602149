using System.Text.Json;
using System.Text.Json.Nodes;
using Casus.Api.Casussen;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Casus.Projections;
using Casus.Projections.Historie;
using JasperFx.Events;

namespace Casus.Api.Import;

/// <summary>The import's reading of a line and its report entries, and the metadata it stamps on imported events.</summary>
public sealed partial class Importeur
{
    /// <summary>A line read: its kind, region and reference, or why it cannot be read at all.</summary>
    private sealed record Gelezen(Importinvoer Invoer, JsonObject? Json, string? Soort, RiecRegio? Regio, string? Referentie, Regelverslag? Fout);

    /// <summary>A casus or beeld in the store with a reference the block names.</summary>
    private sealed record Bestaand(RiecRegio Regio, string? Referentie, Guid Id);

    private static Dictionary<(RiecRegio, string), Guid> Sleutels(IEnumerable<Bestaand> gevonden)
    {
        var resultaat = new Dictionary<(RiecRegio, string), Guid>();
        foreach (var b in gevonden)
            if (b.Referentie is not null) resultaat.TryAdd((b.Regio, b.Referentie), b.Id);
        return resultaat;
    }

    /// <summary>Reads a line's JSON and its kind, region and reference.</summary>
    private static Gelezen Lees(Importinvoer invoer)
    {
        JsonObject json;
        try
        {
            json = JsonNode.Parse(invoer.Tekst) as JsonObject ?? throw new JsonException("Geen object.");
        }
        catch (JsonException e)
        {
            return new Gelezen(invoer, null, null, null, null, Geweigerd(invoer.Regel, null, null, null, "ongeldige-json",
                $"De regel is geen JSON-object: {e.Message}", null, [new InvalidParam("regel", "invalid", "Geen geldig JSON-object.")]));
        }
        var fouten = new List<InvalidParam>();
        var soort = Tekst(json, "soort");
        if (soort is not (Soorten.Casus or Soorten.Ondermijningsbeeld))
            fouten.Add(new InvalidParam("soort", soort is null ? "required" : "invalid", $"Kies uit: {Soorten.Casus}, {Soorten.Ondermijningsbeeld}."));
        var regioNaam = Tekst(json, "regio");
        var regio = Names.Parse<RiecRegio>(regioNaam);
        if (regio is null)
            fouten.Add(new InvalidParam("regio", regioNaam is null ? "required" : "invalid", $"Kies uit: {string.Join(", ", Names.All<RiecRegio>())}."));
        // As the API checks a text (required, at most 100 characters, nothing PostgreSQL cannot store): it is looked up and stored.
        var v = new InputValidator(default);
        var referentie = v.Text(Tekst(json, "referentie"), "referentie", 100);
        fouten.AddRange(v.Errors);
        return fouten.Count > 0
            ? new Gelezen(invoer, json, soort, regio, referentie, Geweigerd(invoer.Regel, soort, regioNaam, referentie, "ongeldige-invoer",
                "Een of meer velden zijn ongeldig; zie invalidParams.", null, fouten))
            : new Gelezen(invoer, json, soort, regio, referentie, null);
    }

    private static string? Tekst(JsonObject json, string naam) =>
        json[naam] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A reference that can be looked up: a text the API would take as one (else the line is refused anyway).</summary>
    private static bool IsReferentie(string? tekst)
    {
        var v = new InputValidator(default);
        v.Text(tekst, "referentie", 100);
        return v.IsValid;
    }

    /// <summary>The metadata of an imported event: as the API stamps it (<see cref="CasusCommandHandler.Metadata(Actor, string, string?, Stap, ICasusCommando)"/>),
    /// for the organisation that did the step in the former registration (the submitter for the signaal, the partner for a
    /// contribution or an intervention, otherwise the importer's organisation), by the user who runs the import, plus the
    /// batch, the source system and who ran it.</summary>
    private static Gebeurtenismetadata Metadata(Importopdracht opdracht, IntegraleCasus? casus, ICasusCommando commando, SignaalIndienen signaal, Stap stap)
    {
        Organisatie? Partner(string id) => casus?.Partners.FirstOrDefault(p => p.Organisatie.Id == id)?.Organisatie;
        var organisatie = commando switch
        {
            SignaalIndienen => signaal.Indiener,
            InformatieDelen c => Partner(c.DoorPartnerId),
            InterventieRegistreren c => Partner(c.PartnerId),
            _ => null,
        } ?? opdracht.Door.Organisatie;
        var namens = opdracht.Door with { Organisatie = organisatie };
        var metadata = CasusCommandHandler.Metadata(namens, opdracht.TraceId, opdracht.SpanId, stap, commando);
        var headers = metadata.Headers.ToDictionary();
        foreach (var (k, w) in Importheaders(opdracht)) headers[k] = w;
        return metadata with { Headers = headers };
    }

    /// <summary>The session carries one user and trace per SaveChanges, and a block holds many lines: so each event carries
    /// the ones it was hashed with (as the benchmark's seeder does).</summary>
    private static object[] Stempel(object[] gestempeld, Gebeurtenismetadata metadata)
    {
        foreach (var e in gestempeld.Cast<IEvent>())
        {
            e.UserName = metadata.Gebruiker;
            e.CorrelationId = metadata.CorrelatieId;
            e.CausationId = metadata.CausatieId;
        }
        return gestempeld;
    }

    private static Dictionary<string, string> Importheaders(Importopdracht opdracht) => new()
    {
        [EventHeaders.ImportBatch] = opdracht.BatchId.ToString(),
        [EventHeaders.ImportBronsysteem] = opdracht.Bronsysteem,
        [EventHeaders.ImportDoor] = opdracht.Door.GebruikerId,
    };

    private static AuditRecord Auditrecord(Importopdracht opdracht, DateTimeOffset tijdstip, string actie, Guid? id, RiecRegio regio, Gelezen regel) =>
        new(tijdstip, opdracht.TraceId, opdracht.SpanId, opdracht.Door.GebruikerId, opdracht.Door.Organisatie.Id, opdracht.Door.Organisatie.Naam,
            opdracht.Door.Rollen.Select(Names.Of).Order().ToList(), actie, id, Names.Of(regio), StatusCodes.Status201Created,
            $"importbatch {opdracht.BatchId}, regel {regel.Invoer.Regel}, referentie '{regel.Referentie}', uit {opdracht.Bronsysteem}", opdracht.Herkomst);

    private static string Pad(string voor, string? jsonPad)
    {
        var rest = jsonPad is null or "$" ? "" : jsonPad.StartsWith("$.", StringComparison.Ordinal) ? jsonPad[2..] : jsonPad.TrimStart('$');
        return voor.Length == 0 ? (rest.Length == 0 ? "regel" : rest) : rest.Length == 0 ? voor : $"{voor}.{rest}";
    }

    private static Regelverslag Geweigerd(Gelezen regel, string code, string melding, int? stap, IReadOnlyList<InvalidParam>? fouten) =>
        Geweigerd(regel.Invoer.Regel, regel.Soort, regel.Regio is { } r ? Names.Of(r) : null, regel.Referentie, code, melding, stap, fouten);

    private static Regelverslag Geweigerd(int nummer, string? soort, string? regio, string? referentie, string code, string melding, int? stap,
        IReadOnlyList<InvalidParam>? fouten) =>
        new(nummer, Regelverslag.Geweigerd, soort, regio, referentie, null, 0, code, melding, stap, fouten is { Count: > 0 } ? fouten : null);

    private static Regelverslag Dubbel(Gelezen regel) =>
        Geweigerd(regel, Importcodes.DubbeleReferentie, $"Een eerdere regel van dit bestand heeft al referentie '{regel.Referentie}' in deze regio.", null, null);

    private static Regelverslag Overgeslagen(Gelezen regel, Guid bestaand, string wat) =>
        new(regel.Invoer.Regel, Regelverslag.Overgeslagen, regel.Soort, Names.Of(regel.Regio!.Value), regel.Referentie, bestaand, 0,
            Importcodes.AlGeimporteerd, $"De regio heeft al een {wat} met referentie '{regel.Referentie}' ({bestaand}); de regel is overgeslagen.", null, null);
}
