using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Api.Tests.Privacy;

/// <summary>Issue 12's acceptance test of destruction: casussen with distinctive subject data and free text are closed, the
/// clock moves past their retention term, the sweep proposes a destruction list, two privacy officers approve it, and then
/// none of those values is anywhere in the database (every column of every table of every schema) or in the application's
/// log, while the hash chains still verify, the figures are unchanged, the history shows the destroyed fields as destroyed
/// with the date, the art. 15 query still lists the processing, and the list is the verklaring van vernietiging.</summary>
public sealed class VernietigingTests(PrivacyApi api) : IClassFixture<PrivacyApi>
{
    private const string Bsn = "772095735";
    private static readonly object Persoon =
        new { soort = "natuurlijk-persoon", voornamen = "Quirijntje", achternaam = "Xylofoonbouwer", geboortedatum = "1937-02-11", bsn = Bsn };
    private static readonly object Bedrijf = new { soort = "rechtspersoon", kvkNummer = "87654329", naam = "Zwavelzuurfabriek Quokka B.V." };
    private static readonly object Pand = new { soort = "object-locatie", postcode = "9999ZX", huisnummer = 4321, omschrijving = "Pakhuis aan de Ulevelstraat" };

    /// <summary>Every subject value and a word of every free-text field of the casussen that are destroyed.</summary>
    private static readonly string[] Waarden =
    [
        "Quirijntje", "Xylofoonbouwer", "1937-02-11", Bsn, "87654329", "Zwavelzuurfabriek", "9999ZX", "Ulevelstraat", "Vlinderdasomschrijving",
        "Motiveringsmarmot", "Vraagvleermuis", "Bijdragebever", "Analyseaalscholver", "Adviesalpaca", "Resultaatreiger", "Toelichtingtapir",
        "Effectekster", "Lessenleeuwerik", "Terugstapteckel", "Afsluitrendier", "Nietopgenomenspecht", "Nietopgenomenredenmees",
    ];

    /// <summary>The user ids of everyone who acts in this test: they must not be in the application's log either.</summary>
    private static readonly string[] Gebruikers = ["c.devries", "a.jansen", "m.tilburg", "m.belasting", "o.bakker", "p.privacy", "p.tweede"];

    private static readonly DateOnly Vandaag = DateOnly.FromDateTime(CasusApi.Now.UtcDateTime);
    private static readonly DateOnly Afgesloten = Vandaag;
    private static readonly DateTimeOffset NaDeTermijn = new(2031, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private const string Vernietigd = "[vernietigd op 2031-11-24]";

    private CasusClient Coordinator => api.Client();

    private async Task<ApiResponse> MetSleutel(Actor als, Guid id, string segment, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/casussen/{id}/{segment}") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return (await api.Client(als).Send(request)).AssertStatus(HttpStatusCode.OK);
    }

    /// <summary>A casus through all six steps, every free text carrying a word of <see cref="Waarden"/>, with three subjects;
    /// some commands with an Idempotency-Key, so their remembered answers (the casus, personal data and all) are stored too.</summary>
    private async Task<Guid> AfgeslotenCasus()
    {
        var c = Coordinator;
        var id = await c.NewCasus(new
        {
            regio = "taskforce-brabant-zeeland", indiener = Examples.Tilburg, datum = "2026-11-02",
            omschrijving = "Vlinderdasomschrijving: hennep in het pakhuis van Xylofoonbouwer.", themas = new object[] { new { soort = "witwassen" } },
        });
        await c.Commands(id, new Step("verkenning", Examples.Verkenning, Personas.Coordinator()));
        await MetSleutel(Personas.Coordinator(), id, "subjecten", Persoon);
        await MetSleutel(Personas.Coordinator(), id, "subjecten", Bedrijf);
        await c.Commands(id,
            new Step("subjecten", Pand, Personas.Coordinator()),
            new Step("verkenningsbesluit", new
            {
                besluit = "opnemen", motivering = "Motiveringsmarmot: Quirijntje Xylofoonbouwer huurt het pand.",
                partners = new[] { Examples.Tilburg, Examples.Politie, Examples.Belastingdienst }, datum = "2026-11-05",
            }, Personas.Coordinator()),
            new Step("informatieverzoeken", new { aanPartnerId = Examples.BelastingdienstId, vraag = "Vraagvleermuis: inkomen van BSN " + Bsn + "?",
                grondslag = "art. 43c AWR" }, Personas.Coordinator()),
            new Step("informatiebijdragen", new { doorPartnerId = Examples.BelastingdienstId, categorie = "fiscaal",
                samenvatting = "Bijdragebever: Zwavelzuurfabriek Quokka B.V. (KvK 87654329) doet geen aangifte.", grondslag = "art. 43c AWR", verzoekNummer = 1 },
                Personas.Belastingdienst),
            new Step("analyse", new { samenvatting = "Analyseaalscholver: witwassen via Pakhuis aan de Ulevelstraat, 9999ZX 4321." }, Personas.Analist),
            new Step("interventieadviezen", new
            {
                interventies = new object[] { new { instrument = "fiscaal", partnerId = Examples.BelastingdienstId, omschrijving = "Adviesalpaca: naheffing Xylofoonbouwer." } },
                datum = Vandaag.ToString("yyyy-MM-dd"),
            }, Personas.Analist),
            new Step("interventies", new
            {
                instrument = "fiscaal", partnerId = Examples.BelastingdienstId, datum = Vandaag.ToString("yyyy-MM-dd"), resultaat = "Resultaatreiger: aanslag aan Quirijntje.",
                bedragen = new { opgelegd = 150000m, beslag = 20000m }, adviesNummer = 1,
            }, Personas.Belastingdienst),
            new Step("uitvoeringsafronding", new { toelichting = "Toelichtingtapir: geboren 1937-02-11." }, Personas.Coordinator()),
            new Step("evaluaties", new { effect = "Effectekster.", lessen = "Lessenleeuwerik." }, Personas.Coordinator()),
            new Step("terugstappen", new { naar = "uitvoeren", reden = "Terugstapteckel: Xylofoonbouwer heeft een tweede pand." }, Personas.Coordinator()),
            new Step("uitvoeringsafronding", new { toelichting = "Toelichtingtapir." }, Personas.Coordinator()),
            new Step("evaluaties", new { effect = "Effectekster.", lessen = "Lessenleeuwerik." }, Personas.Coordinator()));
        await MetSleutel(Personas.Coordinator(), id, "afsluiting", new { reden = "Afsluitrendier: Xylofoonbouwer vertrokken.", datum = Afgesloten.ToString("yyyy-MM-dd") });
        return id;
    }

    private async Task<Guid> NietOpgenomenCasus()
    {
        var c = Coordinator;
        var id = await c.NewCasus(new
        {
            regio = "taskforce-brabant-zeeland", indiener = Examples.Tilburg, datum = "2026-11-03",
            omschrijving = "Nietopgenomenspecht bij Xylofoonbouwer.", themas = new object[] { new { soort = "vastgoed" } },
        });
        await c.Commands(id,
            new Step("verkenning", Examples.Verkenning, Personas.Coordinator()),
            new Step("subjecten", Persoon, Personas.Coordinator()),
            new Step("verkenningsbesluit", new { besluit = "niet-opnemen", reden = "Nietopgenomenredenmees.", datum = "2026-11-06" }, Personas.Coordinator()));
        return id;
    }

    private async Task<Dictionary<string, string>> Cijfers()
    {
        await api.WachtOpProjectiesAsync();
        var c = Coordinator;
        string Zonder(JsonNode body)
        {
            body.AsObject().Remove("actualiteit");
            return body.ToJsonString();
        }
        return new()
        {
            ["jaarcijfers"] = Zonder((await c.Get("/api/v1/jaarcijfers/2026")).AssertStatus(HttpStatusCode.OK).Body!),
            ["riec-overzicht"] = Zonder((await c.Get("/api/v1/regios/taskforce-brabant-zeeland/overzicht")).AssertStatus(HttpStatusCode.OK).Body!),
            ["dashboard-tilburg"] = Zonder((await c.As(Personas.Tilburg).Get($"/api/v1/partners/{Examples.TilburgId}/dashboard")).AssertStatus(HttpStatusCode.OK).Body!),
            ["dashboard-belastingdienst"] = Zonder((await c.As(Personas.Belastingdienst).Get($"/api/v1/partners/{Examples.BelastingdienstId}/dashboard"))
                .AssertStatus(HttpStatusCode.OK).Body!),
        };
    }

    [Fact]
    public async Task After_the_term_an_approved_list_destroys_the_personal_data_everywhere_and_keeps_the_skeleton_the_figures_and_the_accounts()
    {
        api.Clock.Set(CasusApi.Now);
        var auditor = api.Client(Personas.Auditor);
        var afgesloten = await AfgeslotenCasus();
        var nietOpgenomen = await NietOpgenomenCasus();
        var open = await Coordinator.NewCasus(new
        {
            regio = "taskforce-brabant-zeeland", indiener = Examples.Tilburg, datum = "2026-11-04", omschrijving = "Openstaandeotter blijft.",
            themas = new object[] { new { soort = "omg" } },
        });
        // Before: readable to those who may, and the processing of the person is on record.
        Assert.Contains("Xylofoonbouwer", (await Coordinator.Get($"/api/v1/casussen/{afgesloten}")).AssertStatus(HttpStatusCode.OK).Body!.ToJsonString());
        var inzageVoor = (await auditor.Post("/api/v1/verwerkingen/_zoek", new { subject = Persoon })).AssertStatus(HttpStatusCode.OK).Body!["results"]!.AsArray();
        Assert.True(inzageVoor.Count >= 4);

        // Five years after closing, and a day.
        api.Clock.Set(NaDeTermijn);
        var voor = await Cijfers();
        var privacy = api.Client(PrivacyApi.Privacy);
        JsonNode? lijst = null;
        Assert.True(await PrivacyApi.WachtOpAsync(async () =>
        {
            var lijsten = (await privacy.Get("/api/v1/vernietigingslijsten?status=voorgesteld")).AssertStatus(HttpStatusCode.OK).Body!["results"]!.AsArray();
            lijst = lijsten.FirstOrDefault();
            return lijst is not null;
        }), "the sweep proposed no list");
        var lijstId = lijst!["id"]!.GetValue<string>();
        var voorstel = (await privacy.Get($"/api/v1/vernietigingslijsten/{lijstId}")).AssertStatus(HttpStatusCode.OK).Body!;
        var regels = voorstel["casussen"]!.AsArray().ToDictionary(r => Guid.Parse(r!["casusId"]!.GetValue<string>()), r => r!);
        Assert.Equal(new[] { afgesloten, nietOpgenomen }.Order(), regels.Keys.Order());
        Assert.Equal(("casus-afgesloten@2", "60 maanden na afsluiten", Afgesloten.AddMonths(60).ToString("yyyy-MM-dd")),
            (regels[afgesloten]["activiteit"]!.GetValue<string>(), regels[afgesloten]["bewaartermijn"]!.GetValue<string>(),
                regels[afgesloten]["laatsteBewaardag"]!.GetValue<string>()));
        Assert.Equal("casus-verkennen@2", regels[nietOpgenomen]["activiteit"]!.GetValue<string>());
        // Nothing is destroyed on a proposal.
        Assert.Contains("Xylofoonbouwer", (await Coordinator.Get($"/api/v1/casussen/{afgesloten}")).Body!.ToJsonString());

        // Four eyes: the same officer twice is refused; a coordinator may not approve at all.
        Assert.Equal("voorgesteld", (await privacy.Post($"/api/v1/vernietigingslijsten/{lijstId}/akkoorden", new { }))
            .AssertStatus(HttpStatusCode.OK).Body!["status"]!.GetValue<string>());
        Assert.Equal("vernietiging.vier-ogen", (await privacy.Post($"/api/v1/vernietigingslijsten/{lijstId}/akkoorden", new { }))
            .AssertStatus(HttpStatusCode.Conflict).Code);
        Assert.Equal("toegang.rol-ontbreekt", (await Coordinator.Post($"/api/v1/vernietigingslijsten/{lijstId}/akkoorden", new { }))
            .AssertStatus(HttpStatusCode.Forbidden).Code);
        Assert.Equal("goedgekeurd", (await api.Client(PrivacyApi.Privacy2).Post($"/api/v1/vernietigingslijsten/{lijstId}/akkoorden", new { }))
            .AssertStatus(HttpStatusCode.OK).Body!["status"]!.GetValue<string>());

        JsonNode? verklaring = null;
        Assert.True(await PrivacyApi.WachtOpAsync(async () =>
        {
            verklaring = (await auditor.Get($"/api/v1/vernietigingslijsten/{lijstId}")).AssertStatus(HttpStatusCode.OK).Body!;
            return verklaring["status"]!.GetValue<string>() == "uitgevoerd";
        }), "the list was not carried out");

        // The verklaring van vernietiging: which casussen, which terms, who approved, when carried out.
        Assert.Equal(2, verklaring!["vernietigd"]!.GetValue<int>());
        Assert.Empty(verklaring["overgeslagen"]!.AsArray());
        Assert.Equal(["p.privacy", "p.tweede"], verklaring["akkoorden"]!.AsArray().Select(a => a!["gebruikerId"]!.GetValue<string>()));
        Assert.NotNull(verklaring["uitgevoerdOp"]);
        Assert.Equal(2, verklaring["casussen"]!.AsArray().Count);

        // The figures and dashboards are exactly as they were.
        Assert.Equal(voor, await Cijfers());

        foreach (var id in new[] { afgesloten, nietOpgenomen })
        {
            // The chain still holds: the events were never changed, only their keys destroyed.
            Assert.Equal("ok", (await auditor.Get($"/api/v1/casussen/{id}/keten")).AssertStatus(HttpStatusCode.OK).Body!["status"]!.GetValue<string>());
            // State, events, history, differences and dossier show the destroyed fields as destroyed, with the date.
            var casus = (await Coordinator.Get($"/api/v1/casussen/{id}")).AssertStatus(HttpStatusCode.OK).Body!;
            Assert.Equal(Vernietigd, casus["omschrijving"]!.GetValue<string>());
            Assert.Equal("2031-11-24", casus["vernietiging"]!["datum"]!.GetValue<string>());
            Assert.Equal(lijstId, casus["vernietiging"]!["lijstId"]!.GetValue<string>());
            Assert.All(casus["subjecten"]!.AsArray(), s =>
                Assert.Equal(("vernietigd", "2031-11-24"), (s!["subject"]!["soort"]!.GetValue<string>(), s["subject"]!["vernietigdOp"]!.GetValue<string>())));
            var gebeurtenissen = await Coordinator.History(id);
            var laatste = gebeurtenissen[^1]!;
            Assert.Equal("PersoonsgegevensVernietigd", laatste["type"]!.GetValue<string>());
            Assert.Equal(lijstId, laatste["gegevens"]!["lijstId"]!.GetValue<string>());
            Assert.Equal(["subjectgegevens", "vrije-tekst"], laatste["gegevens"]!["categorieen"]!.AsArray().Select(c => c!.GetValue<string>()));
            var versie = gebeurtenissen.Count;
            foreach (var pad in new[] { $"/gebeurtenissen", $"/historie?versie={versie - 1}", $"/verschillen?van=0&tot={versie}", "/dossier" })
            {
                var antwoord = (await (pad == "/gebeurtenissen" ? Coordinator : auditor).Get($"/api/v1/casussen/{id}{pad}")).AssertStatus(HttpStatusCode.OK);
                var tekst = antwoord.Body!.ToJsonString();
                Assert.Contains(Vernietigd, tekst);
                Assert.DoesNotContain(Waarden, w => tekst.Contains(w, StringComparison.OrdinalIgnoreCase));
            }
        }
        var geschiedenis = (await Coordinator.History(afgesloten)).ToJsonString();
        Assert.Contains("\"soort\":\"vernietigd\"", geschiedenis);
        Assert.Contains("\"bedragen\":{\"opgelegd\":150000", geschiedenis);

        // The art. 15 query still finds every processing of the person, and says when the data were destroyed.
        var inzage = (await auditor.Post("/api/v1/verwerkingen/_zoek?pageSize=100", new { subject = Persoon })).AssertStatus(HttpStatusCode.OK).Body!["results"]!.AsArray();
        Assert.True(inzage.Count > inzageVoor.Count);
        var vernietiging = inzage.Where(r => r!["status"]!.GetValue<string>() == "vernietigd").ToList();
        Assert.Equal(new[] { afgesloten, nietOpgenomen }.Order(), vernietiging.Select(r => Guid.Parse(r!["casusId"]!.GetValue<string>())).Order());
        Assert.All(vernietiging, r => Assert.Equal("casus-vernietigen", r!["activiteitId"]!.GetValue<string>()));
        Assert.All(inzage, r => Assert.StartsWith("2031-11-24", r!["gegevensVernietigdOp"]!.GetValue<string>()));

        // The open casus is untouched.
        Assert.Contains("Openstaandeotter", (await Coordinator.Get($"/api/v1/casussen/{open}")).AssertStatus(HttpStatusCode.OK).Body!.ToJsonString());
        Assert.Equal("ok", (await auditor.Get($"/api/v1/casussen/{open}/keten")).Body!["status"]!.GetValue<string>());

        // Replay from the store still works after destruction: a rebuild gives the same state and figures.
        var beheerder = new Actor("beheer", new Organisatie("liec", "LIEC", PartnerType.Riec), new HashSet<RiecRegio>(), true, new HashSet<Rol> { Rol.Beheerder });
        var casusVoor = (await Coordinator.Get($"/api/v1/casussen/{afgesloten}")).Body!.ToJsonString();
        (await api.Client(beheerder).Post("/api/v1/beheer/projecties/_herbouw", new { })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(casusVoor, (await Coordinator.Get($"/api/v1/casussen/{afgesloten}")).Body!.ToJsonString());
        Assert.Equal(voor, await Cijfers());

        // The keys are gone; nothing readable is left anywhere in the database or in the log.
        Assert.Equal([0L], await api.Sql<long>(
            "select count(*) from casus.gegevenssleutels where casus_id = any($1) and (sleutel is not null or kenmerk is not null)", new[] { afgesloten, nietOpgenomen }));
        // The search works: a value that is stored in plain text (a coordinator's name is skeleton) is found, in the events
        // (jsonb) and in a remembered idempotent answer (bytea).
        await MetSleutel(Personas.Coordinator(), open, "verkenning", new { coordinator = "Controlecoordinator" });
        var controle = await api.ZoekOveral(["Controlecoordinator"]);
        Assert.Contains("casus.mt_events: Controlecoordinator", controle);
        Assert.Contains("casus.idempotentie: Controlecoordinator", controle);

        Assert.Empty(await api.ZoekOveral(Waarden));
        var log = api.Log.ToArray();
        Assert.NotEmpty(log);
        Assert.Empty(log.Where(r => Waarden.Concat(Gebruikers).Any(w => r.Contains(w, StringComparison.OrdinalIgnoreCase))).Take(5));
        var fouten = log.Where(r => r.StartsWith("Error Marten", StringComparison.Ordinal)).ToList();
        Assert.True(fouten.Count == 0, string.Join('\n', fouten));
    }

    [Fact]
    public async Task A_concurrency_conflict_is_not_an_error_in_the_log_and_logs_no_user_ids_or_personal_data()
    {
        api.Clock.Set(CasusApi.Now);
        var id = await Coordinator.NewCasus();
        await Coordinator.Commands(id, Examples.ToInformatieDelen);
        using var start = new Barrier(8);
        var antwoorden = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var eigen = api.Client();
            start.SignalAndWait();
            return await eigen.Command(id, "informatieverzoeken",
                new { aanPartnerId = Examples.BelastingdienstId, vraag = $"Vraagvleermuis {i}", grondslag = "art. 43c AWR" });
        })));

        Assert.Contains(antwoorden, a => a.Status == HttpStatusCode.Conflict);
        var log = api.Log.ToArray();
        var fouten = api.Fouten();
        Assert.True(fouten.Count == 0, string.Join('\n', fouten));
        Assert.Contains(log, r => r.StartsWith("Debug Marten: Expected concurrency conflict", StringComparison.Ordinal));
        Assert.DoesNotContain(log, r => r.Contains("c.devries", StringComparison.Ordinal) || r.Contains("Vraagvleermuis", StringComparison.Ordinal));
    }
}
