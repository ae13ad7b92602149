using System.Net;
using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Gedeeld;

namespace Casus.Api.Tests.Casussen;

/// <summary>Six casussen, created once for all list tests: five in Oost-Nederland, one in Limburg in verkennen.</summary>
public sealed class ListData : IAsyncLifetime
{
    public CasusApi Api { get; } = new();
    public List<Guid> OostNederland { get; } = [];

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        var client = Api.Client(Personas.CoordinatorLimburg);
        for (var day = 1; day <= 5; day++)
            OostNederland.Add(await client.NewCasus(Examples.Signaal("oost-nederland", $"2026-10-0{day}")));
        var verkennen = await client.NewCasus(Examples.Signaal("limburg"));
        await client.Commands(verkennen, new Step("verkenning", Examples.Verkenning, Personas.CoordinatorLimburg),
            new Step("subjecten", Examples.Subject, Personas.CoordinatorLimburg));
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

/// <summary>The casus list: filters on step and region, deterministic paging with a cap, no personal data.</summary>
public sealed class ListTests(ListData data) : IClassFixture<ListData>
{
    private readonly CasusClient _client = data.Api.Client(Personas.Coordinator(RiecRegio.OostNederland, RiecRegio.Limburg));
    private readonly List<Guid> _oostNederland = data.OostNederland;

    [Fact]
    public async Task Filters_by_region_and_step_newest_signaal_first()
    {
        var oost = (await _client.Get("/api/v1/casussen?regio=oost-nederland")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(5, oost["count"]!.GetValue<long>());
        Assert.Equal(Enumerable.Reverse(_oostNederland).Select(g => g.ToString()),
            oost["results"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));

        var verkennen = (await _client.Get("/api/v1/casussen?stap=verkennen")).Body!;
        var row = Assert.Single(verkennen["results"]!.AsArray())!;
        Assert.Equal("limburg", row["regio"]!.GetValue<string>());
        Assert.Null(row["subjecten"]);

        var none = (await _client.Get("/api/v1/casussen?stap=verkennen&regio=oost-nederland")).Body!;
        Assert.Equal(0, none["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task Pages_link_to_each_other_in_body_and_link_header()
    {
        var first = await _client.Get("/api/v1/casussen?regio=oost-nederland&pageSize=2");
        Assert.Equal(2, first.Body!["results"]!.AsArray().Count);
        Assert.Null(first.Body["previous"]);
        var next = first.Body["next"]!.GetValue<string>();
        Assert.Equal("/api/v1/casussen?regio=oost-nederland&pageSize=2&page=2", next);
        Assert.Contains($"<{next}>; rel=\"next\"", first.Message.Headers.GetValues("Link").Single());

        var last = (await _client.Get("/api/v1/casussen?regio=oost-nederland&pageSize=2&page=3")).Body!;
        Assert.Equal(_oostNederland[0].ToString(), Assert.Single(last["results"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Null(last["next"]);
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=abc", "page")]
    [InlineData("stap=klaar", "stap")]
    [InlineData("regio=Limburg", "regio")]
    public async Task Invalid_query_values_are_400(string query, string field)
    {
        var response = await _client.Get($"/api/v1/casussen?{query}");
        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal([field], response.InvalidParamNames);
    }
}
