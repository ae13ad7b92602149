using System.Net;
using Casus.Api.Tests.Infrastructure;
using Npgsql;

namespace Casus.Api.Tests.Beheer;

/// <summary>A rebuild while the system is in use, with the async daemon running as in production (leader election): the
/// overviews stay readable and are never reset, commands go on, nothing is logged as an error, and the result is what a replay
/// gives.</summary>
public sealed class HerbouwTijdensGebruikTests(LogApi api) : IClassFixture<LogApi>
{
    [Fact]
    public async Task A_rebuild_held_up_longer_than_the_daemons_health_check_leaves_the_overviews_live_and_correct()
    {
        var coordinator = api.Client();
        var casussen = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            var id = await coordinator.NewCasus();
            await coordinator.Commands(id, Examples.ToInformatieDelen);
            casussen.Add(id);
        }
        await api.WachtOpOverzichtenAsync();
        // Spoil the progress of every casus, so only the rebuild can set it right again.
        await Sql("update casus.mt_doc_casusvoortgang set data = jsonb_set(data, '{stap}', '\"Verkennen\"')");

        // A slow writer holds the first casus stream for 6.5 s, longer than the daemon's 5 s health check (after which its
        // coordinator restarts a paused shard): the rebuild's batch waits for it.
        await using var traag = new NpgsqlConnection(api.ConnectionString);
        await traag.OpenAsync();
        await using var vast = await traag.BeginTransactionAsync();
        await using (var lok = new NpgsqlCommand("select id from casus.mt_streams where id = $1 for update", traag, vast))
        {
            lok.Parameters.Add(new NpgsqlParameter { Value = casussen[0] });
            await lok.ExecuteNonQueryAsync();
        }
        var herbouw = coordinator.As(Personas.Beheerder).Post("/api/v1/beheer/projecties/_herbouw", new { });
        var klok = System.Diagnostics.Stopwatch.StartNew();
        var klaar = TimeSpan.Zero;
        _ = herbouw.ContinueWith(_ => klaar = klok.Elapsed);

        // Meanwhile new casussen are registered (commands on the batch's own casussen wait for it), and the overviews stay as
        // they were: never reset or emptied.
        var voor = await ActueelTot();
        Assert.True(voor > 0);
        for (var i = 0; i < 2; i++) casussen.Add(await coordinator.NewCasus());
        do
        {
            var dashboard = await Dashboard();
            Assert.True(dashboard["actualiteit"]!["actueelTot"]!.GetValue<long>() >= voor);
            Assert.InRange(dashboard["casussenPerStap"]!.AsArray().Sum(s => s!["aantal"]!.GetValue<int>()), casussen.Count - 2, casussen.Count);
            await Task.Delay(250);
        } while (klok.Elapsed < TimeSpan.FromSeconds(6.5));
        if (herbouw.IsCompleted) Assert.Fail($"the rebuild did not wait for the locked stream: {(await herbouw).Status} {(await herbouw).Body} after {klaar} of {klok.Elapsed}");
        await vast.RollbackAsync();

        var resultaat = (await herbouw).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.InRange(resultaat["casussen"]!.GetValue<int>(), casussen.Count - 2, casussen.Count);
        foreach (var id in casussen.Take(4))
            (await coordinator.Command(id, "informatieverzoeken", Examples.Verzoek)).AssertStatus(HttpStatusCode.OK);
        await api.WachtOpOverzichtenAsync();

        // Every casus's progress has its step back, the new casussen are there, and the requests wait on the partner.
        Assert.Equal(casussen.Count, (await Dashboard())["casussenPerStap"]!.AsArray().Sum(s => s!["aantal"]!.GetValue<int>()));
        Assert.Equal([0L], await api.Sql<long>("select count(*) from casus.mt_doc_casusvoortgang v join casus.mt_doc_integralecasus c on c.id = v.id " +
            "where v.data->>'stap' is distinct from c.data->>'stap'"));
        Assert.Equal([4L], await api.Sql<long>("select count(*) from casus.partner_wachtend where organisatie_id = $1 and soort = 'verzoek'",
            Examples.BelastingdienstId));
        // A second rebuild, with nothing going on, changes nothing: the first one and the daemon left what a replay gives.
        var na = await Overzichten();
        (await coordinator.As(Personas.Beheerder).Post("/api/v1/beheer/projecties/_herbouw", new { })).AssertStatus(HttpStatusCode.OK);
        await api.WachtOpOverzichtenAsync();
        Assert.Equal(na, await Overzichten());

        var fouten = api.Fouten();
        Assert.True(fouten.Count == 0, string.Join('\n', fouten));
    }

    private async Task<long> ActueelTot() => (await Dashboard())["actualiteit"]!["actueelTot"]!.GetValue<long>();

    private async Task<System.Text.Json.Nodes.JsonNode> Dashboard() =>
        (await api.Client(Personas.Tilburg).Get($"/api/v1/partners/{Examples.TilburgId}/dashboard")).AssertStatus(HttpStatusCode.OK).Body!;

    private async Task Sql(string sql)
    {
        await using var database = NpgsqlDataSource.Create(api.ConnectionString);
        await database.CreateCommand(sql).ExecuteNonQueryAsync();
    }

    /// <summary>Every overview row (progress and partner rows), as PostgreSQL's normalised jsonb text, ordered by id.</summary>
    private async Task<List<string>> Overzichten()
    {
        await using var database = NpgsqlDataSource.Create(api.ConnectionString);
        await using var command = database.CreateCommand(
            "select id::text || ' ' || data::text from casus.mt_doc_casusvoortgang union all " +
            "select id || ' ' || data::text from casus.mt_doc_partnercasus order by 1");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
