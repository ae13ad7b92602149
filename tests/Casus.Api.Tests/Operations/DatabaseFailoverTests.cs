using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Casus.Api.Beveiliging;
using Casus.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Xunit.Abstractions;

namespace Casus.Api.Tests.Operations;

/// <summary>PostgreSQL fails over under the running API: primary with a synchronous standby, the API on a multi-host
/// connection string; the primary dies, the standby is promoted, and the API carries on without a restart.</summary>
public sealed class DatabaseFailoverTests(ITestOutputHelper output)
{
    /// <summary>From the promotion until commands succeed again (Npgsql re-checks a host's role every second here).</summary>
    private static readonly TimeSpan MaxHerstel = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task After_the_primary_dies_and_the_standby_is_promoted_the_api_continues_without_restart_and_no_acknowledged_write_is_lost()
    {
        await using var database = await PostgresReplicatie.StartAsync();
        var sleutel = RandomNumberGenerator.GetBytes(32);
        using var api = await ApiProcess.StartAsync("casus-failover", database.MultiHostConnectionString, sleutel);
        var tokens = new DevelopmentTokens(new SymmetricSecurityKey(sleutel), ApiProcess.TokenInstellingen);
        using var tilburg = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(30) };
        tilburg.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Mint(Personas.Tilburg).Token);
        using var coordinator = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(30) };
        coordinator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Mint(Personas.Coordinator()).Token);

        var bevestigd = new ConcurrentDictionary<Guid, int>();
        var gelukt = new ConcurrentBag<TimeSpan>();
        var mislukt = new ConcurrentBag<string>();
        var klok = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        async Task Schrijver()
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var nieuw = await tilburg.PostAsJsonAsync("/api/v1/casussen", Examples.Signaal());
                    if (!nieuw.IsSuccessStatusCode)
                    {
                        mislukt.Add($"signaal {(int)nieuw.StatusCode}");
                        await Task.Delay(50);
                        continue;
                    }

                    gelukt.Add(klok.Elapsed);
                    var id = Guid.Parse(nieuw.Headers.Location!.OriginalString.Split('/')[^1]);
                    bevestigd[id] = Versie(nieuw);
                    using var verkend = await coordinator.PostAsJsonAsync($"/api/v1/casussen/{id}/verkenning", Examples.Verkenning);
                    if (verkend.IsSuccessStatusCode)
                    {
                        gelukt.Add(klok.Elapsed);
                        bevestigd[id] = Versie(verkend);
                    }
                    else mislukt.Add($"verkenning {(int)verkend.StatusCode}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    mislukt.Add(e.GetType().Name);
                }
            }
        }

        var schrijvers = Enumerable.Range(0, 2).Select(_ => Task.Run(Schrijver)).ToList();
        // Writing in earnest before the failure (a busy machine may need a while for the first requests).
        while (bevestigd.Count < 10 && klok.Elapsed < TimeSpan.FromMinutes(1)) await Task.Delay(100);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var voorDeStoring = bevestigd.Count;
        var gestopt = klok.Elapsed;
        await database.StopPrimairAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));   // the API meets a dead primary for a while, as it would before failover
        var gepromoveerd = klok.Elapsed;
        await database.PromoveerStandbyAsync();
        var hersteld = TimeSpan.Zero;
        while (klok.Elapsed - gepromoveerd < MaxHerstel + TimeSpan.FromSeconds(5))
        {
            if (gelukt.Any(t => t > gepromoveerd))
            {
                hersteld = gelukt.Where(t => t > gepromoveerd).Min() - gepromoveerd;
                break;
            }

            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await Task.WhenAll(schrijvers);

        Assert.True(voorDeStoring > 0, "nothing was written before the primary stopped");
        Assert.True(gelukt.Count(t => t > gepromoveerd) > 5, $"only {gelukt.Count(t => t > gepromoveerd)} writes succeeded after the promotion");
        Assert.InRange(hersteld, TimeSpan.FromTicks(1), MaxHerstel);

        // Every acknowledged write is on the promoted standby, the only server left.
        var opgeslagen = new Dictionary<Guid, long>();
        await using (var connection = new NpgsqlConnection(database.ConnectionString(database.StandbyPoort)))
        {
            await connection.OpenAsync();
            await using var versies = new NpgsqlCommand("select id, version from casus.mt_streams where id = any($1)", connection);
            versies.Parameters.Add(new NpgsqlParameter { Value = bevestigd.Keys.ToArray() });
            await using var lezer = await versies.ExecuteReaderAsync();
            while (await lezer.ReadAsync()) opgeslagen[lezer.GetGuid(0)] = lezer.GetInt64(1);
        }
        Assert.All(bevestigd, w => Assert.True(opgeslagen.GetValueOrDefault(w.Key) >= w.Value,
            $"casus {w.Key}: acknowledged version {w.Value}, stored {opgeslagen.GetValueOrDefault(w.Key)}"));

        // The same process, without a restart, is ready again.
        using var probe = new HttpClient { BaseAddress = api.Address };
        Assert.Equal("Healthy", await probe.GetStringAsync("/health/ready"));

        output.WriteLine($"primary stopped (immediate) at {gestopt.TotalSeconds:0.000} s, standby promoted at {gepromoveerd.TotalSeconds:0.000} s; " +
            $"first acknowledged write {hersteld.TotalMilliseconds:0} ms after the promotion; {bevestigd.Count} casussen acknowledged " +
            $"({voorDeStoring} before the stop), none lost; {mislukt.Count} failed meanwhile ({string.Join(", ", mislukt.Distinct())})");
    }

    private static int Versie(HttpResponseMessage antwoord) => int.Parse(antwoord.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
}
