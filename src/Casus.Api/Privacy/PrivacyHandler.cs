using Casus.Api.Beveiliging;
using Casus.Api.Casussen;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Historie;
using Casus.Domain.Privacy;
using Casus.Domain.Toegang;
using Casus.Domain.Verwerkingen;
using Casus.Projections.Historie;
using Casus.Projections.Persoonsgegevens;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Wolverine.Marten;

namespace Casus.Api.Privacy;

/// <summary>The requests of privacy: rectification, erasure on request, and the destruction lists with their approvals. Like a
/// command: validate, load, check access, decide (pure domain), append hash-chained events; <see cref="VerantwoordingFilter"/>
/// commits them with the audit and processing records, or nothing on a refusal.</summary>
public sealed class PrivacyHandler(IDocumentSession session, IMartenOutbox outbox, DutchCalendar calendar, Verantwoordingscontext verantwoording,
    TimeProvider clock, Bewaarbeleid beleid, Pseudonimisering pseudoniemen, NpgsqlDataSource database)
{
    private Sleutelring Ring => Sleutelring.Van(session);

    // ------------------------------------------------------------------ rectification (art. 16)

    public async Task<IResult> Rectificeren(Guid casusId, int nummer, RectificatieRequest request, string? ifMatch, HttpContext http, CancellationToken ct)
    {
        var v = new InputValidator(calendar.Today);
        var (subject, reden, oudeVernietigen) = request.Lees(v);
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));

        var stream = await session.Events.FetchForWriting<IntegraleCasus>(casusId, ct);
        if (stream.Aggregate is not { } huidig) return Problems.Result(Problems.CasusNotFound(casusId));
        var actor = http.Actor();
        var toegang = Toegangsregels.Rectificeren(actor, huidig);
        if (toegang.Uitkomst == Toegangsuitkomst.Verborgen)
        {
            verantwoording.Verborg(huidig, toegang);
            return Problems.Result(Problems.CasusNotFound(casusId));
        }
        if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
        if (ifMatch is not null && !ETags.Matches(ifMatch, huidig.Versie)) return Problems.Result(Problems.StaleVersion(huidig.Versie));

        var beslissing = Rechten.Rectificeren(huidig, new SubjectRectificeren(nummer, subject, reden, oudeVernietigen), v.Today);
        if (beslissing.Schending is { } schending) return Problems.Result(Problems.RuleBroken(schending, casusId));

        var nu = clock.GetUtcNow();
        var oud = huidig.Subjecten.Single(s => s.Nummer == nummer).Subject;
        stream.AppendMany(await Ketenschrijver.Schakel(session, casusId, huidig.Versie, beslissing.Gebeurtenissen,
            Metadata(http, Verwerkingsregister.Rechten), nu, ct));
        if (oudeVernietigen)
        {
            Ring.VernietigSubject(session, casusId, nummer, subject, nu, $"rectificatie:{casusId}@{huidig.Versie + 1}");
            // A remembered answer may show the old value.
            Idempotentie.VergeetCasussen(session, [casusId], nu);
        }
        var casus = IntegraleCasus.Evolve(huidig, beslissing.Gebeurtenissen, v.Today);
        verantwoording.Verwerkte(casus, huidig.Stap, Verwerkingsregister.Rechten);
        verantwoording.VerwerkteOok(new ExtraVerwerking(casusId, casus.Regio, pseudoniemen.Van(oud), Verwerkingsregister.Rechten,
            oudeVernietigen ? Verwerkingsstatus.Vernietigd : Verwerkingsstatus.Gerectificeerd));
        http.Response.Headers.ETag = ETags.For(casus.Versie);
        return TypedResults.Ok(casus);
    }

    // ------------------------------------------------------------------ erasure on request (art. 17)

    public async Task<IResult> Wissen(WisverzoekRequest request, HttpContext http, CancellationToken ct)
    {
        var actor = http.Actor();
        var toegang = Toegangsregels.Wissen(actor);
        if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
        var v = new InputValidator(calendar.Today);
        var (subject, grond, kenmerk, vrijeTekst) = request.Lees(v);
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));

        var pseudoniem = pseudoniemen.Van(subject);
        var ids = await CasussenVanAsync(pseudoniem, actor, ct);
        await Ring.LaadAsync(ids, ct);
        var verzoekId = Guid.CreateVersion7();
        var nu = clock.GetUtcNow();
        var metadata = Metadata(http, Verwerkingsregister.Rechten);
        var uitkomsten = new List<Wisuitkomst>();
        var gewist = new List<Guid>();
        foreach (var casusId in ids)
        {
            var stream = await session.Events.FetchForWriting<IntegraleCasus>(casusId, ct);
            if (stream.Aggregate is not { } casus) continue;
            var nummers = Rechten.NummersVan(casus, subject);
            if (nummers.Count == 0) continue;
            var besluit = Rechten.Wisbeoordeling(casus, beleid, grond, v.Today);
            if (!besluit.Toegestaan)
            {
                uitkomsten.Add(new Wisuitkomst(casusId, nummers, Wisuitkomst.Geweigerd, besluit.Code, besluit.Reden, besluit.BewarenTot));
                continue;
            }
            var gebeurtenissen = nummers.Select(n => new SubjectGewist(n, verzoekId, grond, v.Today, vrijeTekst)).ToList();
            stream.AppendMany(await Ketenschrijver.Schakel(session, casusId, casus.Versie, gebeurtenissen, metadata, nu, ct));
            foreach (var n in nummers) Ring.VernietigSubject(session, casusId, n, null, nu, $"wisverzoek:{verzoekId}");
            if (vrijeTekst) Ring.VernietigTekst(session, casusId, nu, $"wisverzoek:{verzoekId}");
            verantwoording.VerwerkteOok(new ExtraVerwerking(casusId, casus.Regio, pseudoniem, Verwerkingsregister.Rechten, Verwerkingsstatus.Gewist));
            AuditLog.Voeg(session, AuditRecord.Van(http, nu, casus, StatusCodes.Status201Created,
                $"wisverzoek {verzoekId} ({kenmerk}): subject {string.Join(", ", nummers)} gewist, grond {Names.Of(grond)}{(vrijeTekst ? ", vrije tekst vernietigd" : "")}"));
            uitkomsten.Add(new Wisuitkomst(casusId, nummers, Wisuitkomst.Gewist, null, null, null));
            gewist.Add(casusId);
        }
        if (uitkomsten.Count > 0 && gewist.Count == 0)
            return Problems.Result(Problems.WissenGeweigerd(uitkomsten));

        var afgehandeld = new WisverzoekAfgehandeld(verzoekId, pseudoniem, grond, kenmerk, vrijeTekst, nu, actor.GebruikerId, actor.Organisatie.Id,
            uitkomsten);
        session.Events.StartStream(verzoekId, Ketenschrijver.Schakel(session, verzoekId, 0, Ketenhash.Genesis, [afgehandeld], metadata, nu));
        if (gewist.Count > 0) Idempotentie.VergeetCasussen(session, gewist, nu);
        return TypedResults.Created($"/api/v1/wisverzoeken/{verzoekId}", afgehandeld);
    }

    /// <summary>Every casus in which the subject with <paramref name="pseudoniem"/> was ever processed (the processing log), in
    /// the regions of <paramref name="actor"/> (all for a national privacy officer).</summary>
    private async Task<List<Guid>> CasussenVanAsync(string pseudoniem, Actor actor, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            "select distinct casus_id from casus.verwerkingslog where subject_pseudoniem = $1 and ($2::text[] is null or regio = any($2)) order by casus_id");
        command.Parameters.Add(new NpgsqlParameter { Value = pseudoniem });
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = actor.Landelijk ? DBNull.Value : actor.Regios.Select(r => Names.Of(r)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
        });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    public async Task<IResult> Wisverzoek(Guid verzoekId, HttpContext http, CancellationToken ct)
    {
        var toegang = Toegangsregels.WisverzoekenLezen(http.Actor());
        if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
        var events = await session.Events.FetchStreamAsync(verzoekId, token: ct);
        return events.Select(e => e.Data).OfType<WisverzoekAfgehandeld>().SingleOrDefault() is { } verzoek
            ? TypedResults.Ok(verzoek)
            : Problems.Result(Problems.WisverzoekNotFound(verzoekId));
    }

    // ------------------------------------------------------------------ destruction lists

    public async Task<IResult> Lijsten(string? regio, string? status, string? page, string? pageSize, HttpContext http, CancellationToken ct)
    {
        var actor = http.Actor();
        if (!actor.Heeft(Rol.Privacyfunctionaris) && !actor.Heeft(Rol.Auditor))
            return Problems.Result(Problems.Forbidden(Toegangsbesluit.Verboden(ToegangsCodes.RolOntbreekt,
                "Vernietigingslijsten zijn voor privacyfunctionarissen en auditors.")));
        var v = new InputValidator(default);
        var regioFilter = Parse<RiecRegio>(v, regio, "regio");
        var statusFilter = Parse<Lijststatus>(v, status, "status");
        var paging = Paging.Parse(v, page, pageSize);
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
        IQueryable<Vernietigingslijst> query = session.Query<Vernietigingslijst>();
        if (!actor.Landelijk)
        {
            var regios = actor.Regios.ToArray();
            query = query.Where(l => regios.Contains(l.Regio));
        }
        if (regioFilter is { } r) query = query.Where(l => l.Regio == r);
        if (statusFilter is { } s) query = query.Where(l => l.Status == s);
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(l => l.OpgesteldOp).ThenBy(l => l.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(paging.Answer(http, total, rows.Select(Samenvatting.Van).ToList()));
    }

    public async Task<IResult> Lijst(Guid lijstId, HttpContext http, CancellationToken ct)
    {
        var lijst = await session.LoadAsync<Vernietigingslijst>(lijstId, ct);
        if (lijst is null) return Problems.Result(Problems.VernietigingslijstNotFound(lijstId));
        verantwoording.BetrofRegio(lijst.Regio);
        var toegang = Toegangsregels.VernietigingslijstLezen(http.Actor(), lijst.Regio);
        return toegang.IsToegestaan ? TypedResults.Ok(lijst) : Problems.Result(Problems.Forbidden(toegang));
    }

    public async Task<IResult> Goedkeuren(Guid lijstId, HttpContext http, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Vernietigingslijst>(lijstId, ct);
        if (stream.Aggregate is not { } lijst) return Problems.Result(Problems.VernietigingslijstNotFound(lijstId));
        verantwoording.BetrofRegio(lijst.Regio);
        var actor = http.Actor();
        var toegang = Toegangsregels.VernietigingslijstGoedkeuren(actor, lijst.Regio);
        if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
        var nu = clock.GetUtcNow();
        var beslissing = Vernietigingslijst.Goedkeuren(lijst, new Akkoord(actor.GebruikerId, actor.Organisatie.Id, actor.Organisatie.Naam, nu));
        if (beslissing.Schending is { } schending) return Problems.Result(Problems.RuleBroken(schending, lijstId));
        stream.AppendMany(await Ketenschrijver.Schakel(session, lijstId, lijst.Versie, beslissing.Gebeurtenissen,
            Metadata(http, Verwerkingsregister.Vernietigen), nu, ct));
        var na = beslissing.Gebeurtenissen.Aggregate(lijst, Vernietigingslijst.Evolve);
        if (na.Status == Lijststatus.Goedgekeurd)
        {
            // Carried out in the background (durable queue), sent in this transaction: approved and queued, or neither.
            outbox.Enroll(session);
            await outbox.PublishAsync(new VernietigingUitvoeren(lijstId));
        }
        return TypedResults.Ok(na);
    }

    /// <summary>Metadata of an event appended by the requesting user under <paramref name="activiteit"/>.</summary>
    private static Gebeurtenismetadata Metadata(HttpContext http, Verwerkingsactiviteit activiteit)
    {
        var actor = http.Actor();
        return Systeemactor.Metadata(actor.GebruikerId, actor.Organisatie.Id, actor.Organisatie.Naam, TraceContext.Of(http), activiteit);
    }

    private static T? Parse<T>(InputValidator v, string? value, string name) where T : struct, Enum
    {
        if (value is null) return null;
        var match = Names.Parse<T>(value);
        if (match is null) v.Add(name, "invalid", $"Onbekende waarde; kies uit: {string.Join(", ", Names.All<T>())}.");
        return match;
    }
}

/// <summary>One destruction list in a list of lists: without its casussen.</summary>
public sealed record Samenvatting(Guid Id, RiecRegio Regio, DateOnly Peildatum, DateTimeOffset OpgesteldOp, Lijststatus Status, int Casussen,
    IReadOnlyList<Akkoord> Akkoorden, DateTimeOffset? UitgevoerdOp, int Vernietigd)
{
    public static Samenvatting Van(Vernietigingslijst l) =>
        new(l.Id, l.Regio, l.Peildatum, l.OpgesteldOp, l.Status, l.Casussen.Count, l.Akkoorden, l.UitgevoerdOp, l.Vernietigd);
}
