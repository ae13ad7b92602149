using System.Net;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.Casussen;

/// <summary>Real parallel requests on one casus: the stream never holds the effects of two decisions taken on the same state.</summary>
public sealed class ConcurrencyTests(CasusApi api) : IClassFixture<CasusApi>
{
    private const int Racers = 8;

    private async Task<Guid> CasusInInformatieDelen(CasusClient client)
    {
        var id = await client.NewCasus();
        await client.Commands(id, Examples.ToInformatieDelen);
        return id;
    }

    /// <summary>Sends <see cref="Racers"/> information requests at once, each from its own client, released together.</summary>
    private async Task<ApiResponse[]> Race(Guid id, string? ifMatch)
    {
        using var start = new Barrier(Racers);
        return await Task.WhenAll(Enumerable.Range(0, Racers).Select(i => Task.Run(async () =>
        {
            var own = api.Client();
            start.SignalAndWait();
            return await own.Command(id, "informatieverzoeken",
                new { aanPartnerId = Examples.BelastingdienstId, vraag = $"Vraag {i}", grondslag = "art. 43c AWR" }, ifMatch);
        })));
    }

    [Fact]
    public async Task Racing_commands_with_the_same_if_match_exactly_one_succeeds_and_the_others_get_412()
    {
        var client = api.Client();
        var id = await CasusInInformatieDelen(client);
        var version = await client.Version(id);

        var responses = await Race(id, $"\"{version}\"");

        Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r =>
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, r.Status);
            Assert.Equal("casus.versie-verouderd", r.Code);
        });
        Assert.Equal(version + 1, await client.Version(id));
        var casus = (await client.Get($"/api/v1/casussen/{id}")).Body!;
        Assert.Single(casus["informatieverzoeken"]!.AsArray());
        Assert.Equal(version + 1, (await client.History(id)).Count);
    }

    [Fact]
    public async Task Racing_commands_without_if_match_lose_no_update_and_number_requests_uniquely()
    {
        var client = api.Client();
        var id = await CasusInInformatieDelen(client);
        var version = await client.Version(id);

        var responses = await Race(id, ifMatch: null);

        var succeeded = responses.Count(r => r.Status == HttpStatusCode.OK);
        Assert.InRange(succeeded, 1, Racers);
        Assert.All(responses.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal("casus.gelijktijdige-wijziging", r.Code));
        var verzoeken = (await client.Get($"/api/v1/casussen/{id}")).Body!["informatieverzoeken"]!.AsArray();
        Assert.Equal(succeeded, verzoeken.Count);
        Assert.Equal(Enumerable.Range(1, succeeded), verzoeken.Select(v => v!["nummer"]!.GetValue<int>()));
        Assert.Equal(version + succeeded, await client.Version(id));
    }
}
