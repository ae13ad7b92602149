using System.Diagnostics;
using Casus.Api.Http;
using Casus.Api.Notificaties;
using Casus.Api.Verantwoording;
using Casus.Domain.Casussen;
using Casus.Domain.Historie;
using Casus.Domain.Termijnen;
using Casus.Domain.Verwerkingen;
using Casus.Projections;
using Casus.Projections.Historie;
using Marten;
using Wolverine;

namespace Casus.Api.Termijnen;

/// <summary>Look at the terms of one casus now (sent by <see cref="Termijnveger"/> for every casus with a term due).</summary>
public sealed record TermijnenBewaken(Guid CasusId);

/// <summary>Records the terms of a casus that passed, or are about to pass, by the app clock's today, as the system actor: the events (hash-chained),
/// their audit record, the processing records, the schedule of the next term and the notifications to the partners waited
/// on commit in one transaction (Wolverine's transactional middleware and outbox). Safe to
/// run any number of times and on several nodes at once: a term already recorded is not recorded again, and of two
/// concurrent appends the second fails its version check, is retried, and then finds nothing left to record.</summary>
public static class TermijnenBewakenHandler
{
    public const string Gebruiker = "systeem:termijnbewaking";
    public const string Organisatie = "casus";
    public const string OrganisatieNaam = "Casus (systeem)";

    public static async Task Handle(TermijnenBewaken bericht, IDocumentSession session, IMessageContext berichten, Termijnbeleid beleid,
        Termijnplanning planning, Notificatieplanner notificaties, TimeProvider clock, Pseudonimisering pseudoniemen, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<IntegraleCasus>(bericht.CasusId, ct);
        if (stream.Aggregate is not { } casus) return;
        var nu = clock.GetUtcNow();
        var vandaag = Domain.Gedeeld.Kalender.Dag(nu);
        var gebeurtenissen = Termijnbewaking.Bewaak(casus, beleid, vandaag);
        if (gebeurtenissen.Count == 0) return;

        var trace = new TraceContext(Activity.Current?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString(),
            ActivitySpanId.CreateRandom().ToHexString());
        var activiteit = Verwerkingsregister.Termijnbewaking;
        var metadata = new Gebeurtenismetadata(Gebruiker, trace.TraceId, trace.SpanId, new Dictionary<string, string>
        {
            [EventHeaders.Organisatie] = Organisatie,
            [EventHeaders.OrganisatieNaam] = OrganisatieNaam,
            [EventHeaders.Verwerkingsactiviteit] = $"{activiteit.Id}@{activiteit.Versie}",
            [EventHeaders.Doel] = activiteit.Doel,
            [EventHeaders.Grondslag] = activiteit.Grondslag,
        });
        stream.AppendMany(await Ketenschrijver.Schakel(session, casus.Id, casus.Versie, gebeurtenissen, metadata, nu, ct));
        var regio = Names.Of(casus.Regio);
        AuditLog.Voeg(session, new AuditRecord(nu, trace.TraceId, trace.SpanId, Gebruiker, Organisatie, OrganisatieNaam, [],
            "termijnbewaking", casus.Id, regio, StatusCodes.Status200OK,
            string.Join("; ", gebeurtenissen.Select(g => g switch
            {
                TermijnVerstreken t => $"verstreken: {t.Sleutel}",
                TermijnNadert t => $"nadert: {t.Sleutel}",
                _ => g.GetType().Name,
            })), "systeem"));
        Verwerkingslog.Voeg(session, nu, trace, activiteit, casus.Id, regio, Domain.Privacy.Persoonsgegevens.Leesbaar(casus).Select(pseudoniemen.Van).Distinct().ToList());

        // The next running term and the partners waited on are told, in the same transaction (this handler's outbox).
        var na = await planning.PlanAsync(berichten, casus, IntegraleCasus.Evolve(casus, gebeurtenissen, vandaag));
        await notificaties.PlanAsync(session, berichten, casus, na, gebeurtenissen, trace.TraceParent, null, ct);
    }
}
