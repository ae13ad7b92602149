using System.Diagnostics;
using Casus.Domain.Casussen;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;

namespace Casus.Projections;

/// <summary>What a rebuild did: how many events and casus streams, and how long each part took.</summary>
public sealed record Herbouwresultaat(long Gebeurtenissen, int Casussen, TimeSpan Overzichten, TimeSpan CasusDocumenten);

/// <summary>Rebuilds every projection from the event store. The async overviews are torn down and replayed by the daemon
/// (their answers say how far they are meanwhile). The casus documents, which commands decide on, are rebuilt stream by
/// stream, each replaced in one statement, so the API keeps working during the rebuild.</summary>
public static class ProjectieHerbouw
{
    public static async Task<Herbouwresultaat> HerbouwAllesAsync(IDocumentStore store, IProjectionDaemon daemon, NpgsqlDataSource database,
        CancellationToken ct)
    {
        var klok = Stopwatch.StartNew();
        // Every event with personal data is decrypted when read: load all data keys at once instead of casus by casus.
        await Persoonsgegevens.Sleutelring.Van(store).LaadAllesAsync(ct);
        await daemon.RebuildProjectionAsync(CasusStore.Overzichten, ct);
        var overzichten = klok.Elapsed;

        klok.Restart();
        // Each stream by the kind its first event says: a casus, a bestuurlijk signaal or a destruction list (other streams,
        // such as chain checks and erasure requests, have no document).
        var naamgeving = store.Options.Events.EventNamingStyle;
        var casusStart = typeof(SignaalIngediend).GetEventTypeName(naamgeving);
        var signaalStart = typeof(Domain.BestuurlijkeSignalen.SignaalOpgesteld).GetEventTypeName(naamgeving);
        var lijstStart = typeof(Domain.Privacy.VernietigingslijstOpgesteld).GetEventTypeName(naamgeving);
        var streams = new List<Guid>();
        var signalen = new List<Guid>();
        var lijsten = new List<Guid>();
        await using (var command = database.CreateCommand($"select stream_id, type from {CasusStore.Schema}.mt_events where version = 1 and type = any($1)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = new[] { casusStart, signaalStart, lijstStart } });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                (reader.GetString(1) == casusStart ? streams : reader.GetString(1) == signaalStart ? signalen : lijsten).Add(reader.GetGuid(0));
        }
        await Parallel.ForEachAsync(streams, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (id, token) => await store.Advanced.RebuildSingleStreamAsync<IntegraleCasus>(id, token));
        foreach (var id in signalen) await store.Advanced.RebuildSingleStreamAsync<Domain.BestuurlijkeSignalen.BestuurlijkSignaal>(id, ct);
        foreach (var id in lijsten) await store.Advanced.RebuildSingleStreamAsync<Domain.Privacy.Vernietigingslijst>(id, ct);
        var casusDocumenten = klok.Elapsed;

        await using var tel = database.CreateCommand($"select count(*) from {CasusStore.Schema}.mt_events");
        var gebeurtenissen = Convert.ToInt64(await tel.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return new Herbouwresultaat(gebeurtenissen, streams.Count, overzichten, casusDocumenten);
    }
}
