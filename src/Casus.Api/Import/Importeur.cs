using System.Text.Json;
using System.Text.Json.Nodes;
using Casus.Api.Casussen;
using Casus.Api.Casussen.Requests;
using Casus.Api.Http;
using Casus.Api.Ondermijningsbeelden;
using Casus.Api.Verantwoording;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Historie;
using Casus.Domain.Ondermijningsbeelden;
using Casus.Domain.Termijnen;
using Casus.Domain.Toegang;
using Casus.Domain.Verwerkingen;
using Casus.Projections;
using Casus.Projections.Historie;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Casus.Api.Import;

/// <summary>Brings existing casussen and ondermijningsbeelden in from a region's former registration (docs/import.md): a JSON
/// Lines file, one casus (or beeld) a line, each step of a casus an API request body with its date. Every line is decided
/// exactly as the API decides it: the same request types and validation (<see cref="InputValidator"/>), the same transition
/// table and rules (<see cref="Beslisser"/>), the same event writer (<see cref="Ketenschrijver"/>: hash-chained, the API's
/// metadata); only the per-command access check is replaced by the importer's role (beheerder). A line is imported whole or
/// not at all. Every event also carries the batch, the source system and who ran it. A line whose region already has its
/// reference is skipped, so a re-run imports nothing twice. A dry run decides every line and writes nothing but the batch's
/// audit record. Real runs take a database lock: one import at a time.</summary>
public sealed partial class Importeur(
    IDocumentStore store, NpgsqlDataSource database, DutchCalendar calendar, TimeProvider clock, Termijnbeleid termijnen,
    Pseudonimisering pseudoniemen, AuditLog audit, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions)
{
    /// <summary>Lines decided and committed together (one transaction, one round trip for the reference look-ups).</summary>
    public const int RegelsPerTransactie = 500;

    /// <summary>The advisory lock that keeps real runs one at a time.</summary>
    private const long Slotsleutel = 0x43617375_496d7074; // "CasuImpt"

    private JsonSerializerOptions Json => jsonOptions.Value.SerializerOptions;

    /// <summary>The commands a step may be, by the API's path segment (<see cref="CommandRoutes.Segments"/>), each read as its
    /// request type and turned into its command with the API's validation.</summary>
    private static readonly IReadOnlyDictionary<string, (CommandoSoort Soort, Func<JsonObject, JsonSerializerOptions, InputValidator, ICasusCommando> Lees)> Stapsoorten =
        new Dictionary<string, (CommandoSoort, Func<JsonObject, JsonSerializerOptions, InputValidator, ICasusCommando>)>
        {
            [CommandRoutes.Segments[CommandoSoort.VerkenningStarten]] = (CommandoSoort.VerkenningStarten, Lees<VerkenningStartenRequest>),
            [CommandRoutes.Segments[CommandoSoort.VerkenningBesluiten]] = (CommandoSoort.VerkenningBesluiten, Lees<VerkenningsbesluitRequest>),
            [CommandRoutes.Segments[CommandoSoort.PartnerAansluiten]] = (CommandoSoort.PartnerAansluiten, Lees<PartnerRequest>),
            [CommandRoutes.Segments[CommandoSoort.SubjectToevoegen]] = (CommandoSoort.SubjectToevoegen, Lees<SubjectRequest>),
            [CommandRoutes.Segments[CommandoSoort.InformatieVerzoeken]] = (CommandoSoort.InformatieVerzoeken, Lees<InformatieverzoekRequest>),
            [CommandRoutes.Segments[CommandoSoort.InformatieDelen]] = (CommandoSoort.InformatieDelen, Lees<InformatiebijdrageRequest>),
            [CommandRoutes.Segments[CommandoSoort.AnalyseVastleggen]] = (CommandoSoort.AnalyseVastleggen, Lees<AnalyseRequest>),
            [CommandRoutes.Segments[CommandoSoort.InterventieadviesUitbrengen]] = (CommandoSoort.InterventieadviesUitbrengen, Lees<InterventieadviesRequest>),
            [CommandRoutes.Segments[CommandoSoort.InterventieRegistreren]] = (CommandoSoort.InterventieRegistreren, Lees<InterventieRequest>),
            [CommandRoutes.Segments[CommandoSoort.UitvoeringAfronden]] = (CommandoSoort.UitvoeringAfronden, Lees<UitvoeringsafrondingRequest>),
            [CommandRoutes.Segments[CommandoSoort.EvaluatieVastleggen]] = (CommandoSoort.EvaluatieVastleggen, Lees<EvaluatieRequest>),
            [CommandRoutes.Segments[CommandoSoort.Terugstappen]] = (CommandoSoort.Terugstappen, Lees<TerugstapRequest>),
            [CommandRoutes.Segments[CommandoSoort.Afsluiten]] = (CommandoSoort.Afsluiten, Lees<AfsluitingRequest>),
        };

    private static ICasusCommando Lees<TRequest>(JsonObject json, JsonSerializerOptions opties, InputValidator v) where TRequest : ICommandRequest<TRequest> =>
        (json.Deserialize<TRequest>(opties) ?? throw new JsonException("null")).ToCommand(v);

    /// <summary>Runs an import over <paramref name="invoer"/> and reports every line; writes the batch's audit record.</summary>
    /// <exception cref="ImportLooptAlException">A real run while another real run holds the lock.</exception>
    public async Task<Importverslag> VoerUitAsync(IAsyncEnumerable<Importinvoer> invoer, Importopdracht opdracht, CancellationToken ct)
    {
        await using var slot = opdracht.Proefdraai ? null : await NeemSlotAsync(ct);
        var run = new Run(opdracht, calendar.Today);
        var blok = new List<Importinvoer>(RegelsPerTransactie);
        await foreach (var regel in invoer.WithCancellation(ct))
        {
            if (string.IsNullOrWhiteSpace(regel.Tekst)) continue;
            blok.Add(regel);
            if (blok.Count < RegelsPerTransactie) continue;
            await VerwerkAsync(run, blok, ct);
            blok.Clear();
        }
        if (blok.Count > 0) await VerwerkAsync(run, blok, ct);

        var verslag = run.Verslag();
        await audit.SchrijfAsync(new AuditRecord(clock.GetUtcNow(), opdracht.TraceId, opdracht.SpanId, opdracht.Door.GebruikerId,
            opdracht.Door.Organisatie.Id, opdracht.Door.Organisatie.Naam, opdracht.Door.Rollen.Select(Names.Of).Order().ToList(), "importbatch",
            null, null, StatusCodes.Status200OK,
            $"importbatch {opdracht.BatchId} uit {opdracht.Bronsysteem}{(opdracht.Proefdraai ? " (proefdraai)" : "")}: {verslag.Regels} regels, " +
            $"{verslag.Ok} ok, {verslag.Geweigerd} geweigerd, {verslag.Overgeslagen} overgeslagen, {verslag.Gebeurtenissen} gebeurtenissen",
            opdracht.Herkomst), CancellationToken.None);
        return verslag;
    }

    /// <summary>Everything one run keeps across its blocks: the lines' outcomes, the references seen in the file, and the
    /// beelden known by reference (in the store, or made by an earlier line of this run).</summary>
    private sealed class Run(Importopdracht opdracht, DateOnly vandaag)
    {
        public Importopdracht Opdracht { get; } = opdracht;
        public DateOnly Vandaag { get; } = vandaag;
        public List<Regelverslag> Verslagen { get; } = [];
        public HashSet<(RiecRegio, string)> Casusreferenties { get; } = [];
        public HashSet<(RiecRegio, string)> Beeldreferenties { get; } = [];
        public Dictionary<(RiecRegio, string), Guid> Beelden { get; } = [];

        public Importverslag Verslag() => new(Opdracht.BatchId, Opdracht.Proefdraai, Opdracht.Bronsysteem, Opdracht.Door.GebruikerId,
            Verslagen.Count, Verslagen.Count(v => v.Status == Regelverslag.Ok), Verslagen.Count(v => v.Status == Regelverslag.Geweigerd),
            Verslagen.Count(v => v.Status == Regelverslag.Overgeslagen),
            Verslagen.Count(v => v is { Status: Regelverslag.Ok, Soort: Soorten.Casus }),
            Verslagen.Count(v => v is { Status: Regelverslag.Ok, Soort: Soorten.Ondermijningsbeeld }),
            Verslagen.Where(v => v.Status == Regelverslag.Ok).Sum(v => (long)v.Gebeurtenissen), Verslagen.ToList());
    }

    private static class Soorten
    {
        public const string Casus = "casus";
        public const string Ondermijningsbeeld = "ondermijningsbeeld";
    }

    private async Task VerwerkAsync(Run run, IReadOnlyList<Importinvoer> blok, CancellationToken ct)
    {
        var gelezen = blok.Select(Lees).ToList();
        await using var zoeken = store.QuerySession();
        var casusreferenties = gelezen.Where(g => g is { Fout: null, Soort: Soorten.Casus }).Select(g => g.Referentie!).Distinct().ToArray();
        var bestaandeCasussen = Sleutels(casusreferenties.Length == 0 ? [] : await zoeken.Query<IntegraleCasus>()
            .Where(c => c.Referentie!.IsOneOf(casusreferenties)).Select(c => new Bestaand(c.Regio, c.Referentie, c.Id)).ToListAsync(ct));
        var beeldreferenties = gelezen.Where(g => g.Fout is null).SelectMany(g => g.Soort == Soorten.Ondermijningsbeeld
            ? [g.Referentie!]
            : g.Json!["signaal"]?["ondermijningsbeeld"] is JsonValue v && v.TryGetValue<string>(out var r) && IsReferentie(r) ? [r.Trim()] : Array.Empty<string>())
            .Distinct().ToArray();
        foreach (var (sleutel, id) in Sleutels(beeldreferenties.Length == 0 ? [] : await zoeken.Query<Ondermijningsbeeld>()
                     .Where(b => b.Referentie!.IsOneOf(beeldreferenties)).Select(b => new Bestaand(b.Regio, b.Referentie, b.Id)).ToListAsync(ct)))
            run.Beelden.TryAdd(sleutel, id);

        await using var session = run.Opdracht.Proefdraai ? null : store.LightweightSession();
        var tijdstip = clock.GetUtcNow();
        foreach (var regel in gelezen)
        {
            if (regel.Fout is { } fout)
            {
                run.Verslagen.Add(fout);
                continue;
            }
            var sleutel = (regel.Regio!.Value, regel.Referentie!);
            if (regel.Soort == Soorten.Casus)
            {
                if (!run.Casusreferenties.Add(sleutel)) run.Verslagen.Add(Dubbel(regel));
                else if (bestaandeCasussen.TryGetValue(sleutel, out var bestaand)) run.Verslagen.Add(Overgeslagen(regel, bestaand, "casus"));
                else run.Verslagen.Add(await CasusAsync(run, regel, session, zoeken, tijdstip, ct));
            }
            else if (!run.Beeldreferenties.Add(sleutel)) run.Verslagen.Add(Dubbel(regel));
            else if (run.Beelden.TryGetValue(sleutel, out var bestaand)) run.Verslagen.Add(Overgeslagen(regel, bestaand, "ondermijningsbeeld"));
            else run.Verslagen.Add(Beeld(run, regel, session, tijdstip));
        }
        if (session is not null) await session.SaveChangesAsync(ct);
    }

    /// <summary>Decides one casus line: the signaal and every step, in order, as the API would; appends its events (real run).</summary>
    private async Task<Regelverslag> CasusAsync(Run run, Gelezen regel, IDocumentSession? session, IQuerySession zoeken, DateTimeOffset tijdstip,
        CancellationToken ct)
    {
        var regio = regel.Regio!.Value;
        var fouten = new List<InvalidParam>();
        var id = Guid.CreateVersion7();

        // The signaal: the region and reference of the line; an ondermijningsbeeld by the region's reference (or by id).
        SignaalIndienen? signaal = null;
        if (regel.Json!["signaal"] is not JsonObject signaalJson) fouten.Add(new InvalidParam("signaal", "required", "Het signaal is verplicht."));
        else
        {
            var kopie = (JsonObject)signaalJson.DeepClone();
            if (Tekst(kopie, "regio") is { } eigen && eigen != Names.Of(regio))
                fouten.Add(new InvalidParam("signaal.regio", "afwijkend", "Het signaal noemt een andere regio dan de regel; laat het weg."));
            kopie["regio"] = Names.Of(regio);
            kopie["referentie"] = regel.Referentie;
            if (kopie["ondermijningsbeeld"] is { } beeldNode)
            {
                kopie.Remove("ondermijningsbeeld");
                var beeldReferentie = beeldNode is JsonValue bv && bv.TryGetValue<string>(out var r) ? r.Trim() : null;
                if (beeldReferentie is not null && run.Beelden.TryGetValue((regio, beeldReferentie), out var beeldId)) kopie["ondermijningsbeeldId"] = beeldId;
                else fouten.Add(new InvalidParam("signaal.ondermijningsbeeld", "onbekend",
                    $"Regio {Names.Of(regio)} heeft geen ondermijningsbeeld met referentie '{beeldReferentie}' (registreer het eerder in het bestand of via de API)."));
            }
            var v = new InputValidator(run.Vandaag, termijnen);
            try
            {
                signaal = (kopie.Deserialize<SignaalIndienenRequest>(Json) ?? throw new JsonException("null")).ToCommand(v, id);
            }
            catch (JsonException e)
            {
                fouten.Add(new InvalidParam(Pad("signaal", e.Path), "invalid", "Geen geldige waarde op deze plaats."));
            }
            fouten.AddRange(v.Errors.Select(f => f with { Name = $"signaal.{f.Name}" }));
            // A beeld named by id: one of this run (by now in run.Beelden) or one in the store, of the same region.
            if (signaal?.OndermijningsbeeldId is { } genoemd && !run.Beelden.Any(b => b.Key.Item1 == regio && b.Value == genoemd)
                && await Registratie.OnbekendBeeld(zoeken, signaal, ct) is { } onbekend)
                fouten.Add(onbekend with { Name = $"signaal.{onbekend.Name}" });
        }

        // The steps: each an API request body with its command and (for every step but a subject) its date.
        var commandos = new List<ICasusCommando>();
        if (regel.Json["stappen"] is { } stappenNode && stappenNode is not JsonArray)
            fouten.Add(new InvalidParam("stappen", "invalid", "Een lijst van stappen."));
        var stappen = regel.Json["stappen"] as JsonArray ?? [];
        for (var i = 0; i < stappen.Count; i++)
        {
            var pad = $"stappen[{i}]";
            if (stappen[i] is not JsonObject stap)
            {
                fouten.Add(new InvalidParam(pad, "invalid", "Een stap is een object met commando en gegevens."));
                continue;
            }
            var commando = Tekst(stap, "commando");
            if (commando is null || !Stapsoorten.TryGetValue(commando, out var soort))
            {
                fouten.Add(new InvalidParam($"{pad}.commando", commando is null ? "required" : "onbekend",
                    $"Kies uit: {string.Join(", ", Stapsoorten.Keys)}."));
                continue;
            }
            if (soort.Soort != CommandoSoort.SubjectToevoegen && stap["datum"] is null)
                fouten.Add(new InvalidParam($"{pad}.datum", "required", "Elke geïmporteerde stap heeft de datum waarop hij plaatsvond."));
            var body = (JsonObject)stap.DeepClone();
            body.Remove("commando");
            var v = new InputValidator(run.Vandaag, termijnen);
            try
            {
                commandos.Add(soort.Lees(body, Json, v));
            }
            catch (JsonException e)
            {
                fouten.Add(new InvalidParam(Pad(pad, e.Path), "invalid", "Geen geldige waarde op deze plaats."));
            }
            fouten.AddRange(v.Errors.Select(f => f with { Name = $"{pad}.{f.Name}" }));
        }
        if (fouten.Count > 0 || signaal is null)
            return Geweigerd(regel, "ongeldige-invoer", "Een of meer velden zijn ongeldig; zie invalidParams.", null, fouten);

        // Decide in order, on the state the events so far make, as the API does command by command.
        IntegraleCasus? casus = null;
        var gebeurtenissen = new List<object>();
        var vorige = Ketenhash.Genesis;
        for (var i = -1; i < commandos.Count; i++)
        {
            ICasusCommando commando = i < 0 ? signaal : commandos[i];
            var beslissing = Beslisser.Beslis(casus, commando);
            if (beslissing.Schending is { } schending)
                return Geweigerd(regel, schending.Code, schending.Melding, i < 0 ? null : i, null);
            var volgende = IntegraleCasus.Evolve(casus, beslissing.Gebeurtenissen, run.Vandaag);
            if (session is not null)
            {
                var metadata = Metadata(run.Opdracht, casus, commando, signaal, casus?.Stap ?? volgende.Stap);
                var gestempeld = Stempel(Ketenschrijver.Schakel(session, id, casus?.Versie ?? 0, vorige, beslissing.Gebeurtenissen, metadata, tijdstip), metadata);
                vorige = (string)((IEvent)gestempeld[^1]).GetHeader(Ketenhash.Header)!;
                gebeurtenissen.AddRange(gestempeld);
            }
            else gebeurtenissen.AddRange(beslissing.Gebeurtenissen);
            casus = volgende;
        }

        if (session is not null)
        {
            session.LastModifiedBy = null;
            session.CorrelationId = null;
            session.CausationId = null;
            session.Events.StartStream<IntegraleCasus>(id, gebeurtenissen.ToArray());
            var trace = new TraceContext(run.Opdracht.TraceId, run.Opdracht.SpanId);
            AuditLog.Voeg(session, Auditrecord(run.Opdracht, tijdstip, "casus-importeren", id, regio, regel));
            Verwerkingslog.Voeg(session, tijdstip, trace, Verwerkingsregister.Import, id, Names.Of(regio),
                casus!.Subjecten.Select(s => pseudoniemen.Van(s.Subject)).ToList());
        }
        return new Regelverslag(regel.Invoer.Regel, Regelverslag.Ok, Soorten.Casus, Names.Of(regio), regel.Referentie, session is null ? null : id, gebeurtenissen.Count,
            null, null, null, null);
    }

    /// <summary>Decides one ondermijningsbeeld line as <c>POST /regios/{regio}/ondermijningsbeelden</c> would.</summary>
    private Regelverslag Beeld(Run run, Gelezen regel, IDocumentSession? session, DateTimeOffset tijdstip)
    {
        var regio = regel.Regio!.Value;
        var json = (JsonObject)regel.Json!.DeepClone();
        foreach (var naam in new[] { "soort", "regio" }) json.Remove(naam);
        var v = new InputValidator(run.Vandaag, termijnen);
        var id = Guid.CreateVersion7();
        OndermijningsbeeldRegistreren? command = null;
        try
        {
            command = (json.Deserialize<OndermijningsbeeldRequest>(Json) ?? throw new JsonException("null")).ToCommand(v, id, regio);
        }
        catch (JsonException e)
        {
            return Geweigerd(regel, "ongeldige-invoer", "Een of meer velden zijn ongeldig; zie invalidParams.", null,
                [new InvalidParam(Pad("", e.Path), "invalid", "Geen geldige waarde op deze plaats.")]);
        }
        if (!v.IsValid) return Geweigerd(regel, "ongeldige-invoer", "Een of meer velden zijn ongeldig; zie invalidParams.", null, v.Errors.ToList());

        var gebeurtenis = Ondermijningsbeeld.Registreer(command);
        run.Beelden[(regio, regel.Referentie!)] = id;
        if (session is not null)
        {
            var door = run.Opdracht.Door;
            var metadata = OndermijningsbeeldEndpoints.Metadata(door.GebruikerId, door.Organisatie, run.Opdracht.TraceId, run.Opdracht.SpanId,
                Importheaders(run.Opdracht));
            session.Events.StartStream<Ondermijningsbeeld>(id, Stempel(Ketenschrijver.Schakel(session, id, 0, Ketenhash.Genesis, [gebeurtenis], metadata, tijdstip), metadata));
            session.LastModifiedBy = null;
            session.CorrelationId = null;
            session.CausationId = null;
            AuditLog.Voeg(session, Auditrecord(run.Opdracht, tijdstip, "ondermijningsbeeld-importeren", null, regio, regel));
        }
        return new Regelverslag(regel.Invoer.Regel, Regelverslag.Ok, Soorten.Ondermijningsbeeld, Names.Of(regio), regel.Referentie, session is null ? null : id, 1,
            null, null, null, null);
    }

    /// <summary>The lock of a real run, held on its own connection until the run ends.</summary>
    private async Task<IAsyncDisposable> NeemSlotAsync(CancellationToken ct)
    {
        var verbinding = await database.OpenConnectionAsync(ct);
        await using (var neem = new NpgsqlCommand("select pg_try_advisory_lock($1)", verbinding) { Parameters = { new() { Value = Slotsleutel } } })
            if (await neem.ExecuteScalarAsync(ct) is not true)
            {
                await verbinding.DisposeAsync();
                throw new ImportLooptAlException();
            }
        return new Slot(verbinding);
    }

    private sealed class Slot(NpgsqlConnection verbinding) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var los = new NpgsqlCommand("select pg_advisory_unlock($1)", verbinding) { Parameters = { new() { Value = Slotsleutel } } };
                await los.ExecuteScalarAsync();
            }
            finally
            {
                await verbinding.DisposeAsync();
            }
        }
    }
}
