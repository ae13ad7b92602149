using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Casus.Api.Beveiliging;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.Historie;
using Casus.Projections;
using Casus.Projections.Historie;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;

namespace Casus.Api.Historie;

/// <summary>Everything a dossier holds besides the stream's own kind of answer around it.</summary>
public sealed record Dossierdelen<T>(
    T Stand, DateTimeOffset GegenereerdOp, DossierMaker GegenereerdDoor, Ketenuitslag Keten, IReadOnlyList<DossierGebeurtenis> Gebeurtenissen,
    IReadOnlyList<AuditRecord> Auditrecords, IReadOnlyList<Verwerking> Verwerkingen);

/// <summary>The auditor's view of one stream's history, the same for a casus and a bestuurlijk signaal (a
/// <see cref="Historiebron{T}"/> says what differs): the state at a moment or version, the changes between two versions, the
/// full dossier, the verification of its hash chain, and its audit and processing logs. Every answer is recorded in the audit
/// log (by <see cref="VerantwoordingFilter"/>); those that show personal data also in the processing log.</summary>
public sealed class HistorieQueries(
    IDocumentSession session, Ketenlezer ketens, AuditLog audit, Verwerkingslog verwerkingen, TimeProvider clock,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private JsonSerializerOptions Json => json.Value.SerializerOptions;

    public async Task<IResult> Stand<T>(Historiebron<T> bron, Guid id, string? peildatum, string? versie, HttpContext http,
        CancellationToken ct, Func<Terugblik<T>, DateTimeOffset?, object> antwoord) where T : class
    {
        var v = new InputValidator(default);
        var moment = Tijdstip(v, peildatum, "peildatum");
        var nummer = Versie(v, versie, "versie", 1);
        if (v.IsValid && (moment is null) == (nummer is null))
        {
            v.Add("peildatum", "exactly-one", "Geef precies één van peildatum en versie.");
            v.Add("versie", "exactly-one", "Geef precies één van peildatum en versie.");
        }
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
        var (huidig, weigering) = await bron.VoorAuditor(id, http, ct);
        if (weigering is not null) return weigering;
        if (nummer > bron.Versie(huidig!)) return TeHoog(bron, huidig!, "versie", nummer.Value);

        var gelezen = await Lees(bron, id, () => nummer is { } n
            ? session.Events.FetchStreamAsync(id, version: n, token: ct)
            : session.Events.FetchStreamAsync(id, timestamp: moment!.Value, token: ct));
        if (gelezen.Fout is { } fout) return fout;
        if (bron.Speel(gelezen.Waarde!) is not { } stand)
        {
            bron.Raadpleegde(huidig!);
            return Problems.Result(Problems.NoStateYet(bron.Omschrijving(id), moment!.Value));
        }
        bron.Verwerkte(stand.Stand);
        return TypedResults.Ok(antwoord(stand, moment));
    }

    public async Task<IResult> Verschillen<T>(Historiebron<T> bron, Guid id, string? van, string? tot, bool alsTekst, HttpContext http,
        CancellationToken ct, Func<long, long, IReadOnlyList<Wijziging>, IReadOnlyList<Veldverschil>, object> antwoord) where T : class
    {
        var v = new InputValidator(default);
        var vanaf = Versie(v, van, "van", 0) ?? Verplicht(v, "van");
        var totaan = Versie(v, tot, "tot", 1) ?? Verplicht(v, "tot");
        if (v.IsValid && totaan <= vanaf) v.Add("tot", "invalid", "tot is groter dan van.");
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
        var (huidig, weigering) = await bron.VoorAuditor(id, http, ct);
        if (weigering is not null) return weigering;
        if (totaan > bron.Versie(huidig!)) return TeHoog(bron, huidig!, "tot", totaan);

        var gelezen = await Lees(bron, id, () => session.Events.FetchStreamAsync(id, version: totaan, token: ct));
        if (gelezen.Fout is { } fout) return fout;
        var events = gelezen.Waarde!;
        var voor = bron.Speel(events.Where(e => e.Version <= vanaf).ToList());
        var na = bron.Speel(events)!;
        var wijzigingen = events.Where(e => e.Version > vanaf)
            .Select(e => Domain.Historie.Verschillen.Wijziging(e.Version, e.EventType.Name, e.Timestamp, e.UserName, Header(e, EventHeaders.Organisatie),
                Header(e, EventHeaders.OrganisatieNaam), JsonSerializer.SerializeToNode(e.Data, e.Data.GetType(), Json) as JsonObject ?? []))
            .ToList();
        var velden = Domain.Historie.Verschillen.Velden(
            voor is null ? null : JsonSerializer.SerializeToNode(voor.Stand, Json) as JsonObject,
            (JsonObject)JsonSerializer.SerializeToNode(na.Stand, Json)!);
        bron.Verwerkte(na.Stand);
        if (alsTekst) return TypedResults.Text(string.Join('\n', wijzigingen.Select(w => w.Regel)) + "\n", "text/plain; charset=utf-8");
        return TypedResults.Ok(antwoord(vanaf, totaan, wijzigingen, velden));
    }

    public async Task<IResult> Keten<T>(Historiebron<T> bron, Guid id, HttpContext http, CancellationToken ct,
        Func<Ketenuitslag, DateTimeOffset, object> antwoord) where T : class
    {
        var (huidig, weigering) = await bron.VoorAuditor(id, http, ct);
        if (weigering is not null) return weigering;
        bron.Raadpleegde(huidig!);
        return TypedResults.Ok(antwoord(await ketens.Controleer(id, ct), clock.GetUtcNow()));
    }

    public async Task<IResult> Dossier<T>(Historiebron<T> bron, Guid id, string bestandsnaam, HttpContext http, CancellationToken ct,
        Func<Dossierdelen<T>, object> antwoord) where T : class
    {
        var (huidig, weigering) = await bron.VoorAuditor(id, http, ct);
        if (weigering is not null) return weigering;
        var keten = await ketens.Controleer(id, ct);
        var gelezen = await Lees(bron, id, () => session.Events.FetchStreamAsync(id, token: ct));
        if (gelezen.Fout is { } fout) return fout;
        var (_, auditrecords) = await audit.ZoekAsync(id, null, null, null, null, null, 0, int.MaxValue, ct);
        var (_, verwerkt) = await verwerkingen.ZoekAsync(null, id, null, 0, int.MaxValue, ct);
        var actor = http.Actor();
        var nu = clock.GetUtcNow();
        bron.Verwerkte(huidig!);
        http.Response.Headers.ContentDisposition =
            $"attachment; filename=\"{bestandsnaam}-{id}-dossier-{nu.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.json\"";
        return TypedResults.Ok(antwoord(new Dossierdelen<T>(huidig!, nu,
            new DossierMaker(actor.GebruikerId, actor.Organisatie.Id, actor.Organisatie.Naam, TraceContext.Of(http).TraceId), keten,
            gelezen.Waarde!.Select(e => new DossierGebeurtenis(e.Version, e.EventType.Name, e.Timestamp, e.UserName, Header(e, EventHeaders.Organisatie),
                Header(e, EventHeaders.OrganisatieNaam), e.CorrelationId, e.CausationId, Header(e, EventHeaders.Verwerkingsactiviteit),
                Header(e, EventHeaders.Doel), Header(e, EventHeaders.Grondslag), Header(e, Ketenhash.Header), e.Data,
                Casussen.Gebeurtenis.Van(e).Datum, Casussen.Importherkomst.Van(e))).ToList(),
            auditrecords, verwerkt)));
    }

    /// <summary>One of the stream's logs (audit records, processing records), paged, for its auditors.</summary>
    public async Task<IResult> Logboek<T, TRegel>(Historiebron<T> bron, Guid id, string? page, string? pageSize, HttpContext http,
        CancellationToken ct, Func<Paging, Task<(long Total, IReadOnlyList<TRegel> Rows)>> lees) where T : class
    {
        var v = new InputValidator(default);
        var paging = Paging.Parse(v, page, pageSize);
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
        var (huidig, weigering) = await bron.VoorAuditor(id, http, ct);
        if (weigering is not null) return weigering;
        bron.Raadpleegde(huidig!);
        var (total, rows) = await lees(paging);
        return TypedResults.Ok(paging.Answer(http, total, rows));
    }

    /// <summary>Reads events; stored data that no longer deserialises (changed after it was written) is a problem answer
    /// pointing to the chain check, not an unexplained crash.</summary>
    private static async Task<(TWaarde? Waarde, IResult? Fout)> Lees<T, TWaarde>(Historiebron<T> bron, Guid id, Func<Task<TWaarde>> lees)
        where T : class
    {
        try
        {
            return (await lees(), null);
        }
        catch (Exception e) when (IsOnleesbaar(e))
        {
            return (default, Problems.Result(Problems.UnreadableHistory(bron.Omschrijving(id), bron.KetenPad(id))));
        }
    }

    private static bool IsOnleesbaar(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is JsonException or NotSupportedException or FormatException or InvalidCastException or Marten.Exceptions.UnknownEventTypeException)
                return true;
        return false;
    }

    private static string? Header(IEvent e, string key) =>
        e.Headers is { } headers && headers.TryGetValue(key, out var value) && value is not null ? value.ToString() : null;

    private static IResult TeHoog<T>(Historiebron<T> bron, T huidig, string veld, long waarde) where T : class =>
        Problems.Result(Problems.Validation([new InvalidParam(veld, "invalid",
            $"Versie {waarde} bestaat niet: {bron.Naam} heeft de versies 1 tot en met {bron.Versie(huidig)}.")]));

    private static long Verplicht(InputValidator v, string naam)
    {
        if (!v.Errors.Any(e => e.Name == naam)) v.Add(naam, "required", "Dit veld is verplicht.");
        return 0;
    }

    private static long? Versie(InputValidator v, string? value, string name, long min)
    {
        if (value is null) return null;
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min) return n;
        v.Add(name, "invalid", $"Een versienummer: een geheel getal van {min} of meer.");
        return null;
    }

    private static DateTimeOffset? Tijdstip(InputValidator v, string? value, string name)
    {
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t.ToUniversalTime();
        v.Add(name, "invalid", "Een tijdstip volgens ISO 8601, bijvoorbeeld 2026-11-23T10:00:00Z.");
        return null;
    }
}
