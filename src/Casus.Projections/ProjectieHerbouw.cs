using System.Diagnostics;
using Casus.Domain.Casussen;
using Casus.Projections.Casussen;
using Casus.Projections.Overzichten;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;

namespace Casus.Projections;

/// <summary>What a rebuild did: how many events and casus streams, and how long it took.</summary>
public sealed record Herbouwresultaat(long Gebeurtenissen, int Casussen, TimeSpan Duur);

/// <summary>Rebuilds every projection from the event store, in bulk and in place: one pass that reads the events of many
/// casus streams per query (<see cref="StromenPerPartij"/>) and rewrites their casus documents, casus progress and partner
/// dashboard rows per batch, with the projections' own code (<see cref="CasusProjectie"/>, <see cref="CasusVoortgang.Na"/>,
/// <see cref="PartnerCasus.Van"/>), so the result equals live projection. Nothing is paused or cleared, and it works the
/// same on any instance, whichever one runs the async daemon:
/// <list type="bullet">
/// <item>Commands keep working. A batch locks its streams (<c>for share</c> on their <c>mt_streams</c> rows) for the
/// moment it reads and writes them: a command on one of them waits at its commit until the batch is written (a fraction of a
/// second), and is then projected on top of the rebuilt document.</item>
/// <item>The overviews (async) stay readable throughout. A batch locks the daemon's progress mark of the overviews
/// (<c>for update</c>: the daemon updates that row first in each of its transactions, so the two take their locks in the same
/// order and never deadlock), and writes each overview row as the events up to that mark make it: exactly the state the
/// daemon goes on from. Meanwhile the daemon's next batch waits at its first statement, for a fraction of a second.</item>
/// <item>One window remains: a casus that gets a new event while its batch is rewritten may be updated by the daemon from the
/// row it read just before, until its next event or the next rebuild.</item>
/// </list>
/// Bestuurlijke signalen, ondermijningsbeelden and destruction lists (few) are rebuilt stream by stream.</summary>
public static class ProjectieHerbouw
{
    /// <summary>Streams per batch: one query for their events, one transaction for their documents.</summary>
    public const int StromenPerPartij = 1_000;

    private static readonly string Shard = $"{CasusStore.Overzichten}:All";

    public static async Task<Herbouwresultaat> HerbouwAllesAsync(IDocumentStore store, NpgsqlDataSource database, CancellationToken ct)
    {
        var klok = Stopwatch.StartNew();
        // Every event with personal data is decrypted when read: load all data keys at once instead of casus by casus.
        await Persoonsgegevens.Sleutelring.Van(store).LaadAllesAsync(ct);
        await Overzichttabellen.ZorgVoorSchemaAsync(database, ct);
        await ZorgVoorVoortgangAsync(database, ct);

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
            async (partij, token) => await HerbouwPartij(store, database, projectie, partij, token));
        foreach (var id in signalen) await store.Advanced.RebuildSingleStreamAsync<Domain.BestuurlijkeSignalen.BestuurlijkSignaal>(id, ct);
        foreach (var id in lijsten) await store.Advanced.RebuildSingleStreamAsync<Domain.Privacy.Vernietigingslijst>(id, ct);
        foreach (var id in beelden) await store.Advanced.RebuildSingleStreamAsync<Domain.Ondermijningsbeelden.Ondermijningsbeeld>(id, ct);
        await VerwijderWezenAsync(database, ct);

        await using var tel = database.CreateCommand($"select count(*) from {CasusStore.Schema}.mt_events");
        var gebeurtenissen = Convert.ToInt64(await tel.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return new Herbouwresultaat(gebeurtenissen, streams.Count, klok.Elapsed);
    }

    /// <summary>When the daemon never recorded progress for the overviews (it never ran here), the rebuild sets their mark at
    /// the highest event below which every event is committed (the daemon's high-water mark, else the highest sequence), so
    /// the overviews it writes say how current they are and a daemon started later goes on from there.</summary>
    private static async Task ZorgVoorVoortgangAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            insert into {CasusStore.Schema}.mt_event_progression (name, last_seq_id, last_updated)
            select $1, coalesce((select last_seq_id from {CasusStore.Schema}.mt_event_progression where name = 'HighWaterMark'),
                                (select max(seq_id) from {CasusStore.Schema}.mt_events), 0), now()
            where not exists (select 1 from {CasusStore.Schema}.mt_event_progression where name like $2)
            on conflict (name) do nothing
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Shard });
        command.Parameters.Add(new NpgsqlParameter { Value = CasusStore.Overzichten + ":%" });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Locks the overviews' progress mark in <paramref name="transaction"/> and returns it: the sequence up to which
    /// the overviews hold every event.</summary>
    private static async Task<long> VergrendelVoortgangAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"select coalesce(min(last_seq_id), 0) from (select last_seq_id from {CasusStore.Schema}.mt_event_progression where name like $1 for update) p",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = CasusStore.Overzichten + ":%" });
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Overview rows of casussen that have no stream (any more): gone after a rebuild, as after a replay.</summary>
    private static async Task VerwijderWezenAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await VergrendelVoortgangAsync(connection, transaction, ct);
        await using (var command = new NpgsqlCommand($"""
            delete from {CasusVoortgang.Tabel} v where not exists (select 1 from {CasusStore.Schema}.mt_streams s where s.id = v.id);
            delete from {CasusStore.Schema}.mt_doc_partnercasus p
              where not exists (select 1 from {CasusVoortgang.Tabel} v where v.id::text = right(p.id, 36));
            """, connection, transaction))
            await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>One batch of casus streams in one transaction: lock the streams, read all their events in one query, lock
    /// the overviews' progress mark, fold the events with the projections' code, write the documents (the overview rows as
    /// of that mark, and no other partner rows for these casussen).</summary>
    private static async Task HerbouwPartij(IDocumentStore store, NpgsqlDataSource database, CasusProjectie projectie, Guid[] partij,
        CancellationToken ct)
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
        var voortgangTot = await VergrendelVoortgangAsync(connection, transaction, ct);
        var zonderVoortgang = new List<Guid>();
        var partnerrijen = new List<string>();
        foreach (var stroom in events.GroupBy(e => e.StreamId))
        {
            IntegraleCasus? casus = null;
            CasusVoortgang? voortgang = null;
            foreach (var e in stroom.OrderBy(e => e.Version))
            {
                casus = projectie.Evolve(casus, stroom.Key, e);
                if (e.Sequence <= voortgangTot && e.Data is ICasusGebeurtenis gebeurtenis)
                    voortgang = CasusVoortgang.Na(voortgang, gebeurtenis, e.Timestamp, e.GetHeader(EventHeaders.Organisatie)?.ToString());
            }
            if (casus is not null) session.Store(casus);
            if (voortgang is null)
            {
                zonderVoortgang.Add(stroom.Key);
                continue;
            }
            session.Store(voortgang);
            foreach (var betrokkene in voortgang.Betrokkenen)
            {
                var rij = PartnerCasus.Van(voortgang, betrokkene.OrganisatieId);
                partnerrijen.Add(rij.Id);
                session.Store(rij);
            }
        }
        await using (var opruimen = new NpgsqlBatch(connection, transaction))
        {
            opruimen.BatchCommands.Add(new NpgsqlBatchCommand($"delete from {CasusVoortgang.Tabel} where id = any($1)")
                { Parameters = { new NpgsqlParameter { Value = zonderVoortgang.ToArray() } } });
            opruimen.BatchCommands.Add(new NpgsqlBatchCommand($"delete from {CasusStore.Schema}.mt_doc_partnercasus where right(id, 36) = any($1) and id <> all($2)")
                { Parameters = { new NpgsqlParameter { Value = partij.Select(id => id.ToString()).ToArray() }, new NpgsqlParameter { Value = partnerrijen.ToArray() } } });
            await opruimen.ExecuteNonQueryAsync(ct);
        }
        await session.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
