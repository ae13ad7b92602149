using System.Diagnostics;
using Casus.Api.Termijnen;
using Casus.Api.Verantwoording;
using Casus.Domain.BestuurlijkeSignalen;
using Casus.Domain.Gedeeld;
using Casus.Projections;
using Casus.Projections.Historie;
using Marten;
using Wolverine;

namespace Casus.Api.BestuurlijkeSignalen;

/// <summary>Look at the terms of one bestuurlijk signaal now (scheduled by a command, or sent by <see cref="Termijnveger"/>).</summary>
public sealed record SignaalTermijnenBewaken(Guid SignaalId);

/// <summary>Records the terms of a signaal that passed (the ministers' answer after three months, the effect after six) as the
/// system actor, exactly as <see cref="TermijnenBewakenHandler"/> does for a casus: hash-chained events, audit record and the
/// next schedule in one transaction; idempotent, so a signaal handed over twice or on two nodes is recorded once.</summary>
public static class SignaalTermijnenBewakenHandler
{
    public static async Task Handle(SignaalTermijnenBewaken bericht, IDocumentSession session, IMessageContext berichten, TimeProvider clock,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<BestuurlijkSignaal>(bericht.SignaalId, ct);
        if (stream.Aggregate is not { } signaal) return;
        var nu = clock.GetUtcNow();
        var verstreken = SignaalTermijnen.Bewaak(signaal, Kalender.Dag(nu));
        if (verstreken.Count == 0) return;

        var trace = new TraceContext(Activity.Current?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString(),
            ActivitySpanId.CreateRandom().ToHexString());
        var activiteit = SignaalVerwerking.Activiteit;
        var metadata = new Gebeurtenismetadata(TermijnenBewakenHandler.Gebruiker, trace.TraceId, trace.SpanId, new Dictionary<string, string>
        {
            [EventHeaders.Organisatie] = TermijnenBewakenHandler.Organisatie,
            [EventHeaders.OrganisatieNaam] = TermijnenBewakenHandler.OrganisatieNaam,
            [EventHeaders.Verwerkingsactiviteit] = $"{activiteit.Id}@{activiteit.Versie}",
            [EventHeaders.Doel] = activiteit.Doel,
            [EventHeaders.Grondslag] = activiteit.Grondslag,
        });
        stream.AppendMany(await Ketenschrijver.Schakel(session, signaal.Id, signaal.Versie, verstreken, metadata, nu, ct));
        AuditLog.Voeg(session, new AuditRecord(nu, trace.TraceId, trace.SpanId, TermijnenBewakenHandler.Gebruiker, TermijnenBewakenHandler.Organisatie,
            TermijnenBewakenHandler.OrganisatieNaam, [], "termijnbewaking", signaal.Id, null, StatusCodes.Status200OK,
            $"verstreken: {string.Join(", ", verstreken.Select(t => t.Sleutel))}", "systeem"));
        if (SignaalTermijnen.Volgende(BestuurlijkSignaal.Evolve(signaal, verstreken)) is { } volgende
            && Termijnplanning.Moment(volgende, clock) is { } moment)
            await berichten.ScheduleAsync(new SignaalTermijnenBewaken(signaal.Id), moment);
    }
}
