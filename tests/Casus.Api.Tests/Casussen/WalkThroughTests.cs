using System.Net;
using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Toegang;

namespace Casus.Api.Tests.Casussen;

/// <summary>A casus carried through all six steps over HTTP, with a back-step, as a coordinator would in Swagger UI.</summary>
public sealed class WalkThroughTests(CasusApi api) : IClassFixture<CasusApi>
{
    private readonly CasusClient _client = api.Client();

    [Fact]
    public async Task A_casus_walks_all_six_steps_with_a_back_step_and_its_history_records_every_event()
    {
        var created = (await _client.As(Personas.Tilburg).Post("/api/v1/casussen", Examples.Signaal())).AssertStatus(HttpStatusCode.Created);
        var id = Guid.Parse(created.Body!["id"]!.GetValue<string>());
        Assert.Equal($"/api/v1/casussen/{id}", created.Message.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", created.ETag);
        Assert.Equal("signaal-ingediend", created.Body["stap"]!.GetValue<string>());

        var etag = created.ETag;
        async Task<string> Step(string segment, object body, string expectedStap, Actor? als = null)
        {
            var r = (await _client.As(als ?? Personas.Coordinator()).Command(id, segment, body, etag)).AssertStatus(HttpStatusCode.OK);
            Assert.Equal(expectedStap, r.Body!["stap"]!.GetValue<string>());
            Assert.Equal($"\"{r.Body["versie"]!.GetValue<long>()}\"", r.ETag);
            etag = r.ETag;
            return etag!;
        }

        await Step("verkenning", Examples.Verkenning, "verkennen");
        await Step("subjecten", Examples.Subject, "verkennen");
        await Step("verkenningsbesluit", Examples.Opnemen, "informatie-delen-en-analyseren");
        await Step("informatieverzoeken", Examples.Verzoek, "informatie-delen-en-analyseren");
        await Step("informatiebijdragen", Examples.Bijdrage(), "informatie-delen-en-analyseren", Personas.Belastingdienst);
        await Step("analyse", Examples.Analyse, "informatie-delen-en-analyseren", Personas.Analist);
        await Step("interventieadviezen", Examples.Advies, "uitvoeren", Personas.Analist);
        await Step("interventies", Examples.Interventie(), "uitvoeren", Personas.Belastingdienst);
        await Step("uitvoeringsafronding", Examples.Afronding, "evalueren");
        await Step("evaluaties", Examples.Evaluatie, "evalueren");
        await Step("terugstappen", Examples.Terug("uitvoeren"), "uitvoeren");
        await Step("interventies", Examples.Interventie(datum: "2026-11-21"), "uitvoeren", Personas.Belastingdienst);
        await Step("uitvoeringsafronding", Examples.Afronding, "evalueren");
        await Step("evaluaties", Examples.Evaluatie, "evalueren");
        await Step("afsluiting", Examples.Afsluiting(), "afgesloten");

        var casus = (await _client.Get($"/api/v1/casussen/{id}")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(16, casus["versie"]!.GetValue<long>());
        Assert.Equal(3, casus["partners"]!.AsArray().Count);
        Assert.Equal(1, casus["informatieverzoeken"]![0]!["beantwoordMet"]!.GetValue<int>());
        Assert.Equal(2, casus["interventies"]!.AsArray().Count);
        Assert.Equal(2, casus["evaluaties"]!.AsArray().Count);
        Assert.Equal("2026-11-22", casus["afsluiting"]!["datum"]!.GetValue<string>());

        var history = await _client.History(id);
        Assert.Equal(
        [
            "SignaalIngediend", "VerkenningGestart", "SubjectToegevoegd", "CasusOpgenomen", "InformatieVerzocht", "InformatieGedeeld",
            "AnalyseVastgelegd", "InterventieadviesUitgebracht", "InterventieGeregistreerd", "UitvoeringAfgerond", "EvaluatieVastgelegd",
            "Teruggestapt", "InterventieGeregistreerd", "UitvoeringAfgerond", "EvaluatieVastgelegd", "CasusAfgesloten",
        ], history.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, 16).Select(v => (long)v), history.Select(e => e!["versie"]!.GetValue<long>()));
        // Event times come from the API's clock (fixed in tests), set on append so the hash chain covers them.
        Assert.All(history, e => Assert.Equal(CasusApi.Now, e!["tijdstip"]!.GetValue<DateTimeOffset>()));
        var terugstap = history[11]!["gegevens"]!;
        Assert.Equal("evalueren", terugstap["van"]!.GetValue<string>());
        Assert.Equal("uitvoeren", terugstap["naar"]!.GetValue<string>());
        Assert.Equal(412000.00m, history[8]!["gegevens"]!["bedragen"]!["opgelegd"]!.GetValue<decimal>());

        var closed = (await _client.Command(id, "evaluaties", Examples.Evaluatie)).AssertStatus(HttpStatusCode.Conflict);
        Assert.Empty(closed.Body!["toegestaneCommandos"]!.AsArray());
        Assert.Equal(16, await _client.Version(id));
    }

    [Fact]
    public async Task Niet_opnemen_closes_the_casus_at_verkennen()
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, new Step("verkenning", Examples.Verkenning, Personas.Coordinator()));
        var closed = (await _client.Command(id, "verkenningsbesluit", new { besluit = "niet-opnemen", reden = "Geen ondermijning." }))
            .AssertStatus(HttpStatusCode.OK);
        Assert.Equal("afgesloten", closed.Body!["stap"]!.GetValue<string>());
        Assert.True(closed.Body["afsluiting"]!["nietOpgenomen"]!.GetValue<bool>());
        Assert.Equal("2026-11-23", closed.Body["afsluiting"]!["datum"]!.GetValue<string>());
    }
}
