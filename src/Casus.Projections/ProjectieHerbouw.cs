using System.Diagnostics;
using Casus.Domain.Casussen;
using Casus.Projections.Casussen;
using Casus.Projections.Overzichten;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Services;
using Npgsql;

namespace Casus.Projections;

/// <summary>What a rebuild did: how many events and casus streams, and how long each part took. <see cref="Overzichten"/>:
/// pausing the overviews and clearing them; <see cref="CasusDocumenten"/>: the one pass over the events that rebuilds the
/// casus documents and the overviews together.</summary>
public sealed record Herbouwresultaat(long Gebeurtenissen, int Casussen, TimeSpan Overzichten, TimeSpan CasusDocumenten);

/// <summary>Rebuilds every projection from the event store, in bulk: one pass that reads the events of many casus streams
/// per query (<see cref="StromenPerPartij"/>) and writes their casus documents, casus progress and partner dashboard rows
/// per batch, with the projections' own code (<see cref="CasusProjectie"/>, <see cref="CasusVoortgang.Na"/>,
/// <see cref="PartnerCasus.Van"/>), so the result equals live projection.
/// <list type="bullet">
/// <item>Commands keep working. A batch locks its streams (<c>for share</c> on their <c>mt_streams</c> rows) for the
/// moment it reads and writes them: a command on one of them waits at its commit until the batch is written (a fraction of a
/// second), and is then projected on top of the rebuilt document.</item>
/// <item>The overviews (async) are paused and cleared at the start, and rebuilt up to the event the daemon had safely
/// reached (its high-water mark); then the daemon resumes from there. Meanwhile they are incomplete, and say so in
/// <c>actualiteit</c> (current up to event 0): the short, documented unavailability of the read models.</item>
/// </list>
/// Bestuurlijke signalen (few) are rebuilt stream by stream.</summary>
public static class ProjectieHerbouw
{
    /// <summary>Streams per batch: one query for their events, one transaction for their documents.</summary>
    public const int StromenPerPartij = 1_000;

    private static readonly string Shard = $"{CasusStore.Overzichten}:All";

    public static async Task<Herbouwresultaat> HerbouwAllesAsync(IDocumentStore store, IProjectionDaemon daemon, NpgsqlDataSource database,
        CancellationToken ct)
    {
        var klok = Stopwatch.StartNew();
        // Every event with personal data is decrypted when read: load all data keys at once instead of casus by casus.
        await Persoonsgegevens.Sleutelring.Van(store).LaadAllesAsync(ct);
        await PartnerWachtrij.ZorgVoorSchemaAsync(database, ct);
        // Pause the overviews and clear them; remember up to where every event is safely committed.
        var liep = daemon.IsRunning;
        await daemon.PauseShardAsync(CasusStore.Overzichten, null, ct);
        var plafond = await Plafond(database, ct);
        await using (var leeg = database.CreateCommand($"""
            delete from {CasusStore.Schema}.mt_doc_partnercasus;
            delete from {CasusStore.Schema}.mt_doc_casusvoortgang;
            update {CasusStore.Schema}.mt_event_progression set last_seq_id = 0, last_updated = now() where name like '{CasusStore.Overzichten}:%';
            """))
            await leeg.ExecuteNonQueryAsync(ct);
        var overzichten = klok.Elapsed;

        klok.Restart();
        // Each stream by the kind its first event says: a casus, a bestuurlijk signaal or a destruction list (other streams,
        // such as chain checks and erasure requests, have no document).
        var naamgeving = store.Options.Events.EventNamingStyle;
        var casusStart = typeof(SignaalIngediend).GetEventTypeName(naamgeving);
        var signaalStart = typeof(Domain.BestuurlijkeSignalen.SignaalOpgesteld).GetEventTypeName(naamgeving);
        var lijstStart = typeof(Domain.Privacy.VernietigingslijstOpgesteld).GetEventTypeName(naamgeving);
        var beeldStart = typeof(Domain.Ondermijningsbeelden.OndermijningsbeeldGeregistreerd).GetEventTypeName(naamgeving);
        var streams = new List<Guid>();
        var signalen = new List<Guid>();
        var beelden = new List<Guid>();
        var lijsten = new List<Guid>();
        await using (var command = database.CreateCommand($"select stream_id, type from {CasusStore.Schema}.mt_events where version = 1 and type = any($1) order by seq_id"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = new[] { casusStart, signaalStart, beeldStart, lijstStart } });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var type = reader.GetString(1);
                (type == casusStart ? streams : type == signaalStart ? signalen : type == beeldStart ? beelden : lijsten).Add(reader.GetGuid(0));
            }
        }
        var projectie = ((DocumentStore)store).Options.Projections.All.OfType<CasusProjectie>().Single();
        await Parallel.ForEachAsync(streams.Chunk(StromenPerPartij), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct },
            async (partij, token) => await HerbouwPartij(store, database, projectie, partij, plafond, token));
        foreach (var id in signalen) await store.Advanced.RebuildSingleStreamAsync<Domain.BestuurlijkeSignalen.BestuurlijkSignaal>(id, ct);
        foreach (var id in lijsten) await store.Advanced.RebuildSingleStreamAsync<Domain.Privacy.Vernietigingslijst>(id, ct);
        foreach (var id in beelden) await store.Advanced.RebuildSingleStreamAsync<Domain.Ondermijningsbeelden.Ondermijningsbeeld>(id, ct);

        // The overviews now hold every event up to the ceiling: the daemon goes on from there.
        await using (var markeer = database.CreateCommand(
            $"insert into {CasusStore.Schema}.mt_event_progression (name, last_seq_id, last_updated) values ($1, $2, now()) " +
            "on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = excluded.last_updated"))
        {
            markeer.Parameters.Add(new NpgsqlParameter { Value = Shard });
            markeer.Parameters.Add(new NpgsqlParameter { Value = plafond });
            await markeer.ExecuteNonQueryAsync(ct);
        }
        if (liep) await daemon.StartAgentAsync(Shard, ct);
        var casusDocumenten = klok.Elapsed;

        await using var tel = database.CreateCommand($"select count(*) from {CasusStore.Schema}.mt_events");
        var gebeurtenissen = Convert.ToInt64(await tel.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return new Herbouwresultaat(gebeurtenissen, streams.Count, overzichten, casusDocumenten);
    }

    /// <summary>The highest event sequence below which every event is committed: the daemon's high-water mark when it keeps
    /// one, else (no daemon ever ran) the highest sequence.</summary>
    private static async Task<long> Plafond(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select coalesce((select last_seq_id from {CasusStore.Schema}.mt_event_progression where name = 'HighWaterMark'),
                            (select max(seq_id) from {CasusStore.Schema}.mt_events), 0)
            """);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One batch of casus streams in one transaction: lock the streams, read all their events in one query, fold
    /// them with the projections' code, write the documents.</summary>
    private static async Task HerbouwPartij(IDocumentStore store, NpgsqlDataSource database, CasusProjectie projectie, Guid[] partij,
        long plafond, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var lok = new NpgsqlCommand($"select id from {CasusStore.Schema}.mt_streams where id = any($1) order by id for share", connection, transaction))
        {
            lok.Parameters.Add(new NpgsqlParameter { Value = partij });
            await lok.ExecuteNonQueryAsync(ct);
        }
        await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
        var events = await session.Events.QueryAllRawEvents().Where(e => partij.Contains(e.StreamId)).ToListAsync(ct);
        foreach (var stroom in events.GroupBy(e => e.StreamId))
        {
            IntegraleCasus? casus = null;
            CasusVoortgang? voortgang = null;
            foreach (var e in stroom.OrderBy(e => e.Version))
            {
                casus = projectie.Evolve(casus, stroom.Key, e);
                if (e.Sequence <= plafond && e.Data is ICasusGebeurtenis gebeurtenis)
                    voortgang = CasusVoortgang.Na(voortgang, gebeurtenis, e.Timestamp, e.GetHeader(EventHeaders.Organisatie)?.ToString());
            }
            if (casus is not null) session.Store(casus);
            if (voortgang is null) continue;
            session.Store(voortgang);
            foreach (var betrokkene in voortgang.Betrokkenen) session.Store(PartnerCasus.Van(voortgang, betrokkene.OrganisatieId));
        }
        await session.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
