using System.Net;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Gedeeld;

namespace Casus.Api.Tests.Casussen;

/// <summary>Registration as the regions do it: several sources per casus, a casus without a theme, ondermijningsbeelden and
/// the casussen that came from them, the region's own reference, the LIEC as an organisation type, and the plausibility
/// bounds of dates and amounts (in the OpenAPI schema and enforced with 400 naming the field).</summary>
public sealed class RegistratieTests(CasusApi api) : IClassFixture<CasusApi>
{
    private readonly CasusClient _client = api.Client();

    private static JsonObject Signaal(string regio = "taskforce-brabant-zeeland") =>
        System.Text.Json.JsonSerializer.SerializeToNode(Examples.Signaal(regio))!.AsObject();

    private static readonly object PolitieLandelijk = new { id = "00000001003214345999", naam = "Politie Landelijke Eenheid", type = "politie" };

    [Fact]
    public async Task A_casus_has_several_sources_the_submitter_first_each_once()
    {
        var signaal = Signaal();
        signaal["bronnen"] = JsonSerializer(new[] { Examples.Politie, Examples.Belastingdienst, Examples.Politie, Examples.Tilburg });

        var casus = (await _client.As(Personas.Tilburg).Post("/api/v1/casussen", signaal)).AssertStatus(HttpStatusCode.Created).Body!;

        Assert.Equal(Examples.TilburgId, casus["indiener"]!["id"]!.GetValue<string>());
        Assert.Equal([Examples.PolitieId, Examples.BelastingdienstId], casus["bronnen"]!.AsArray().Select(b => b!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_casus_may_be_registered_without_a_theme()
    {
        var signaal = Signaal();
        signaal.Remove("themas");
        var zonder = (await _client.As(Personas.Tilburg).Post("/api/v1/casussen", signaal)).AssertStatus(HttpStatusCode.Created).Body!;
        signaal["themas"] = new JsonArray();
        var leeg = (await _client.As(Personas.Tilburg).Post("/api/v1/casussen", signaal)).AssertStatus(HttpStatusCode.Created).Body!;

        Assert.Empty(zonder["themas"]!.AsArray());
        Assert.Empty(leeg["themas"]!.AsArray());
    }

    [Fact]
    public async Task The_regions_own_reference_identifies_one_casus_in_the_region()
    {
        var signaal = Signaal();
        signaal["referentie"] = "TBZ-2026-0001";
        var eerste = (await _client.As(Personas.Tilburg).Post("/api/v1/casussen", signaal)).AssertStatus(HttpStatusCode.Created).Body!;
        Assert.Equal("TBZ-2026-0001", eerste["referentie"]!.GetValue<string>());

        var tweede = (await _client.As(Personas.Tilburg).Post("/api/v1/casussen", signaal)).AssertStatus(HttpStatusCode.Conflict);
        Assert.Equal("casus.referentie-bestaat", tweede.Code);
        Assert.Equal(eerste["id"]!.GetValue<string>(), tweede.Body!["casusId"]!.GetValue<string>());

        var elders = Signaal("limburg");
        elders["referentie"] = "TBZ-2026-0001";
        (await _client.As(Personas.Tilburg).Post("/api/v1/casussen", elders)).AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_ondermijningsbeeld_is_registered_by_the_regions_coordinator_and_a_signaal_names_the_one_it_came_from()
    {
        var pad = "/api/v1/regios/taskforce-brabant-zeeland/ondermijningsbeelden";
        var beeld = (await _client.Post(pad, new { titel = "Ondermijningsbeeld bedrijventerreinen", opgeleverdOp = "2026-10-01", referentie = "OB-1" }))
            .AssertStatus(HttpStatusCode.Created);
        var beeldId = beeld.Body!["id"]!.GetValue<string>();
        Assert.Equal($"{pad}/{beeldId}", beeld.Message.Headers.Location!.OriginalString);
        Assert.Equal("2026-10-01", (await _client.Get($"{pad}/{beeldId}")).AssertStatus(HttpStatusCode.OK).Body!["opgeleverdOp"]!.GetValue<string>());
        Assert.Contains(beeldId, (await _client.As(Personas.Auditor).Get(pad)).AssertStatus(HttpStatusCode.OK).Body!["results"]!.AsArray()
            .Select(b => b!["id"]!.GetValue<string>()));
        var nogmaals = (await _client.Post(pad, new { titel = "Ander", opgeleverdOp = "2026-10-02", referentie = "OB-1" })).AssertStatus(HttpStatusCode.Conflict);
        Assert.Equal("ondermijningsbeeld.referentie-bestaat", nogmaals.Code);
        var toekomst = (await _client.Post(pad, new { titel = "Later", opgeleverdOp = "2026-12-01" })).AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal(["opgeleverdOp"], toekomst.InvalidParamNames);
        Assert.Equal("ondermijningsbeeld.niet-gevonden",
            (await _client.As(Personas.CoordinatorLimburg).Get($"/api/v1/regios/limburg/ondermijningsbeelden/{beeldId}")).AssertStatus(HttpStatusCode.NotFound).Code);
        Assert.Equal("regio.niet-gevonden", (await _client.Get("/api/v1/regios/atlantis/ondermijningsbeelden")).AssertStatus(HttpStatusCode.NotFound).Code);

        var signaal = Signaal();
        signaal["ondermijningsbeeldId"] = beeldId;
        var casus = (await _client.As(Personas.Tilburg).Post("/api/v1/casussen", signaal)).AssertStatus(HttpStatusCode.Created).Body!;
        Assert.Equal(beeldId, casus["ondermijningsbeeldId"]!.GetValue<string>());
        Assert.True(casus["uitOndermijningsbeeld"]!.GetValue<bool>());

        var elders = Signaal("limburg");
        elders["ondermijningsbeeldId"] = beeldId;
        var onbekend = (await _client.As(Personas.Tilburg).Post("/api/v1/casussen", elders)).AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal(["ondermijningsbeeldId"], onbekend.InvalidParamNames);
    }

    [Theory]
    [InlineData("0001-01-01", "te-vroeg")]
    [InlineData("1999-12-31", "te-vroeg")]
    [InlineData("2026-11-24", "in-future")]
    public async Task An_implausible_signaal_date_is_refused_naming_the_field(string datum, string code)
    {
        var signaal = Signaal();
        signaal["datum"] = datum;

        var response = (await _client.As(Personas.Tilburg).Post("/api/v1/casussen", signaal)).AssertStatus(HttpStatusCode.BadRequest);

        Assert.Equal(["datum"], response.InvalidParamNames);
        Assert.Equal(code, response.Body!["invalidParams"]![0]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("0001-01-01", "te-vroeg")]
    [InlineData("1899-12-31", "te-vroeg")]
    [InlineData("2026-11-24", "in-future")]
    [InlineData("1900-01-01", null)]
    public async Task An_implausible_date_of_birth_is_refused_naming_the_field(string geboortedatum, string? code)
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, new Step("verkenning", Examples.Verkenning, Personas.Coordinator()));

        var response = await _client.Command(id, "subjecten", new { soort = "natuurlijk-persoon", voornamen = "Jan", achternaam = "Jansen", geboortedatum });

        if (code is null) response.AssertStatus(HttpStatusCode.OK);
        else
        {
            Assert.Equal(["geboortedatum"], response.AssertStatus(HttpStatusCode.BadRequest).InvalidParamNames);
            Assert.Equal(code, response.Body!["invalidParams"]![0]!["code"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("1e20", "te-groot")]
    [InlineData("1000000000.01", "te-groot")]
    [InlineData("-1", "invalid")]
    [InlineData("0.001", "invalid")]
    [InlineData("1000000000.00", null)]
    public async Task An_implausible_amount_is_refused_naming_the_field(string bedrag, string? code)
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, [.. Examples.ToInformatieDelen, .. Examples.ToUitvoeren]);
        var body = System.Text.Json.JsonSerializer.SerializeToNode(Examples.Interventie())!.AsObject();
        body["bedragen"]!["opgelegd"] = JsonNode.Parse(bedrag);

        var response = await _client.As(Personas.Belastingdienst).PostRaw($"/api/v1/casussen/{id}/interventies", body.ToJsonString());

        if (code is null)
        {
            Assert.Equal(1_000_000_000.00m, response.AssertStatus(HttpStatusCode.OK).Body!["interventies"]![0]!["bedragen"]!["opgelegd"]!.GetValue<decimal>());
            return;
        }
        Assert.Equal(["bedragen.opgelegd"], response.AssertStatus(HttpStatusCode.BadRequest).InvalidParamNames);
        Assert.Equal(code, response.Body!["invalidParams"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_bounds_are_in_the_openapi_schema()
    {
        var schemas = (await _client.Get("/api/v1/openapi.json")).AssertStatus(HttpStatusCode.OK).Body!["components"]!["schemas"]!;

        foreach (var bedrag in new[] { "opgelegd", "geindOfVerrekend", "beslag" })
        {
            var schema = schemas["Bedragen"]!["properties"]![bedrag]!;
            Assert.Equal((0m, 1_000_000_000m), (schema["minimum"]!.GetValue<decimal>(), schema["maximum"]!.GetValue<decimal>()));
        }
        // Every business date of a request (of a casus, a beeld, a bestuurlijk signaal): format date, its earliest day, the window in words.
        var verzoeken = schemas.AsObject().Where(s => s.Key.EndsWith("Request", StringComparison.Ordinal)).ToList();
        var datums = verzoeken.SelectMany(s => (s.Value!["properties"]?.AsObject() ?? []).Where(p => p.Key is "datum" or "opgeleverdOp")
            .Select(p => (Schema: s.Key, Veld: p.Value!))).ToList();
        string[] casus =
        [
            "SignaalIndienenRequest", "VerkenningStartenRequest", "VerkenningsbesluitRequest", "PartnerRequest", "InformatieverzoekRequest",
            "InformatiebijdrageRequest", "AnalyseRequest", "InterventieadviesRequest", "InterventieRequest", "UitvoeringsafrondingRequest",
            "EvaluatieRequest", "TerugstapRequest", "AfsluitingRequest", "OndermijningsbeeldRequest",
        ];
        Assert.All(casus, s => Assert.Contains(datums, d => d.Schema == s));
        Assert.All(datums, d =>
        {
            Assert.Equal("date", d.Veld["format"]!.GetValue<string>());
            Assert.Equal("2000-01-01", d.Veld["formatMinimum"]!.GetValue<string>());
            Assert.Contains("niet in de toekomst", d.Veld["description"]!.GetValue<string>());
        });
        Assert.Equal("1900-01-01", schemas["SubjectRequest"]!["properties"]!["geboortedatum"]!["formatMinimum"]!.GetValue<string>());
        Assert.Contains("liec", schemas["PartnerType"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task The_liec_is_an_organisation_type_of_its_own()
    {
        var signaal = Signaal();
        signaal["bronnen"] = JsonSerializer(new[] { new { id = "liec", naam = "LIEC", type = "liec" } });

        var casus = (await _client.As(Personas.Tilburg).Post("/api/v1/casussen", signaal)).AssertStatus(HttpStatusCode.Created).Body!;

        Assert.Equal("liec", casus["bronnen"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(PartnerType.Liec, Personas.Liec.Organisatie.Type);
        (await _client.As(Personas.Liec).Get("/api/v1/jaarcijfers/2026")).AssertStatus(HttpStatusCode.OK);
    }

    /// <summary>The jaarcijfers of Rotterdam (which only this test uses): sources counted per organisation (the RIEC itself is
    /// none), casussen without a theme and without a source counted as such, the ondermijningsbeelden delivered in the year
    /// (row 1) and a casus that came from one (row 2a); amounts in the CSV with two decimals.</summary>
    [Fact]
    public async Task The_jaarcijfers_count_every_source_the_casussen_without_theme_or_source_and_the_ondermijningsbeelden()
    {
        var coordinator = _client.As(Personas.Coordinator(RiecRegio.Rotterdam));
        var rotterdam = new { id = "riec-rotterdam", naam = "RIEC Rotterdam", type = "riec" };
        var beeld = (await coordinator.Post("/api/v1/regios/rotterdam/ondermijningsbeelden", new { titel = "Haven", opgeleverdOp = "2026-03-01" }))
            .AssertStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<string>();
        (await coordinator.Post("/api/v1/regios/rotterdam/ondermijningsbeelden", new { titel = "Vorig jaar", opgeleverdOp = "2025-06-01" }))
            .AssertStatus(HttpStatusCode.Created);

        async Task Opgenomen(JsonObject signaal, Casus.Domain.Toegang.Actor als)
        {
            var id = Guid.Parse((await _client.As(als).Post("/api/v1/casussen", signaal)).AssertStatus(HttpStatusCode.Created).Body!["id"]!.GetValue<string>());
            await _client.Commands(id, new Step("verkenning", Examples.Verkenning, Personas.Coordinator(RiecRegio.Rotterdam)),
                new Step("verkenningsbesluit", Examples.Opnemen, Personas.Coordinator(RiecRegio.Rotterdam)));
        }
        // Tilburg with the police twice (two organisations) and the Belastingdienst: four sources in one casus.
        var vierBronnen = Signaal("rotterdam");
        vierBronnen["bronnen"] = JsonSerializer(new[] { Examples.Politie, PolitieLandelijk, Examples.Belastingdienst });
        await Opgenomen(vierBronnen, Personas.Tilburg);
        // The RIEC itself, from the ondermijningsbeeld, without a theme.
        var uitBeeld = Signaal("rotterdam");
        uitBeeld["indiener"] = JsonSerializer(rotterdam);
        uitBeeld["ondermijningsbeeldId"] = beeld;
        uitBeeld.Remove("themas");
        var riec = Personas.Coordinator(RiecRegio.Rotterdam) with { Organisatie = new Organisatie("riec-rotterdam", "RIEC Rotterdam", PartnerType.Riec) };
        await Opgenomen(uitBeeld, riec);
        // The RIEC itself, no beeld: no source at all.
        var zonderBron = Signaal("rotterdam");
        zonderBron["indiener"] = JsonSerializer(rotterdam);
        await Opgenomen(zonderBron, riec);
        await api.WachtOpOverzichtenAsync();

        var cijfers = (await _client.As(Personas.Liec).Get("/api/v1/jaarcijfers/2026")).AssertStatus(HttpStatusCode.OK).Body!["regios"]!.AsArray()
            .Single(r => r!["regio"]!.GetValue<string>() == "rotterdam")!["tabel1"]!;
        Assert.Equal(
            (3, 1, 1, 0, 2, 1, 0, 1, 1, 1),
            (cijfers["behandeld"]!.GetValue<int>(), cijfers["uitOndermijningsbeelden"]!.GetValue<int>(), cijfers["doorGemeenten"]!.GetValue<int>(),
             cijfers["doorOpenbaarMinisterie"]!.GetValue<int>(), cijfers["doorPolitie"]!.GetValue<int>(), cijfers["doorBelastingdienst"]!.GetValue<int>(),
             cijfers["doorOverigePartners"]!.GetValue<int>(), cijfers["zonderBron"]!.GetValue<int>(), cijfers["zonderThema"]!.GetValue<int>(),
             cijfers["opgeleverdeOndermijningsbeelden"]!.GetValue<int>()));
        Assert.Equal(2, cijfers["hennepteeltEnDrugs"]!.GetValue<int>());
        Assert.Equal(2, cijfers["regionaleThemas"]!.GetValue<int>());

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jaarcijfers/2026");
        request.Headers.Accept.ParseAdd("text/csv");
        var csv = await (await _client.As(Personas.Liec).Send(request)).AssertStatus(HttpStatusCode.OK).Message.Content.ReadAsStringAsync();
        var regels = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var kolommen = regels[0].Split(',').ToList();
        var rij = regels.Single(r => r.StartsWith("rotterdam,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("0.00", rij[kolommen.IndexOf("opgelegd")]);
        Assert.Equal("1", rij[kolommen.IndexOf("zonderBron")]);
        Assert.Equal("1", rij[kolommen.IndexOf("opgeleverdeOndermijningsbeelden")]);
    }

    private static JsonNode JsonSerializer(object waarde) => System.Text.Json.JsonSerializer.SerializeToNode(waarde)!;
}
