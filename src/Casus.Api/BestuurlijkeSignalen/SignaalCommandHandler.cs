using Casus.Api.Beveiliging;
using Casus.Api.Casussen;
using Casus.Api.Http;
using Casus.Api.Termijnen;
using Casus.Api.Verantwoording;
using Casus.Domain.BestuurlijkeSignalen;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Historie;
using Casus.Domain.Toegang;
using Casus.Projections;
using Casus.Projections.Historie;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Casus.Api.BestuurlijkeSignalen;

/// <summary>The one path of every signaal command, as <see cref="CasusCommandHandler"/> for a casus: validate, load, check
/// access (hidden: 404) and If-Match, decide (pure), append hash-chained events with who, why and on which ground, schedule
/// the next term through the outbox, answer the new state with its ETag. <see cref="VerantwoordingFilter"/> commits events,
/// audit record, processing records and scheduled message in one transaction; a refusal writes nothing but its audit record
/// (and the processing records of a subject check that ran).</summary>
public sealed class SignaalCommandHandler(IDocumentSession session, DutchCalendar calendar, Verantwoordingscontext verantwoording,
    TimeProvider clock, IMartenOutbox outbox)
{
    public async Task<IResult> Opstellen(SignaalOpstellenRequest request, HttpContext http, CancellationToken ct)
    {
        var v = new InputValidator(calendar.Today);
        var command = request.ToCommand(v, Guid.CreateVersion7());
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
        var actor = http.Actor();
        var toegang = Signaaltoegang.Uitvoeren(actor, null, command);
        if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
        var context = SignaalContext.Leeg;
        if (command.CasusId is { } casusId)
        {
            // Only a casus the user may see can be named; any other answers as if it does not exist.
            var casus = await session.LoadAsync<IntegraleCasus>(casusId, ct);
            if (casus is null || !Toegangsregels.Lezen(actor, casus).IsToegestaan)
                return Problems.Result(Problems.Validation([new InvalidParam("casusId", "onbekend", "Er is geen casus met dit id die u mag zien.")]));
            context = SubjectenVan(casus);
        }

        var beslissing = SignaalBeslisser.Beslis(null, command, context);
        if (beslissing.Schending is { } schending) return Problems.Result(SignaalProblems.Regel(schending, command.SignaalId));
        session.Events.StartStream<BestuurlijkSignaal>(command.SignaalId, Ketenschrijver.Schakel(session, command.SignaalId, 0, Ketenhash.Genesis,
            beslissing.Gebeurtenissen, Metadata(http), clock.GetUtcNow()));
        var signaal = await PlanAsync(null, BestuurlijkSignaal.Evolve(null, beslissing.Gebeurtenissen));
        verantwoording.Verwerkte(signaal);
        http.Response.Headers.ETag = ETags.For(signaal.Versie);
        return TypedResults.Created($"{SignaalRoutes.Base}/{signaal.Id}", signaal);
    }

    public async Task<IResult> Execute<TRequest>(Guid signaalId, TRequest request, string? ifMatch, HttpContext http, CancellationToken ct)
        where TRequest : ISignaalRequest<TRequest>
    {
        var v = new InputValidator(calendar.Today);
        var command = request.ToCommand(v);
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));

        var stream = await session.Events.FetchForWriting<BestuurlijkSignaal>(signaalId, ct);
        if (stream.Aggregate is not { } huidig) return Problems.Result(SignaalProblems.NietGevonden(signaalId));
        var toegang = Signaaltoegang.Uitvoeren(http.Actor(), huidig, command);
        if (toegang.Uitkomst == Toegangsuitkomst.Verborgen)
        {
            verantwoording.Verborg(signaalId, toegang);
            return Problems.Result(SignaalProblems.NietGevonden(signaalId));
        }
        verantwoording.Raadpleegde(signaalId);
        if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
        if (ifMatch is not null && !ETags.Matches(ifMatch, huidig.Versie)) return Problems.Result(SignaalProblems.VersieVerouderd(huidig.Versie));

        // The subjects of the linked casus, only to refuse a text that names them (never shown, never copied).
        var context = command is InhoudWijzigen && huidig.CasusId is { } casusId && await session.LoadAsync<IntegraleCasus>(casusId, ct) is { } casus
            ? SubjectenVan(casus)
            : SignaalContext.Leeg;
        var beslissing = SignaalBeslisser.Beslis(huidig, command, context);
        if (beslissing.Schending is { } schending) return Problems.Result(SignaalProblems.Regel(schending, signaalId));

        stream.AppendMany(await Ketenschrijver.Schakel(session, signaalId, huidig.Versie, beslissing.Gebeurtenissen, Metadata(http),
            clock.GetUtcNow(), ct));
        var signaal = await PlanAsync(huidig, BestuurlijkSignaal.Evolve(huidig, beslissing.Gebeurtenissen));
        verantwoording.Verwerkte(signaal);
        http.Response.Headers.ETag = ETags.For(signaal.Versie);
        return TypedResults.Ok(signaal);
    }

    /// <summary>The subjects of the linked casus, read only to refuse a text that names them (never shown, never copied);
    /// reading them is a processing of their personal data, logged in that casus whatever the check finds.</summary>
    private SignaalContext SubjectenVan(IntegraleCasus casus)
    {
        verantwoording.ControleerdeSubjectenVan(casus);
        return new SignaalContext(casus.Subjecten.Select(s => s.Subject).ToList());
    }

    /// <summary>Dates the next term and, when it changed, schedules the term monitoring for the moment it passes, through the
    /// outbox in this request's transaction (as <see cref="Termijnplanning"/> does for a casus).</summary>
    private async Task<BestuurlijkSignaal> PlanAsync(BestuurlijkSignaal? voor, BestuurlijkSignaal na)
    {
        var gedateerd = SignaalTermijnen.MetVolgende(na);
        if (gedateerd.VolgendeTermijn is not { } dag || (voor is not null && SignaalTermijnen.Volgende(voor) == dag)) return gedateerd;
        if (Termijnplanning.Moment(dag, clock) is not { } moment) return gedateerd;
        outbox.Enroll(session);
        await outbox.ScheduleAsync(new SignaalTermijnenBewaken(na.Id), moment);
        return gedateerd;
    }

    private static Gebeurtenismetadata Metadata(HttpContext http)
    {
        var actor = http.Actor();
        var trace = TraceContext.Of(http);
        var activiteit = SignaalVerwerking.Activiteit;
        return new Gebeurtenismetadata(actor.GebruikerId, trace.TraceId, trace.SpanId, new Dictionary<string, string>
        {
            [EventHeaders.Organisatie] = actor.Organisatie.Id,
            [EventHeaders.OrganisatieNaam] = actor.Organisatie.Naam,
            [EventHeaders.Verwerkingsactiviteit] = $"{activiteit.Id}@{activiteit.Versie}",
            [EventHeaders.Doel] = activiteit.Doel,
            [EventHeaders.Grondslag] = activiteit.Grondslag,
        });
    }
}
