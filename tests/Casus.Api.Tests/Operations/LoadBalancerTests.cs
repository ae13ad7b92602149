using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Casus.Api.Beveiliging;
using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Toegang;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Xunit.Abstractions;

namespace Casus.Api.Tests.Operations;

/// <summary>Two API processes on one database behind a real nginx; the one running the projections is killed with kill -9
/// while partners keep writing through nginx.</summary>
public sealed class LoadBalancerTests(ITestOutputHelper output)
{
    /// <summary>The documented bound (docs/operations.md): from the kill until every request is answered by the other
    /// instance again. Measured well under a second here; the bound leaves room for a slow CI machine.</summary>
    private static readonly TimeSpan MaxFailover = TimeSpan.FromSeconds(5);

    /// <summary>From the kill until the other instance holds the leadership lock, and from the last write until the
    /// projections processed it (both about a second here).</summary>
    private static readonly TimeSpan MaxProjectieOvername = TimeSpan.FromSeconds(30);

    private sealed record Verzoek(TimeSpan Start, TimeSpan Einde, bool Gelukt, string Wat);

    [NginxFact]
    public async Task Killing_the_projecting_instance_loses_no_acknowledged_write_and_requests_and_projections_move_to_the_other()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        var sleutel = RandomNumberGenerator.GetBytes(32);
        using var a = await ApiProcess.StartAsync("casus-a", connectionString, sleutel);
        using var b = await ApiProcess.StartAsync("casus-b", connectionString, sleutel);
        using var nginx = await Nginx.StartAsync([a.Port, b.Port]);
        var tokens = new DevelopmentTokens(new SymmetricSecurityKey(sleutel), ApiProcess.TokenInstellingen);
        HttpClient Als(Actor actor) => new()
        {
            BaseAddress = nginx.Address,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", tokens.Mint(actor).Token) },
        };
        using var tilburg = Als(Personas.Tilburg);
        using var coordinator = Als(Personas.Coordinator());
        await using var database = NpgsqlDataSource.Create(connectionString);

        // The leader: the instance that holds the daemon's leadership lock (the only advisory lock held for long).
        var leiderSloten = (await WachtTot(database, TimeSpan.FromSeconds(30), s => s.Count == 1, "one instance leads")).Single();
        var (slachtoffer, overlever) = leiderSloten.Key == a.Naam ? (a, b) : (b, a);

        // Partners keep writing through nginx: a new casus, then its verkenning. Every 2xx is remembered with its version.
        var bevestigd = new ConcurrentDictionary<Guid, int>();
        var verzoeken = new ConcurrentBag<Verzoek>();
        var klok = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        async Task<HttpResponseMessage?> Stuur(HttpClient client, string wat, string pad, object body)
        {
            var start = klok.Elapsed;
            try
            {
                var antwoord = await client.PostAsJsonAsync(pad, body);
                verzoeken.Add(new Verzoek(start, klok.Elapsed, antwoord.IsSuccessStatusCode, $"{wat}: {(int)antwoord.StatusCode}"));
                return antwoord.IsSuccessStatusCode ? antwoord : null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                verzoeken.Add(new Verzoek(start, klok.Elapsed, false, $"{wat}: {e.GetType().Name}"));
                return null;
            }
        }

        async Task Schrijver()
        {
            while (!stop.IsCancellationRequested)
            {
                if (await Stuur(tilburg, "signaal", "/api/v1/casussen", Examples.Signaal()) is not { } nieuw) continue;
                var id = Guid.Parse(nieuw.Headers.Location!.OriginalString.Split('/')[^1]);
                bevestigd[id] = Versie(nieuw);
                if (await Stuur(coordinator, "verkenning", $"/api/v1/casussen/{id}/verkenning", Examples.Verkenning) is { } verkend)
                    bevestigd[id] = Versie(verkend);
            }
        }

        var schrijvers = Enumerable.Range(0, 4).Select(_ => Task.Run(Schrijver)).ToList();
        // Writing in earnest before the kill (a busy machine may need a while for the first requests).
        while (bevestigd.Count < 20 && klok.Elapsed < TimeSpan.FromMinutes(1)) await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var gedood = klok.Elapsed;
        slachtoffer.KillHard();
        var overname = Task.Run(async () =>
        {
            await WachtTot(database, MaxProjectieOvername, s => leiderSloten.All(s[overlever.Naam].Contains), $"{overlever.Naam} takes over the leadership");
            return klok.Elapsed - gedood;
        });
        await Task.Delay(TimeSpan.FromSeconds(6));
        await stop.CancelAsync();
        await Task.WhenAll(schrijvers);
        var gestopt = klok.Elapsed;

        // Requests: only those in flight at the kill, or sent within the bound after it, failed; writes kept being
        // acknowledged after it.
        var mislukt = verzoeken.Where(v => !v.Gelukt).ToList();
        Assert.All(mislukt, v => Assert.True(v.Einde >= gedood && v.Start < gedood + MaxFailover,
            $"{v.Wat} failed: sent at {v.Start.TotalSeconds:0.000} s, answered at {v.Einde.TotalSeconds:0.000} s; kill at {gedood.TotalSeconds:0.000} s"));
        var failover = mislukt.Count == 0 ? TimeSpan.Zero : mislukt.Max(v => v.Einde) - gedood;
        var naDeKill = verzoeken.Where(v => v.Start > gedood).ToList();
        Assert.True(naDeKill.Count(v => v.Gelukt) > 20, $"only {naDeKill.Count(v => v.Gelukt)} acknowledged writes after the kill");
        var traagsteNaDeKill = naDeKill.Where(v => v.Gelukt).Max(v => v.Einde - v.Start);

        // No acknowledged write lost: every casus is there with at least the acknowledged version.
        var opgeslagen = new Dictionary<Guid, long>();
        await using (var versies = database.CreateCommand("select id, version from casus.mt_streams where id = any($1)"))
        {
            versies.Parameters.Add(new NpgsqlParameter { Value = bevestigd.Keys.ToArray() });
            await using var lezer = await versies.ExecuteReaderAsync();
            while (await lezer.ReadAsync()) opgeslagen[lezer.GetGuid(0)] = lezer.GetInt64(1);
        }
        Assert.All(bevestigd, w => Assert.True(opgeslagen.GetValueOrDefault(w.Key) >= w.Value,
            $"casus {w.Key}: acknowledged version {w.Value}, stored {opgeslagen.GetValueOrDefault(w.Key)}"));

        // Projections keep advancing: the surviving instance took over, and the region's overview (through nginx) reaches
        // every event written, also those after the kill, and counts every acknowledged casus.
        var overnametijd = await overname;
        await using var laatste = database.CreateCommand("select max(seq_id) from casus.mt_events");
        var laatsteGebeurtenis = (long)(await laatste.ExecuteScalarAsync())!;
        JsonNode overzicht;
        do
        {
            overzicht = (await coordinator.GetFromJsonAsync<JsonNode>("/api/v1/regios/taskforce-brabant-zeeland/overzicht"))!;
            if (overzicht["actualiteit"]!["actueelTot"]!.GetValue<long>() >= laatsteGebeurtenis) break;
            await Task.Delay(100);
        } while (klok.Elapsed - gestopt < MaxProjectieOvername);
        var actueel = klok.Elapsed - gestopt;
        Assert.True(overzicht["actualiteit"]!["actueelTot"]!.GetValue<long>() >= laatsteGebeurtenis,
            $"projections at {overzicht["actualiteit"]} {actueel.TotalSeconds:0.0} s after the last write; last event {laatsteGebeurtenis}");
        Assert.True(overzicht["perStap"]!.AsArray().Sum(s => s!["aantal"]!.GetValue<int>()) >= bevestigd.Count);

        output.WriteLine($"killed {slachtoffer.Naam} (projection leader) at {gedood.TotalSeconds:0.000} s with kill -9; " +
            $"{verzoeken.Count} writes, {bevestigd.Count} casussen acknowledged, none lost; {mislukt.Count} failed " +
            $"({string.Join(", ", mislukt.Select(v => v.Wat).Distinct())}); failover: last failure answered {failover.TotalMilliseconds:0} ms " +
            $"after the kill, slowest acknowledged write started after it {traagsteNaDeKill.TotalMilliseconds:0} ms; " +
            $"{overlever.Naam} took the projection lock {overnametijd.TotalMilliseconds:0} ms after the kill; overview current " +
            $"(event {laatsteGebeurtenis}) {actueel.TotalMilliseconds:0} ms after the last write");
        Assert.True(failover < MaxFailover);
    }

    private static int Versie(HttpResponseMessage antwoord) => int.Parse(antwoord.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The advisory locks held in the database, per holder's <c>application_name</c>: the async daemon's
    /// leadership lock (DistributedLock derives its key from a name) and any other leadership lock.</summary>
    private static async Task<ILookup<string, long>> Sloten(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("""
            select a.application_name, l.classid::bigint << 32 | l.objid::bigint
            from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.datname = current_database() and a.application_name like 'casus-%'
            """);
        var sloten = new List<(string Houder, long Sleutel)>();
        await using var lezer = await command.ExecuteReaderAsync();
        while (await lezer.ReadAsync()) sloten.Add((lezer.GetString(0), lezer.GetInt64(1)));
        return sloten.ToLookup(s => s.Houder, s => s.Sleutel);
    }

    /// <summary>Waits until the locks held satisfy <paramref name="moet"/>, and returns them.</summary>
    private static async Task<ILookup<string, long>> WachtTot(NpgsqlDataSource database, TimeSpan binnen, Func<ILookup<string, long>, bool> moet, string wat)
    {
        var klok = Stopwatch.StartNew();
        var sloten = await Sloten(database);
        while (!moet(sloten))
        {
            if (klok.Elapsed > binnen)
                throw new TimeoutException($"{wat}: not within {binnen}; advisory locks: {string.Join(", ", sloten.SelectMany(g => g.Select(k => $"{g.Key}:{k}")))}");
            await Task.Delay(50);
            sloten = await Sloten(database);
        }

        return sloten;
    }
}
