using System.Net;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.Toegang;

/// <summary>Two casussen in a database of their own. A: Taskforce Brabant-Zeeland, submitted by Tilburg, taken up with
/// Tilburg, Politie and Belastingdienst. B: Limburg, submitted by Gemeente Maastricht staff, not taken up (the Limburg
/// coordinator started the verkenning and added the same legal entity as subject, so both casussen process it).</summary>
public sealed class LijstToegangData : IAsyncLifetime
{
    public CasusApi Api { get; } = new();
    public Guid A { get; private set; }
    public Guid B { get; private set; }

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        var client = Api.Client();
        A = await client.NewCasus();
        await client.Commands(A, Examples.ToInformatieDelen);
        var b = (await client.As(Personas.Maastricht).Post("/api/v1/casussen", Wie.Signaal(Wie.MaastrichtOrganisatie, "limburg")))
            .AssertStatus(HttpStatusCode.Created);
        B = Guid.Parse(b.Body!["id"]!.GetValue<string>());
        await client.Commands(B, new Step("verkenning", Examples.Verkenning, Personas.CoordinatorLimburg),
            new Step("subjecten", Examples.Subject, Personas.CoordinatorLimburg));
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

/// <summary>Lists leak nothing: each persona finds exactly the casussen it may see (and the count says so, also when
/// filtering on another region), and regional auditors find only their region's audit and processing records.</summary>
public sealed class LijstToegangTests(LijstToegangData data) : IClassFixture<LijstToegangData>
{
    /// <summary>Exactly the casussen each persona finds in GET /api/v1/casussen (the LIEC gets 403, anonymous 401: see
    /// <see cref="LeesToegangTests"/>; checked here too).</summary>
    public static TheoryData<string, string> Zichtbaar => new()
    {
        { "coord", "A" },
        { "coordL", "B" },
        { "analist", "A" },
        { "tilburg", "A" },
        { "belast", "A" },
        { "politie", "A" },
        { "maastr", "B" },
        { "auditor", "A" },
        { "auditL", "B" },
        { "landel", "A B" },
    };

    private readonly CasusClient _client = data.Api.Client();

    private string Id(string naam) => (naam == "A" ? data.A : data.B).ToString();

    [Theory]
    [MemberData(nameof(Zichtbaar))]
    public async Task The_list_holds_exactly_the_casussen_the_persona_may_see(string persona, string casussen)
    {
        var client = _client.As(Wie.Actor(persona));
        var expected = casussen.Split(' ').Select(Id).Order().ToList();

        var page = (await client.Get("/api/v1/casussen?pageSize=100")).AssertStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(expected, page["results"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).Order());
        Assert.Equal(expected.Count, page["count"]!.GetValue<long>());
        Assert.All(page["results"]!.AsArray(), r => Assert.Null(r!["subjecten"]));

        // Filters narrow what the persona may see; they never widen it.
        foreach (var (regio, casus) in new[] { ("taskforce-brabant-zeeland", "A"), ("limburg", "B") })
        {
            var filtered = (await client.Get($"/api/v1/casussen?regio={regio}")).AssertStatus(HttpStatusCode.OK).Body!;
            var inRegio = expected.Where(e => e == Id(casus)).ToList();
            Assert.Equal(inRegio, filtered["results"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
            Assert.Equal(inRegio.Count, filtered["count"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task The_liec_gets_no_list_and_anonymous_gets_401()
    {
        var liec = (await _client.As(Personas.Liec).Get("/api/v1/casussen")).AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("toegang.rol-ontbreekt", liec.Code);
        Assert.Null(liec.Body!["results"]);
        var anonymous = (await _client.As(null).Get("/api/v1/casussen")).AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Equal("toegang.niet-aangemeld", anonymous.Code);
    }

    [Fact]
    public async Task A_regional_auditor_finds_only_audit_records_of_its_region()
    {
        var tbz = await Records(Personas.Auditor, "/api/v1/auditrecords");
        var limburg = await Records(Personas.AuditorLimburg, "/api/v1/auditrecords");
        var landelijk = await Records(Personas.LandelijkeAuditor, "/api/v1/auditrecords");

        Assert.Contains(tbz, r => CasusId(r) == data.A.ToString());
        Assert.All(tbz, r => Assert.Equal("taskforce-brabant-zeeland", r["regio"]!.GetValue<string>()));
        Assert.DoesNotContain(tbz, r => CasusId(r) == data.B.ToString());

        Assert.Contains(limburg, r => CasusId(r) == data.B.ToString());
        Assert.All(limburg, r => Assert.Equal("limburg", r["regio"]!.GetValue<string>()));
        Assert.DoesNotContain(limburg, r => CasusId(r) == data.A.ToString());

        Assert.Contains(landelijk, r => CasusId(r) == data.A.ToString());
        Assert.Contains(landelijk, r => CasusId(r) == data.B.ToString());
    }

    [Fact]
    public async Task A_regional_auditor_finds_only_processings_of_its_region()
    {
        var tbz = await Records(Personas.Auditor, "/api/v1/verwerkingen/_zoek", LeesToegangTests.ZoekBody);
        var limburg = await Records(Personas.AuditorLimburg, "/api/v1/verwerkingen/_zoek", LeesToegangTests.ZoekBody);
        var landelijk = await Records(Personas.LandelijkeAuditor, "/api/v1/verwerkingen/_zoek", LeesToegangTests.ZoekBody);

        Assert.NotEmpty(tbz);
        Assert.All(tbz, r => Assert.Equal(data.A.ToString(), CasusId(r)));
        Assert.NotEmpty(limburg);
        Assert.All(limburg, r => Assert.Equal(data.B.ToString(), CasusId(r)));
        Assert.Equal(
            tbz.Concat(limburg).Select(r => r["traceId"]!.GetValue<string>()).Order(),
            landelijk.Select(r => r["traceId"]!.GetValue<string>()).Order());
    }

    private async Task<List<JsonNode>> Records(Domain.Toegang.Actor auditor, string pad, object? body = null) =>
        await Toegangstabel.AllePaginas(_client.As(auditor), pad, body);

    private static string? CasusId(JsonNode record) => record["casusId"]?.GetValue<string>();
}
