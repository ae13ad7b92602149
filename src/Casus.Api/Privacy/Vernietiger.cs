using System.Diagnostics;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Historie;
using Casus.Domain.Privacy;
using Casus.Domain.Verwerkingen;
using Casus.Projections;
using Casus.Projections.Historie;
using Casus.Projections.Persoonsgegevens;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Casus.Api.Privacy;

/// <summary>The system actor of retention and destruction, as it appears in events, audit records and the processing log.</summary>
public static class Systeemactor
{
    public const string Vernietiging = "systeem:vernietiging";
    public const string Organisatie = "casus";
    public const string OrganisatieNaam = "Casus (systeem)";

    public static TraceContext NieuweTrace() =>
        new(Activity.Current?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString(), ActivitySpanId.CreateRandom().ToHexString());

    public static Gebeurtenismetadata Metadata(string gebruiker, string organisatie, string organisatieNaam, TraceContext trace,
        Verwerkingsactiviteit activiteit) =>
        new(gebruiker, trace.TraceId, trace.SpanId, new Dictionary<string, string>
        {
            [EventHeaders.Organisatie] = organisatie,
            [EventHeaders.OrganisatieNaam] = organisatieNaam,
            [EventHeaders.Verwerkingsactiviteit] = $"{activiteit.Id}@{activiteit.Versie}",
            [EventHeaders.Doel] = activiteit.Doel,
            [EventHeaders.Grondslag] = activiteit.Grondslag,
        });

    public static AuditRecord Audit(DateTimeOffset op, TraceContext trace, string actie, Guid? casusId, RiecRegio? regio, string reden) =>
        new(op, trace.TraceId, trace.SpanId, Vernietiging, Organisatie, OrganisatieNaam, [], actie, casusId, regio is { } r ? Names.Of(r) : null,
            StatusCodes.Status200OK, reden, "systeem");
}

/// <summary>Carries out an approved destruction list: per casus, in transactions of <see cref="PerTransactie"/> casussen, it
/// checks the term again (under the current configuration), records <see cref="PersoonsgegevensVernietigd"/> in the casus
/// (hash-chained, by the system actor), destroys every data key of the casus, writes the processing records (status
/// <c>vernietigd</c>, one per subject pseudonym, so the art. 15 query says when) and the audit record, and removes the
/// remembered idempotent answers of the casus. The casus document is rewritten by the inline projection with the destroyed
/// fields. Then the list gets <see cref="VernietigingUitgevoerd"/> and becomes the verklaring van vernietiging. Safe to run
/// again: a casus destroyed by this list counts as done.</summary>
public sealed class Vernietiger(IDocumentStore store, NpgsqlDataSource database, Pseudonimisering pseudoniemen, Bewaarbeleid beleid,
    TimeProvider clock, ILogger<Vernietiger> logger)
{
    public const int PerTransactie = 100;

    /// <summary>Carries out list <paramref name="lijstId"/> when it is approved; null when there was nothing to do.</summary>
    public async Task<VernietigingUitgevoerd?> VoerUitAsync(Guid lijstId, CancellationToken ct)
    {
        Vernietigingslijst? lijst;
        await using (var query = store.QuerySession()) lijst = await query.LoadAsync<Vernietigingslijst>(lijstId, ct);
        if (lijst is not { Status: Lijststatus.Goedgekeurd }) return null;

        var ring = Sleutelring.Van(store);
        var overgeslagen = new System.Collections.Concurrent.ConcurrentBag<OvergeslagenCasus>();
        var vernietigd = 0;
        await Parallel.ForEachAsync(lijst.Casussen.Chunk(PerTransactie), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct },
            async (deel, token) =>
            {
                var (klaar, overslaan) = await DeelAsync(ring, lijst, deel, token);
                Interlocked.Add(ref vernietigd, klaar);
                foreach (var o in overslaan) overgeslagen.Add(o);
            });

        var nu = clock.GetUtcNow();
        var trace = Systeemactor.NieuweTrace();
        var uitgevoerd = new VernietigingUitgevoerd(lijstId, nu, vernietigd, overgeslagen.OrderBy(o => o.CasusId).ToList());
        await using (var session = store.LightweightSession())
        {
            var metadata = Systeemactor.Metadata(Systeemactor.Vernietiging, Systeemactor.Organisatie, Systeemactor.OrganisatieNaam, trace,
                Verwerkingsregister.Vernietigen);
            session.Events.Append(lijstId, lijst.Versie + 1,
                await Ketenschrijver.Schakel(session, lijstId, lijst.Versie, [uitgevoerd], metadata, nu, ct));
            AuditLog.Voeg(session, Systeemactor.Audit(nu, trace, "vernietigingslijst-uitgevoerd", null, lijst.Regio,
                $"vernietigingslijst {lijstId}: {vernietigd} casussen vernietigd, {uitgevoerd.Overgeslagen.Count} overgeslagen"));
            await session.SaveChangesAsync(ct);
        }
        await OpruimenAsync(ct);
        logger.LogInformation("Destruction list {LijstId} carried out: {Vernietigd} casussen destroyed, {Overgeslagen} skipped.",
            lijstId, vernietigd, uitgevoerd.Overgeslagen.Count);
        return uitgevoerd;
    }

    private async Task<(int Vernietigd, List<OvergeslagenCasus> Overgeslagen)> DeelAsync(Sleutelring ring, Vernietigingslijst lijst,
        TeVernietigenCasus[] deel, CancellationToken ct)
    {
        var ids = deel.Select(c => c.CasusId).ToArray();
        await ring.LaadAsync(ids, ct);
        var overgeslagen = new List<OvergeslagenCasus>();
        var klaar = 0;
        await using var session = store.LightweightSession();
        var casussen = (await session.LoadManyAsync<IntegraleCasus>(ct, ids)).ToDictionary(c => c.Id);
        var vorige = await LaatsteHashesAsync(casussen.Values.ToList(), ct);
        var nu = clock.GetUtcNow();
        var vandaag = Kalender.Dag(nu);
        var trace = Systeemactor.NieuweTrace();
        var activiteit = Verwerkingsregister.Vernietigen;
        var metadata = Systeemactor.Metadata(Systeemactor.Vernietiging, Systeemactor.Organisatie, Systeemactor.OrganisatieNaam, trace, activiteit);
        var vernietigd = new List<Guid>();
        foreach (var regel in deel)
        {
            if (!casussen.TryGetValue(regel.CasusId, out var casus))
            {
                overgeslagen.Add(new OvergeslagenCasus(regel.CasusId, "De casus bestaat niet (meer)."));
                continue;
            }
            if (casus.Vernietiging is { } eerder)
            {
                if (eerder.LijstId == lijst.Id) klaar++;
                else overgeslagen.Add(new OvergeslagenCasus(regel.CasusId, $"Al vernietigd op {eerder.Datum:yyyy-MM-dd} (vernietigingslijst {eerder.LijstId})."));
                continue;
            }
            if (!beleid.IsVerstreken(casus, vandaag))
            {
                overgeslagen.Add(new OvergeslagenCasus(regel.CasusId, beleid.LaatsteBewaardag(casus) is { } tot
                    ? $"De bewaartermijn is onder de huidige instellingen nog niet verstreken (bewaren tot en met {tot:yyyy-MM-dd})."
                    : "De casus is niet afgesloten."));
                continue;
            }
            var gebeurtenis = new PersoonsgegevensVernietigd(lijst.Id, vandaag, [Gegevenscategorie.Subjectgegevens, Gegevenscategorie.VrijeTekst],
                regel.Activiteit, regel.Bewaartermijn, regel.LaatsteBewaardag);
            session.Events.Append(casus.Id, casus.Versie + 1,
                Ketenschrijver.Schakel(session, casus.Id, casus.Versie, vorige[casus.Id], [gebeurtenis], metadata, nu));
            ring.VernietigCasus(session, casus.Id, nu, $"vernietigingslijst:{lijst.Id}");
            Verwerkingslog.Voeg(session, nu, trace, activiteit, casus.Id, Names.Of(casus.Regio),
                Persoonsgegevens.Leesbaar(casus).Select(pseudoniemen.Van).Distinct().ToList(), Verwerkingsstatus.Vernietigd);
            AuditLog.Voeg(session, Systeemactor.Audit(nu, trace, "vernietiging", casus.Id, casus.Regio,
                $"persoonsgegevens vernietigd volgens vernietigingslijst {lijst.Id} ({regel.Activiteit}, {regel.Bewaartermijn})"));
            vernietigd.Add(casus.Id);
        }
        if (vernietigd.Count > 0)
        {
            Idempotentie.VergeetCasussen(session, vernietigd, nu);
            await session.SaveChangesAsync(ct);
        }
        return (klaar + vernietigd.Count, overgeslagen);
    }

    /// <summary>The hash of the last event of each casus, in one query (the chain continues from it).</summary>
    private async Task<Dictionary<Guid, string>> LaatsteHashesAsync(IReadOnlyList<IntegraleCasus> casussen, CancellationToken ct)
    {
        var hashes = casussen.ToDictionary(c => c.Id, _ => Ketenhash.Genesis);
        if (casussen.Count == 0) return hashes;
        await using var command = database.CreateCommand($"""
            select e.stream_id, coalesce(e.headers ->> '{Ketenhash.Header}', '')
            from {CasusStore.Schema}.mt_events e join unnest($1::uuid[], $2::bigint[]) as v(id, versie) on e.stream_id = v.id and e.version = v.versie
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = casussen.Select(c => c.Id).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = casussen.Select(c => c.Versie).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            if (reader.GetString(1) is { Length: > 0 } hash) hashes[reader.GetGuid(0)] = hash;
        return hashes;
    }

    /// <summary>PostgreSQL keeps the old versions of updated and deleted rows (the data keys, remembered answers) until
    /// VACUUM frees them: vacuum those tables right away, so the destroyed keys are not left in dead rows.</summary>
    public async Task OpruimenAsync(CancellationToken ct)
    {
        try
        {
            await using var command = database.CreateCommand($"vacuum {Sleutelring.Tabel}, {CasusStore.Schema}.idempotentie");
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning("VACUUM after a destruction failed ({Error}); autovacuum will free the old row versions later.", e.GetType().Name);
        }
    }
}

/// <summary>Carry out an approved destruction list (sent by the second approval through the outbox, and by the sweep for any
/// approved list not carried out yet).</summary>
public sealed record VernietigingUitvoeren(Guid LijstId);

/// <summary>Wolverine handler of <see cref="VernietigingUitvoeren"/>: the durable local queue retries it on failure, and it is
/// safe to run twice.</summary>
public static class VernietigingUitvoerenHandler
{
    public static Task Handle(VernietigingUitvoeren bericht, Vernietiger vernietiger, CancellationToken ct) => vernietiger.VoerUitAsync(bericht.LijstId, ct);
}
