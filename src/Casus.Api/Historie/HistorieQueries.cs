using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Casus.Api.Beveiliging;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.Casussen;
using Casus.Domain.Historie;
using Casus.Domain.Toegang;
using Casus.Projections;
using Casus.Projections.Historie;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;

namespace Casus.Api.Historie;

/// <summary>The auditor's view of one casus's history: the state at a moment or version, the changes between two versions,
/// the full dossier, and the verification of its hash chain. Every answer is recorded in the audit log (by
/// <see cref="VerantwoordingFilter"/>); those that show subject data also in the processing log.</summary>
public sealed class HistorieQueries(
    IDocumentSession session, Verantwoordingscontext verantwoording, Ketenlezer ketens, AuditLog audit, Verwerkingslog verwerkingen,
    TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private JsonSerializerOptions Json => json.Value.SerializerOptions;

    public async Task<IResult> Stand(Guid casusId, string? peildatum, string? versie, HttpContext http, CancellationToken ct)
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
        var (casus, weigering) = await VoorAuditor(casusId, http, ct);
        if (weigering is not null) return weigering;
        if (nummer > casus!.Versie) return TeHoog(casus, "versie", nummer.Value);

        var stand = await Lees(casusId, () => new CasusHistorie(session).Stand(casusId, moment, nummer, ct));
        if (stand.Fout is { } fout) return fout;
        if (stand.Waarde is not { } s)
        {
            verantwoording.Raadpleegde(casus);
            return Problems.Result(Problems.NoStateYet(casusId, moment!.Value));
        }
        verantwoording.Verwerkte(s.Casus);
        return TypedResults.Ok(new HistorischeStand(casusId, s.Versie, s.Tijdstip, moment, s.Casus));
    }

    public async Task<IResult> Verschillen(Guid casusId, string? van, string? tot, bool alsTekst, HttpContext http, CancellationToken ct)
    {
        var v = new InputValidator(default);
        var vanaf = Versie(v, van, "van", 0) ?? Verplicht(v, "van");
        var totaan = Versie(v, tot, "tot", 1) ?? Verplicht(v, "tot");
        if (v.IsValid && totaan <= vanaf) v.Add("tot", "invalid", "tot is groter dan van.");
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
        var (casus, weigering) = await VoorAuditor(casusId, http, ct);
        if (weigering is not null) return weigering;
        if (totaan > casus!.Versie) return TeHoog(casus, "tot", totaan);

        var gelezen = await Lees(casusId, () => session.Events.FetchStreamAsync(casusId, version: totaan, token: ct));
        if (gelezen.Fout is { } fout) return fout;
        var events = gelezen.Waarde!;
        var voor = CasusHistorie.Speel(events.Where(e => e.Version <= vanaf).ToList());
        var na = CasusHistorie.Speel(events)!;
        var wijzigingen = events.Where(e => e.Version > vanaf)
            .Select(e => Domain.Historie.Verschillen.Wijziging(e.Version, e.EventType.Name, e.Timestamp, e.UserName, Header(e, EventHeaders.Organisatie),
                Header(e, EventHeaders.OrganisatieNaam), JsonSerializer.SerializeToNode(e.Data, e.Data.GetType(), Json) as JsonObject ?? []))
            .ToList();
        var velden = Domain.Historie.Verschillen.Velden(
            voor is null ? null : JsonSerializer.SerializeToNode(voor.Casus, Json) as JsonObject,
            (JsonObject)JsonSerializer.SerializeToNode(na.Casus, Json)!);
        verantwoording.Verwerkte(na.Casus);
        if (alsTekst) return TypedResults.Text(string.Join('\n', wijzigingen.Select(w => w.Regel)) + "\n", "text/plain; charset=utf-8");
        return TypedResults.Ok(new CasusVerschillen(casusId, vanaf, totaan, wijzigingen, velden));
    }

    public async Task<IResult> Keten(Guid casusId, HttpContext http, CancellationToken ct)
    {
        var (casus, weigering) = await VoorAuditor(casusId, http, ct);
        if (weigering is not null) return weigering;
        verantwoording.Raadpleegde(casus!);
        return TypedResults.Ok(await Verifieer(casusId, ct));
    }

    public async Task<IResult> Dossier(Guid casusId, HttpContext http, CancellationToken ct)
    {
        var (casus, weigering) = await VoorAuditor(casusId, http, ct);
        if (weigering is not null) return weigering;
        var keten = await Verifieer(casusId, ct);
        var gelezen = await Lees(casusId, () => session.Events.FetchStreamAsync(casusId, token: ct));
        if (gelezen.Fout is { } fout) return fout;
        var (_, auditrecords) = await audit.ZoekAsync(casusId, null, null, null, null, null, 0, int.MaxValue, ct);
        var (_, verwerkt) = await verwerkingen.ZoekAsync(null, casusId, null, 0, int.MaxValue, ct);
        var actor = http.Actor();
        var nu = clock.GetUtcNow();
        verantwoording.Verwerkte(casus!);
        http.Response.Headers.ContentDisposition =
            $"attachment; filename=\"casus-{casusId}-dossier-{nu.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.json\"";
        return TypedResults.Ok(new Dossier(casusId, nu,
            new DossierMaker(actor.GebruikerId, actor.Organisatie.Id, actor.Organisatie.Naam, TraceContext.Of(http).TraceId),
            casus!, keten,
            gelezen.Waarde!.Select(e => new DossierGebeurtenis(e.Version, e.EventType.Name, e.Timestamp, e.UserName, Header(e, EventHeaders.Organisatie),
                Header(e, EventHeaders.OrganisatieNaam), e.CorrelationId, e.CausationId, Header(e, EventHeaders.Verwerkingsactiviteit),
                Header(e, EventHeaders.Doel), Header(e, EventHeaders.Grondslag), Header(e, Ketenhash.Header), e.Data,
                Casussen.Gebeurtenis.Van(e).Datum, Casussen.Importherkomst.Van(e))).ToList(),
            auditrecords, verwerkt));
    }

    private async Task<Ketenverificatie> Verifieer(Guid casusId, CancellationToken ct)
    {
        var uitslag = await ketens.Controleer(casusId, ct);
        return new Ketenverificatie(casusId, uitslag.Status, uitslag.Versies, uitslag.EersteGebrokenVersie, uitslag.Reden, uitslag.LaatsteHash,
            clock.GetUtcNow());
    }

    /// <summary>The casus when the actor audits its region; otherwise the refusal: 403 for someone who may see the casus,
    /// 404 (as if it did not exist) for everyone else. Same rule as the audit log of a casus.</summary>
    private async Task<(IntegraleCasus? Casus, IResult? Weigering)> VoorAuditor(Guid casusId, HttpContext http, CancellationToken ct)
    {
        var casus = await session.LoadAsync<IntegraleCasus>(casusId, ct);
        if (casus is null) return (null, Problems.Result(Problems.CasusNotFound(casusId)));
        var actor = http.Actor();
        if (Toegangsregels.MagVerantwoordingLezen(actor, casus.Regio)) return (casus, null);
        var lezen = Toegangsregels.Lezen(actor, casus);
        if (!lezen.IsToegestaan)
        {
            verantwoording.Verborg(casus, lezen);
            return (null, Problems.Result(Problems.CasusNotFound(casusId)));
        }
        verantwoording.Raadpleegde(casus);
        return (null, Problems.Result(Problems.Forbidden(AlleenAuditors)));
    }

    public static readonly Toegangsbesluit AlleenAuditors =
        Toegangsbesluit.Verboden(ToegangsCodes.RolOntbreekt, "De historie, het dossier en de ketencontrole zijn alleen voor auditors van de regio.");

    /// <summary>Reads events; stored data that no longer deserialises (changed after it was written) is a problem answer
    /// pointing to the chain check, not an unexplained crash.</summary>
    private async Task<(T? Waarde, IResult? Fout)> Lees<T>(Guid casusId, Func<Task<T>> lees)
    {
        try
        {
            return (await lees(), null);
        }
        catch (Exception e) when (IsOnleesbaar(e))
        {
            return (default, Problems.Result(Problems.UnreadableHistory(casusId)));
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

    private static IResult TeHoog(IntegraleCasus casus, string veld, long waarde) =>
        Problems.Result(Problems.Validation([new InvalidParam(veld, "invalid",
            $"Versie {waarde} bestaat niet: de casus heeft de versies 1 tot en met {casus.Versie}.")]));

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
