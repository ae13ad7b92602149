using System.Net;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.Casussen;

/// <summary>Every refusal answers problem+json with a clear code, and leaves the stream exactly as it was.</summary>
public sealed class RefusalTests(CasusApi api) : IClassFixture<CasusApi>
{
    private readonly CasusClient _client = api.Client();

    private static void AssertProblem(ApiResponse response, HttpStatusCode status, string code)
    {
        response.AssertStatus(status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(code, response.Code);
        Assert.Equal((int)status, response.Body!["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(response.Body["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(response.Body["detail"]?.GetValue<string>()));
    }

    [Fact]
    public async Task A_command_not_allowed_in_the_current_step_is_409_naming_the_step_and_the_allowed_commands()
    {
        var id = await _client.NewCasus();
        var response = await _client.Command(id, "afsluiting", Examples.Afsluiting());

        AssertProblem(response, HttpStatusCode.Conflict, "casus.stap-niet-toegestaan");
        Assert.Equal("signaal-ingediend", response.Body!["huidigeStap"]!.GetValue<string>());
        var allowed = Assert.Single(response.Body["toegestaneCommandos"]!.AsArray());
        Assert.Equal("verkenning-starten", allowed!["commando"]!.GetValue<string>());
        Assert.Equal($"/api/v1/casussen/{id}/verkenning", allowed["pad"]!.GetValue<string>());
        Assert.Contains("signaal-ingediend", response.Body["detail"]!.GetValue<string>());
        Assert.Equal(1, await _client.Version(id));
    }

    [Fact]
    public async Task A_domain_rule_refusal_is_409_with_the_rule_code_and_appends_nothing()
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, Examples.ToInformatieDelen);
        var before = await _client.Version(id);

        var response = await _client.Command(id, "informatieverzoeken",
            new { aanPartnerId = "00000000000000000099", vraag = "?", grondslag = "art. 20 Wpg" });

        AssertProblem(response, HttpStatusCode.Conflict, "casus.partner-niet-aangesloten");
        Assert.Equal(before, await _client.Version(id));
    }

    [Fact]
    public async Task Missing_and_invalid_fields_are_400_listing_every_one_and_create_nothing()
    {
        var before = (await _client.Get("/api/v1/casussen")).Body!["count"]!.GetValue<long>();
        var response = await _client.Post("/api/v1/casussen", new
        {
            indiener = new { id = "", type = "gemeente" },
            datum = "2026-12-01",
            themas = new object[] { new { soort = "regionaal" }, new { soort = "witwassen", naam = "x" } },
        });

        AssertProblem(response, HttpStatusCode.BadRequest, "ongeldige-invoer");
        Assert.Equal(
            ["datum", "indiener.id", "indiener.naam", "omschrijving", "regio", "themas[0].naam", "themas[1].naam"],
            response.InvalidParamNames);
        Assert.Equal(before, (await _client.Get("/api/v1/casussen")).Body!["count"]!.GetValue<long>());
    }

    [Fact]
    public async Task Invalid_fields_of_a_command_are_400_and_leave_the_stream_unchanged()
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, Examples.ToInformatieDelen);
        var before = await _client.Version(id);

        var subject = await _client.Command(id, "subjecten",
            new { soort = "natuurlijk-persoon", achternaam = "Jansen", bsn = "123456789", kvkNummer = "12345678" });
        AssertProblem(subject, HttpStatusCode.BadRequest, "ongeldige-invoer");
        Assert.Equal(["bsn", "geboortedatum", "kvkNummer", "voornamen"], subject.InvalidParamNames);

        var bedragen = await _client.As(Personas.Belastingdienst).Command(id, "interventies", new
        {
            instrument = "fiscaal", partnerId = Examples.BelastingdienstId, datum = "2026-11-20", resultaat = "x",
            bedragen = new { opgelegd = -1m, beslag = 10.001m },
        });
        Assert.Equal(["bedragen.beslag", "bedragen.opgelegd"], bedragen.InvalidParamNames);
        Assert.Equal(before, await _client.Version(id));
    }

    [Theory]
    [InlineData("{\"regio\": ", "regio")]
    [InlineData("[1, 2]", "body")]
    [InlineData("{\"regio\": \"atlantis\"}", "regio")]
    [InlineData("{\"regio\": 3}", "regio")]
    [InlineData("{\"datum\": \"gisteren\"}", "datum")]
    [InlineData("{\"themas\": \"witwassen\"}", "themas")]
    [InlineData("", "body")]
    public async Task Malformed_json_is_400_naming_the_field(string body, string field)
    {
        var response = await _client.PostRaw("/api/v1/casussen", body);
        AssertProblem(response, HttpStatusCode.BadRequest, "ongeldige-json");
        Assert.Equal([field], response.InvalidParamNames);
    }

    [Fact]
    public async Task An_unknown_enum_value_lists_the_allowed_values_also_when_nested()
    {
        var response = await _client.PostRaw("/api/v1/casussen", "{\"regio\": \"atlantis\"}");
        var reason = response.Body!["invalidParams"]![0]!["reason"]!.GetValue<string>();
        Assert.Contains("taskforce-brabant-zeeland", reason);
        Assert.Contains("caribisch-nederland", reason);

        var nested = await _client.PostRaw("/api/v1/casussen", "{\"themas\": [{\"soort\": \"witwassen\"}, {\"soort\": \"fraude\"}]}");
        Assert.Equal(["themas[1].soort"], nested.InvalidParamNames);
        Assert.Contains("mensenhandel-en-mensensmokkel", nested.Body!["invalidParams"]![0]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_casus_is_404_for_reads_and_commands()
    {
        var unknown = Guid.NewGuid();
        AssertProblem(await _client.Get($"/api/v1/casussen/{unknown}"), HttpStatusCode.NotFound, "casus.niet-gevonden");
        AssertProblem(await _client.Get($"/api/v1/casussen/{unknown}/gebeurtenissen"), HttpStatusCode.NotFound, "casus.niet-gevonden");
        AssertProblem(await _client.Command(unknown, "verkenning", Examples.Verkenning, "\"1\""), HttpStatusCode.NotFound, "casus.niet-gevonden");
        var notAGuid = await _client.Get("/api/v1/casussen/123");
        notAGuid.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", notAGuid.ContentType);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_appends_nothing_while_the_current_one_succeeds()
    {
        var id = await _client.NewCasus();
        var stale = await _client.Command(id, "verkenning", Examples.Verkenning, "\"7\"");
        AssertProblem(stale, HttpStatusCode.PreconditionFailed, "casus.versie-verouderd");
        Assert.Equal(1, stale.Body!["huidigeVersie"]!.GetValue<long>());
        Assert.Equal(1, await _client.Version(id));

        (await _client.Command(id, "verkenning", Examples.Verkenning, "\"1\"")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(2, await _client.Version(id));
    }

    [Fact]
    public async Task Get_with_the_current_etag_in_if_none_match_is_304()
    {
        var id = await _client.NewCasus();
        var response = await _client.Send(HttpMethod.Get, $"/api/v1/casussen/{id}", null, null, ifNoneMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.NotModified, response.Status);
    }

    [Fact]
    public async Task Every_response_carries_api_version_and_trailing_slashes_are_404()
    {
        var ok = await _client.Get("/api/v1/casussen");
        var error = await _client.Get("/api/v1/casussen/");
        var unknownPath = await _client.Get("/api/v1/onbekend");
        foreach (var r in new[] { ok, error, unknownPath })
            Assert.Equal("1.0.0", Assert.Single(r.Message.Headers.GetValues("API-Version")));
        AssertProblem(error, HttpStatusCode.NotFound, "pad-met-slash");
        Assert.Equal("application/problem+json", unknownPath.AssertStatus(HttpStatusCode.NotFound).ContentType);
    }
}
