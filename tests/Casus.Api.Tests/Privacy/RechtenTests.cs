using System.Net;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.Privacy;

/// <summary>Rectification (AVG art. 16) and erasure on request (art. 17), tested as destruction is: readers see what they should,
/// the old or erased values are nowhere in the database or the log, the chain still verifies, the history shows them destroyed,
/// the processing log keeps the record; and erasure is refused, with the reason recorded, where the data must still be kept.</summary>
public sealed class RechtenTests(PrivacyApi api) : IClassFixture<PrivacyApi>
{
    private static readonly DateOnly Vandaag = DateOnly.FromDateTime(CasusApi.Now.UtcDateTime);

    private CasusClient Coordinator => api.Client();

    private static object Persoon(string voornamen, string achternaam, string geboortedatum, string bsn) =>
        new { soort = "natuurlijk-persoon", voornamen, achternaam, geboortedatum, bsn };

    private async Task<Guid> CasusMet(object subject, string tekst)
    {
        var id = await Coordinator.NewCasus(new
        {
            regio = "taskforce-brabant-zeeland", indiener = Examples.Tilburg, datum = "2026-11-02", omschrijving = tekst,
            themas = new object[] { new { soort = "witwassen" } },
        });
        await Coordinator.Commands(id,
            new Step("verkenning", Examples.Verkenning, Personas.Coordinator()),
            new Step("subjecten", Examples.Subject, Personas.Coordinator()),
            new Step("subjecten", subject, Personas.Coordinator()),
            new Step("verkenningsbesluit", Examples.Opnemen, Personas.Coordinator()));
        return id;
    }

    private async Task Afsluiten(Guid id, DateOnly op) =>
        await Coordinator.Commands(id,
            new Step("informatieverzoeken", Examples.Verzoek, Personas.Coordinator()), new Step("informatiebijdragen", Examples.Bijdrage(), Personas.Belastingdienst),
            new Step("analyse", Examples.Analyse, Personas.Analist), new Step("interventieadviezen", Examples.Advies, Personas.Analist),
            new Step("uitvoeringsafronding", Examples.Afronding, Personas.Coordinator()), new Step("evaluaties", Examples.Evaluatie, Personas.Coordinator()),
            new Step("afsluiting", Examples.Afsluiting(op.ToString("yyyy-MM-dd")), Personas.Coordinator()));

    private static string Soort(JsonNode subject) => subject["soort"]!.GetValue<string>();

    [Fact]
    public async Task A_rectified_subject_reads_corrected_and_its_old_value_when_asked_is_destroyed_everywhere_with_the_chain_intact()
    {
        api.Clock.Set(CasusApi.Now);
        var oud = Persoon("Wobbeltje", "Kwispelstaart", "1952-08-30", "993563272");
        var id = await CasusMet(oud, "Omschrijving zonder namen.");
        var juist = Persoon("Wobbeltje", "Kwispelstaartjes", "1952-08-30", "993563272");

        // Refusals first: nothing changes.
        var versie = await Coordinator.Version(id);
        var pad = $"/api/v1/casussen/{id}/subjecten/2/rectificaties";
        Assert.Equal("privacy.subject-onbekend", (await Coordinator.Post($"/api/v1/casussen/{id}/subjecten/9/rectificaties", new { subject = juist, reden = "x" }))
            .AssertStatus(HttpStatusCode.Conflict).Code);
        Assert.Equal("privacy.geen-wijziging", (await Coordinator.Post(pad, new { subject = oud, reden = "x" })).AssertStatus(HttpStatusCode.Conflict).Code);
        Assert.Equal(["reden"], (await Coordinator.Post(pad, new { subject = juist })).AssertStatus(HttpStatusCode.BadRequest).InvalidParamNames);
        Assert.Equal("toegang.rol-ontbreekt", (await api.Client(Personas.Analist).Post(pad, new { subject = juist, reden = "x" }))
            .AssertStatus(HttpStatusCode.Forbidden).Code);
        Assert.Equal("casus.niet-gevonden", (await api.Client(PrivacyApi.Privacy).Post(pad, new { subject = juist, reden = "x" }))
            .AssertStatus(HttpStatusCode.NotFound).Code);
        Assert.Equal(versie, await Coordinator.Version(id));

        var antwoord = (await Coordinator.Post(pad, new { subject = juist, reden = "Achternaam verkeerd overgenomen (verzoek art. 16).", oudeGegevensVernietigen = true }))
            .AssertStatus(HttpStatusCode.OK);

        Assert.Equal(versie + 1, antwoord.Body!["versie"]!.GetValue<long>());
        Assert.Equal($"\"{versie + 1}\"", antwoord.ETag);
        var casus = (await Coordinator.Get($"/api/v1/casussen/{id}")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("Kwispelstaartjes", casus["subjecten"]![1]!["subject"]!["achternaam"]!.GetValue<string>());
        var geschiedenis = await Coordinator.History(id);
        var toegevoegd = geschiedenis.Single(e => e!["type"]!.GetValue<string>() == "SubjectToegevoegd" && e["gegevens"]!["nummer"]!.GetValue<int>() == 2)!;
        Assert.Equal(("vernietigd", Vandaag.ToString("yyyy-MM-dd")),
            (Soort(toegevoegd["gegevens"]!["subject"]!), toegevoegd["gegevens"]!["subject"]!["vernietigdOp"]!.GetValue<string>()));
        var rectificatie = geschiedenis[^1]!;
        Assert.Equal("SubjectGerectificeerd", rectificatie["type"]!.GetValue<string>());
        Assert.Equal("Kwispelstaartjes", rectificatie["gegevens"]!["subject"]!["achternaam"]!.GetValue<string>());
        Assert.Equal("Achternaam verkeerd overgenomen (verzoek art. 16).", rectificatie["gegevens"]!["reden"]!.GetValue<string>());
        var auditor = api.Client(Personas.Auditor);
        Assert.Equal("ok", (await auditor.Get($"/api/v1/casussen/{id}/keten")).Body!["status"]!.GetValue<string>());
        Assert.DoesNotContain("\"Kwispelstaart\"", (await auditor.Get($"/api/v1/casussen/{id}/dossier")).AssertStatus(HttpStatusCode.OK).Body!.ToJsonString());

        // The old value's processing is on record, with its destruction; the new value is processed from now on.
        var oudeInzage = (await auditor.Post("/api/v1/verwerkingen/_zoek", new { subject = oud })).AssertStatus(HttpStatusCode.OK).Body!["results"]!.AsArray();
        Assert.Contains(oudeInzage, r => r!["status"]!.GetValue<string>() == "vernietigd" && r["activiteitId"]!.GetValue<string>() == "casus-rechten-betrokkenen");
        Assert.All(oudeInzage, r => Assert.NotNull(r!["gegevensVernietigdOp"]));
        Assert.NotEmpty((await auditor.Post("/api/v1/verwerkingen/_zoek", new { subject = juist })).Body!["results"]!.AsArray());

        Assert.Empty(await api.ZoekOveral(["Kwispelstaartjes", "Wobbeltje", "993563272", "1952-08-30"]));
        Assert.DoesNotContain(api.Log.ToArray(), r => r.Contains("Kwispelstaart", StringComparison.OrdinalIgnoreCase) || r.Contains("993563272", StringComparison.Ordinal));

        // Without asking, the old value stays (encrypted) in the history until the casus is destroyed.
        var tweede = Persoon("Wobbeltje", "Kwispelstaartjes", "1952-08-31", "993563272");
        (await Coordinator.Post(pad, new { subject = tweede, reden = "Geboortedatum." })).AssertStatus(HttpStatusCode.OK);
        var laatste = (await Coordinator.History(id))[^2]!;
        Assert.Equal("1952-08-30", laatste["gegevens"]!["subject"]!["geboortedatum"]!.GetValue<string>());
    }

    [Fact]
    public async Task Erasure_is_refused_while_the_data_must_be_kept_and_then_erases_the_person_in_every_casus_where_it_may()
    {
        api.Clock.Set(CasusApi.Now);
        var persoon = Persoon("Truusje", "Vlamingvogel", "1961-03-14", "111222333");
        var loopt = await CasusMet(persoon, "Lopende casus.");
        var gesloten = await CasusMet(persoon, "Gesloten casus.");
        await Afsluiten(gesloten, Vandaag);
        var privacy = api.Client(PrivacyApi.Privacy);
        var verzoek = new { subject = persoon, grond = "niet-meer-nodig", kenmerk = "AVG-2026-0017" };

        Assert.Equal("toegang.rol-ontbreekt", (await Coordinator.Post("/api/v1/wisverzoeken", verzoek)).AssertStatus(HttpStatusCode.Forbidden).Code);
        Assert.Equal(["kenmerk"], (await privacy.Post("/api/v1/wisverzoeken", verzoek with { kenmerk = "Truusje Vlamingvogel" }))
            .AssertStatus(HttpStatusCode.BadRequest).InvalidParamNames);

        // Within the bewaarplicht (12 months after closing) and in a running casus: refused, with the reasons, nothing changed.
        var geweigerd = (await privacy.Post("/api/v1/wisverzoeken", verzoek)).AssertStatus(HttpStatusCode.Conflict);
        Assert.Equal("privacy.wissen-geweigerd", geweigerd.Code);
        var redenen = geweigerd.Body!["uitkomsten"]!.AsArray().ToDictionary(u => Guid.Parse(u!["casusId"]!.GetValue<string>()), u => u!);
        Assert.Equal("privacy.casus-loopt", redenen[loopt]["code"]!.GetValue<string>());
        Assert.Equal(("privacy.bewaarplicht", Vandaag.AddMonths(12).ToString("yyyy-MM-dd")),
            (redenen[gesloten]["code"]!.GetValue<string>(), redenen[gesloten]["bewarenTot"]!.GetValue<string>()));
        Assert.Contains("Vlamingvogel", (await Coordinator.Get($"/api/v1/casussen/{gesloten}")).Body!.ToJsonString());
        var audit = (await api.Client(Personas.LandelijkeAuditor).Get("/api/v1/auditrecords?gebruiker=p.privacy")).AssertStatus(HttpStatusCode.OK).Body!["results"]!.AsArray();
        Assert.Contains(audit, r => r!["resultaat"]!.GetValue<int>() == 409 && r["reden"]!.GetValue<string>().Contains("bewaarplicht"));

        // After the bewaarplicht: the closed casus is erased, the running one still refused.
        api.Clock.Set(new DateTimeOffset(Vandaag.AddMonths(12).AddDays(1).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        var afgehandeld = (await privacy.Post("/api/v1/wisverzoeken", verzoek)).AssertStatus(HttpStatusCode.Created).Body!;
        var uitkomsten = afgehandeld["uitkomsten"]!.AsArray().ToDictionary(u => Guid.Parse(u!["casusId"]!.GetValue<string>()), u => u!);
        Assert.Equal("gewist", uitkomsten[gesloten]["uitkomst"]!.GetValue<string>());
        Assert.Equal("geweigerd", uitkomsten[loopt]["uitkomst"]!.GetValue<string>());
        Assert.Equal("AVG-2026-0017", afgehandeld["kenmerk"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{64}$", afgehandeld["subjectPseudoniem"]!.GetValue<string>());
        var verzoekId = afgehandeld["verzoekId"]!.GetValue<string>();
        Assert.Equal(afgehandeld.ToJsonString(), (await api.Client(Personas.Auditor).Get($"/api/v1/wisverzoeken/{verzoekId}")).AssertStatus(HttpStatusCode.OK).Body!.ToJsonString());

        var casus = (await Coordinator.Get($"/api/v1/casussen/{gesloten}")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("vernietigd", Soort(casus["subjecten"]![1]!["subject"]!));
        Assert.Equal("rechtspersoon", Soort(casus["subjecten"]![0]!["subject"]!));
        Assert.DoesNotContain("Vlamingvogel", (await Coordinator.History(gesloten)).ToJsonString());
        Assert.Equal("SubjectGewist", (await Coordinator.History(gesloten))[^1]!["type"]!.GetValue<string>());
        Assert.Contains("Vlamingvogel", (await Coordinator.Get($"/api/v1/casussen/{loopt}")).Body!.ToJsonString());
        var auditor = api.Client(Personas.Auditor);
        Assert.Equal("ok", (await auditor.Get($"/api/v1/casussen/{gesloten}/keten")).Body!["status"]!.GetValue<string>());
        var inzage = (await auditor.Post("/api/v1/verwerkingen/_zoek?pageSize=100", new { subject = persoon })).Body!["results"]!.AsArray();
        Assert.Contains(inzage, r => r!["status"]!.GetValue<string>() == "gewist" && r["casusId"]!.GetValue<string>() == gesloten.ToString());
        Assert.All(inzage.Where(r => r!["casusId"]!.GetValue<string>() == loopt.ToString()), r => Assert.Null(r!["gegevensVernietigdOp"]));

        // Unlawfully processed: erased at once, also in the running casus; then nothing of the person is left anywhere.
        (await privacy.Post("/api/v1/wisverzoeken", verzoek with { grond = "onrechtmatig", kenmerk = "AVG-2026-0018" })).AssertStatus(HttpStatusCode.Created);
        Assert.Equal("vernietigd", Soort((await Coordinator.Get($"/api/v1/casussen/{loopt}")).Body!["subjecten"]![1]!["subject"]!));
        Assert.Equal("ok", (await auditor.Get($"/api/v1/casussen/{loopt}/keten")).Body!["status"]!.GetValue<string>());
        Assert.Empty(await api.ZoekOveral(["Truusje", "Vlamingvogel", "1961-03-14", "111222333"]));
        Assert.DoesNotContain(api.Log.ToArray(), r => r.Contains("Vlamingvogel", StringComparison.OrdinalIgnoreCase) || r.Contains("111222333", StringComparison.Ordinal));
        // The casus goes on with its other subject.
        (await Coordinator.Command(loopt, "informatieverzoeken", Examples.Verzoek)).AssertStatus(HttpStatusCode.OK);
    }
}
