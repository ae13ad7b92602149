using Casus.Api.Beveiliging;
using Casus.Api.Casussen.Requests;
using Casus.Api.Http;
using Casus.Api.Notificaties;
using Casus.Api.Termijnen;
using Casus.Api.Verantwoording;
using Casus.Domain.Casussen;
using Casus.Domain.Historie;
using Casus.Domain.Termijnen;
using Casus.Domain.Toegang;
using Casus.Domain.Verwerkingen;
using Casus.Projections;
using Casus.Projections.Historie;
using Marten;
using Wolverine.Marten;

namespace Casus.Api.Casussen;

/// <summary>The one path every command takes: validate the body, load the casus, check access and If-Match, decide (pure
/// domain), append the events with who, why and on which ground, schedule the next term, answer with the new state and
/// ETag. It does not save: <see cref="VerantwoordingFilter"/> commits the events together with their audit record and the
/// scheduled term message. A refusal appends and schedules nothing.</summary>
public sealed class CasusCommandHandler(IDocumentSession session, IMartenOutbox outbox, DutchCalendar calendar,
    Verantwoordingscontext verantwoording, TimeProvider clock, Termijnbeleid termijnen, Termijnplanning planning, Notificatieplanner notificaties)
{
    public async Task<IResult> Submit(SignaalIndienenRequest request, HttpContext http)
    {
        var v = new InputValidator(calendar.Today, termijnen);
        var command = request.ToCommand(v, Guid.CreateVersion7());
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
        var toegang = Toegangsregels.Uitvoeren(http.Actor(), null, command);
        if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
        if (await Registratie.OnbekendBeeld(session, command, http.RequestAborted) is { } onbekend)
            return Problems.Result(Problems.Validation([onbekend]));
        if (command.Referentie is { } referentie && await Registratie.MetReferentie(session, command.Regio, referentie, http.RequestAborted) is { } bestaand)
            return Problems.Result(Problems.ReferentieBestaat(Names.Of(command.Regio), referentie, bestaand));

        var beslissing = Beslisser.Beslis(null, command);
        if (beslissing.Schending is { } schending) return Problems.Result(Problems.RuleBroken(schending, command.CasusId));

        var casus = await PlanAsync(null, beslissing.Gebeurtenissen, v.Today, http);
        session.Events.StartStream<IntegraleCasus>(command.CasusId, Ketenschrijver.Schakel(session, command.CasusId, 0, Ketenhash.Genesis,
            beslissing.Gebeurtenissen, Metadata(http, casus.Stap, command), clock.GetUtcNow()));
        verantwoording.Verwerkte(casus);
        http.Response.Headers.ETag = ETags.For(casus.Versie);
        return TypedResults.Created($"{CommandRoutes.Base}/{casus.Id}", casus);
    }

    public async Task<IResult> Execute<TRequest>(Guid casusId, TRequest request, string? ifMatch, HttpContext http, CancellationToken ct)
        where TRequest : ICommandRequest<TRequest>
    {
        var v = new InputValidator(calendar.Today, termijnen);
        var command = request.ToCommand(v);
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));

        // One round trip for everything the decision needs: the casus with its stream version, the previous event's hash
        // for the chain, and the webhook subscriptions of the organisations taking part. Without an expected version Marten
        // still checks at commit that nobody appended since this fetch.
        var batch = session.CreateBatchQuery();
        var fetch = batch.Events.FetchForWriting<IntegraleCasus>(casusId);
        var laatsteSchakel = Ketenschrijver.LaatsteSchakel(batch, casusId);
        var abonnementen = Notificatieplanner.VanDeelnemers(batch, casusId);
        await batch.Execute(ct);
        var stream = await fetch;
        if (stream.Aggregate is not { } huidig) return Problems.Result(Problems.CasusNotFound(casusId));
        var toegang = Toegangsregels.Uitvoeren(http.Actor(), huidig, command);
        if (toegang.Uitkomst == Toegangsuitkomst.Verborgen)
        {
            verantwoording.Verborg(huidig, toegang);
            return Problems.Result(Problems.CasusNotFound(casusId));
        }
        if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
        if (ifMatch is not null && !ETags.Matches(ifMatch, huidig.Versie)) return Problems.Result(Problems.StaleVersion(huidig.Versie));

        var beslissing = Beslisser.Beslis(huidig, command);
        if (beslissing.Schending is { } schending) return Problems.Result(Problems.RuleBroken(schending, casusId));

        stream.AppendMany(await Ketenschrijver.Schakel(session, casusId, huidig.Versie, await laatsteSchakel, beslissing.Gebeurtenissen,
            Metadata(http, huidig.Stap, command), clock.GetUtcNow(), ct));
        var casus = await PlanAsync(huidig, beslissing.Gebeurtenissen, v.Today, http,
            new VoorgeladenAbonnementen(Notificatieplanner.Deelnemers(huidig), await abonnementen));
        verantwoording.Verwerkte(casus, huidig.Stap);
        http.Response.Headers.ETag = ETags.For(casus.Versie);
        return TypedResults.Ok(casus);
    }

    /// <summary>The state after the events, and what follows from them in the same transaction (the request's session
    /// enrolled in Wolverine's outbox): the next term scheduled, the partner systems told.</summary>
    private async Task<IntegraleCasus> PlanAsync(IntegraleCasus? huidig, IReadOnlyList<ICasusGebeurtenis> gebeurtenissen, DateOnly vandaag,
        HttpContext http, VoorgeladenAbonnementen? abonnementen = null)
    {
        outbox.Enroll(session);
        var casus = await planning.PlanAsync(outbox, huidig, IntegraleCasus.Evolve(huidig, gebeurtenissen, vandaag));
        await notificaties.PlanAsync(session, outbox, huidig, casus, gebeurtenissen, TraceContext.Of(http).TraceParent,
            $"{http.Request.Scheme}://{http.Request.Host}", http.RequestAborted, abonnementen);
        return casus;
    }

    /// <summary>Event metadata: who (user in user_name, organisation id and name), the request's trace (correlation id) and
    /// span (causation id), the processing activity with its purpose, and the legal ground: the command's own where it names
    /// one (information requests and contributions), else the activity's. <see cref="Ketenschrijver"/> stamps it and chains
    /// the events (hash header).</summary>
    private static Gebeurtenismetadata Metadata(HttpContext http, Stap stap, ICasusCommando command)
    {
        var trace = TraceContext.Of(http);
        return Metadata(http.Actor(), trace.TraceId, trace.SpanId, stap, command);
    }

    /// <summary>As above, for a writer outside HTTP (the benchmark's bulk seeder), so it stamps exactly what the API stamps.
    /// <paramref name="stap"/> is the step the command was decided in (for a new casus: its first step).</summary>
    public static Gebeurtenismetadata Metadata(Actor actor, string traceId, string? spanId, Stap stap, ICasusCommando command)
    {
        var activiteit = Verwerkingsregister.VoorStap(stap);
        return new Gebeurtenismetadata(actor.GebruikerId, traceId, spanId, new Dictionary<string, string>
        {
            [EventHeaders.Organisatie] = actor.Organisatie.Id,
            [EventHeaders.OrganisatieNaam] = actor.Organisatie.Naam,
            [EventHeaders.Verwerkingsactiviteit] = $"{activiteit.Id}@{activiteit.Versie}",
            [EventHeaders.Doel] = activiteit.Doel,
            [EventHeaders.Grondslag] = command switch
            {
                InformatieVerzoeken c => c.Grondslag,
                InformatieDelen c => c.Grondslag,
                _ => activiteit.Grondslag,
            },
        });
    }
}
