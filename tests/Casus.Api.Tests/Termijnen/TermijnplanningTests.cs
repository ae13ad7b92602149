using System.Net;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.Termijnen;

/// <summary>A command that sets a term schedules the term monitoring through Wolverine's outbox in its own transaction: a
/// committed command leaves exactly one scheduled message, a refused one or one whose commit fails leaves none.</summary>
public sealed class TermijnplanningTests(CasusApi api) : IClassFixture<CasusApi>
{
    private static readonly DateOnly Vandaag = DateOnly.FromDateTime(CasusApi.Now.UtcDateTime);

    /// <summary>The scheduled term messages in the database (this class's database has one casus).</summary>
    private async Task<long> Gepland()
    {
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "select count(*) from casus.wolverine_incoming_envelopes where status = 'Scheduled' and message_type like '%TermijnenBewaken%'",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static object Verzoek(int dagen, int i = 0) => new
    {
        aanPartnerId = Examples.BelastingdienstId, vraag = $"Vraag {i}?", grondslag = "art. 43c AWR",
        antwoordVoor = Vandaag.AddDays(dagen).ToString("yyyy-MM-dd"),
    };

    [Fact]
    public async Task Committed_commands_schedule_when_the_next_term_changes_and_refused_or_failed_ones_schedule_nothing()
    {
        var client = api.Client();
        var id = await client.NewCasus();
        await client.Commands(id, Examples.ToInformatieDelen);
        var voor = await Gepland();

        (await client.Command(id, "informatieverzoeken", Verzoek(-1))).AssertStatus(HttpStatusCode.BadRequest);
        (await client.Command(id, "informatieverzoeken", Verzoek(20), ifMatch: "\"1\"")).AssertStatus(HttpStatusCode.PreconditionFailed);
        (await client.Command(id, "afsluiting", Examples.Afsluiting())).AssertStatus(HttpStatusCode.Conflict);
        Assert.Equal(voor, await Gepland());

        (await client.Command(id, "informatieverzoeken", Verzoek(20))).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(voor + 1, await Gepland());
        (await client.Command(id, "informatieverzoeken", Verzoek(30))).AssertStatus(HttpStatusCode.OK); // next look still day 12
        Assert.Equal(voor + 1, await Gepland());

        // Racing commands without If-Match, all moving the next term (the reminder, 8 days before the last day) from day 12
        // to day 7: the first to commit schedules, the ones deciding on the old state fail at commit (409) and must leave
        // nothing, later ones find day 7 already planned.
        using var start = new Barrier(6);
        var antwoorden = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(async () =>
        {
            var eigen = api.Client();
            start.SignalAndWait();
            return await eigen.Command(id, "informatieverzoeken", Verzoek(15, i));
        })));
        Assert.All(antwoorden, a => Assert.Contains(a.Status, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(antwoorden, a => a.Status == HttpStatusCode.Conflict);
        Assert.Equal(voor + 2, await Gepland());
    }
}
