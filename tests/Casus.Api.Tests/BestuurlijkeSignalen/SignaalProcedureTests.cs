using System.Net;
using Casus.Api.Tests.Infrastructure;
using static Casus.Api.Tests.BestuurlijkeSignalen.SignaalVoorbeelden;

namespace Casus.Api.Tests.BestuurlijkeSignalen;

/// <summary>A bestuurlijk signaal over HTTP: the whole procedure with the right roles, the subject check, frozen after
/// definitive submission, confidentiality (404 for outsiders) and publication only with consent.</summary>
public sealed class SignaalProcedureTests(CasusApi api) : IClassFixture<CasusApi>
{
    private static readonly object Piet = new { soort = "natuurlijk-persoon", voornamen = "Piet", achternaam = "Verhoeven", geboortedatum = "1975-03-02", bsn = "111222333" };

    private async Task<Guid> CasusMetSubjectenAsync()
    {
        var client = api.Client();
        var casusId = await client.NewCasus();
        await client.Commands(casusId, Examples.ToInformatieDelen);
        await client.Commands(casusId, new Step("subjecten", Piet, Personas.Coordinator()));
        return casusId;
    }

    [Fact]
    public async Task The_whole_procedure_runs_over_http_with_the_right_roles()
    {
        var casusId = await CasusMetSubjectenAsync();
        var created = (await api.Client(Personas.Tilburg).Post(Base, Opstellen(casusId))).AssertStatus(HttpStatusCode.Created);
        var id = Id(created);
        Assert.Equal("concept", created.Body.Tekst("stap"));
        Assert.Equal(casusId.ToString(), created.Body.Tekst("casusId"));
        Assert.Equal("\"1\"", created.ETag);
        Assert.Equal($"{Base}/{id}", created.Message.Headers.Location?.OriginalString);
        // The link only: nothing of the casus (no subjects) in the signaal.
        Assert.DoesNotContain("Ringbaan Vastgoed", created.Body!.ToJsonString());

        async Task<ApiResponse> Stap(Casus.Domain.Toegang.Actor als, string segment, object body, string verwacht)
        {
            var r = (await Commando(api, als, id, segment, body)).AssertStatus(HttpStatusCode.OK);
            Assert.Equal(verwacht, r.Body.Tekst("stap"));
            return r;
        }

        await Stap(Personas.LiecLoket, "liec-adviezen", new { datum = "2026-11-05", advies = "Maak de aanbeveling concreet." }, "concept");
        await Stap(Personas.Tilburg, "inhoud", new { inhoud = Inhoud(conclusie: "Aangescherpt na advies van het loket.") }, "concept");
        await Stap(Personas.Tilburg, "indieners", new
        {
            organisatie = Examples.Belastingdienst, vertegenwoordiger = new { naam = "A. de Wit", functie = "Directeur" },
        }, "concept");
        await Stap(Personas.LiecLoket, "toetsingsoverleg", new { datum = "2026-11-10", ministeries = new[] { "Ministerie van Financiën", "Ministerie van JenV" } },
            "toetsingsoverleg-gehouden");
        var ingediend = await Stap(Personas.Belastingdienst, "definitieve-indiening", new { datum = "2026-11-16" }, "definitief-ingediend");
        Assert.Matches("^[0-9a-f]{64}$", ingediend.Body.Tekst("inhoudHash"));
        var aangeboden = await Stap(Personas.LiecLoket, "aanbieding", new { datum = "2026-11-18", ministeries = new[] { "Ministerie van Financiën" } },
            "aangeboden-aan-bewindspersonen");
        Assert.Equal("2027-02-18", aangeboden.Body.Tekst("reactieUiterlijk"));
        await Stap(Personas.LiecLoket, "reactie", new { datum = "2026-11-20", samenvatting = "De ministers onderschrijven het knelpunt." }, "reactie-ontvangen");
        var afgerond = await Stap(Personas.LiecLoket, "afronding", new { datum = "2026-11-21" }, "afgerond");
        Assert.Equal("2027-05-21", afgerond.Body.Tekst("effectUiterlijk"));

        // Publication only with recorded consent: of every indiener for the signaal, of the ministries for their answer.
        var zonder = (await Commando(api, Personas.Tilburg, id, "publicaties", new { onderdeel = "signaal", datum = "2026-11-22", vindplaats = "https://example.nl/s" }))
            .AssertStatus(HttpStatusCode.Conflict);
        Assert.Equal("bestuurlijk-signaal.toestemming-ontbreekt", zonder.Code);
        await Stap(Personas.Tilburg, "publicatietoestemmingen", new { onderdeel = "signaal", indienerId = Examples.TilburgId, datum = "2026-11-22" }, "afgerond");
        Assert.Equal("bestuurlijk-signaal.toestemming-ontbreekt",
            (await Commando(api, Personas.Tilburg, id, "publicaties", new { onderdeel = "signaal", datum = "2026-11-22", vindplaats = "https://example.nl/s" })).Code);
        // Tilburg cannot consent for the Belastingdienst.
        (await Commando(api, Personas.Tilburg, id, "publicatietoestemmingen", new { onderdeel = "signaal", indienerId = Examples.BelastingdienstId, datum = "2026-11-22" }))
            .AssertStatus(HttpStatusCode.Forbidden);
        await Stap(Personas.Belastingdienst, "publicatietoestemmingen", new { onderdeel = "signaal", indienerId = Examples.BelastingdienstId, datum = "2026-11-22" }, "afgerond");
        Assert.Equal("bestuurlijk-signaal.toestemming-ontbreekt",
            (await Commando(api, Personas.Tilburg, id, "publicaties", new { onderdeel = "reactie", datum = "2026-11-22", vindplaats = "https://example.nl/r" })).Code);
        await Stap(Personas.Tilburg, "publicaties", new { onderdeel = "signaal", datum = "2026-11-22", vindplaats = "https://example.nl/s" }, "afgerond");
        await Stap(Personas.LiecLoket, "publicatietoestemmingen", new { onderdeel = "reactie", datum = "2026-11-22" }, "afgerond");
        await Stap(Personas.Tilburg, "publicaties", new { onderdeel = "reactie", datum = "2026-11-22", vindplaats = "https://example.nl/r" }, "afgerond");

        var effect = await Stap(Personas.Belastingdienst, "effect", new { datum = "2026-11-23", effect = "Toetsingsplicht staat in het wetsvoorstel." }, "effect-vastgelegd");
        Assert.Equal("15", effect.ETag?.Trim('"'));

        // Wrong roles: a partner cannot do the loket's steps, the loket cannot submit for the indieners.
        var signaal2 = await NieuwAsync(api);
        Assert.Equal("toegang.rol-ontbreekt",
            (await Commando(api, Personas.Tilburg, signaal2, "toetsingsoverleg", new { datum = "2026-11-10", ministeries = new[] { "Financiën" } })).Code);
        Assert.Equal("toegang.rol-ontbreekt", (await Commando(api, Personas.LiecLoket, signaal2, "inhoud", new { inhoud = Inhoud() })).Code);
        // A step out of order: 409 with the allowed commands.
        var teVroeg = (await Commando(api, Personas.Tilburg, signaal2, "definitieve-indiening", new { datum = "2026-11-16" })).AssertStatus(HttpStatusCode.Conflict);
        Assert.Equal("bestuurlijk-signaal.stap-niet-toegestaan", teVroeg.Code);
        Assert.Contains(teVroeg.Body!["toegestaneCommandos"]!.AsArray(), c => c!["pad"]!.GetValue<string>() == $"{Base}/{signaal2}/toetsingsoverleg");

        // Replayable and hash-chained like a casus.
        var auditor = api.Client(Personas.LandelijkeAuditor);
        var gebeurtenissen = (await auditor.Get($"{Base}/{id}/gebeurtenissen")).AssertStatus(HttpStatusCode.OK).Body!.AsArray();
        Assert.Equal(15, gebeurtenissen.Count);
        Assert.Equal("SignaalOpgesteld", gebeurtenissen[0]!.Tekst("type"));
        var keten = (await auditor.Get($"{Base}/{id}/keten")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("ok", keten.Body.Tekst("status"));
        var versie1 = (await auditor.Get($"{Base}/{id}/historie?versie=1")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("concept", versie1.Body!["signaal"].Tekst("stap"));

        // The jaarcijfers count the signalen the LIEC guided (submitted definitively) and completed in the year.
        var jaarcijfers = (await api.Client(Personas.Liec).Get("/api/v1/jaarcijfers/2026")).AssertStatus(HttpStatusCode.OK);
        Assert.True(jaarcijfers.Body!["bestuurlijkeSignalen"]!["begeleid"]!.GetValue<int>() >= 1);
        Assert.True(jaarcijfers.Body!["bestuurlijkeSignalen"]!["afgerond"]!.GetValue<int>() >= 1);
        Assert.Equal(0, (await api.Client(Personas.Liec).Get("/api/v1/jaarcijfers/2025")).Body!["bestuurlijkeSignalen"]!["begeleid"]!.GetValue<int>());

        // The LIEC overview: per step; the effect term runs.
        var overzicht = (await api.Client(Personas.LiecLoket).Get($"{Base}/overzicht")).AssertStatus(HttpStatusCode.OK);
        Assert.True(overzicht.Body!["perStap"]!["effect-vastgelegd"]!.GetValue<int>() >= 1);
        Assert.True(overzicht.Body!["perStap"]!["concept"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task A_draft_with_a_subjects_bsn_or_name_or_anything_like_a_bsn_kvk_number_or_address_is_refused_naming_the_field()
    {
        var casusId = await CasusMetSubjectenAsync();
        var tilburg = api.Client(Personas.Tilburg);

        var naam = (await tilburg.Post(Base, Opstellen(casusId, Inhoud(reden: "Piet Verhoeven kocht drie panden contant.")))).AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("bestuurlijk-signaal.subjectgegevens", naam.Code);
        Assert.Equal(["inhoud.aanleiding.reden"], naam.InvalidParamNames);
        Assert.DoesNotContain("Verhoeven", naam.Body!.ToJsonString());

        var bsn = (await tilburg.Post(Base, Opstellen(casusId, Inhoud(conclusie: "Betrokkene (1112.22.333) kocht contant.")))).AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal(["inhoud.conclusie"], bsn.InvalidParamNames);
        Assert.DoesNotContain("333", bsn.Body!.ToJsonString());

        var bv = (await tilburg.Post(Base, Opstellen(casusId, Inhoud(reden: "Ringbaan Vastgoed B.V. kocht het pand.")))).AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal(["inhoud.aanleiding.reden"], bv.InvalidParamNames);

        // Without a linked casus: anything that looks like a BSN, KvK number or postcode with house number.
        foreach (var tekst in new[] { "BSN 123456782 kocht contant.", "Een bv met KvK 87654321 kocht.", "Het pand Ringbaan-Oost 12, 5012 AB Tilburg." })
        {
            var r = (await tilburg.Post(Base, Opstellen(inhoud: Inhoud(reden: tekst)))).AssertStatus(HttpStatusCode.BadRequest);
            Assert.Equal("bestuurlijk-signaal.subjectgegevens", r.Code);
            Assert.Equal(["inhoud.aanleiding.reden"], r.InvalidParamNames);
        }

        // A change to the draft is checked the same way, against the linked casus.
        var id = Id((await tilburg.Post(Base, Opstellen(casusId))).AssertStatus(HttpStatusCode.Created));
        var wijziging = (await Commando(api, Personas.Tilburg, id, "inhoud", new { inhoud = Inhoud(conclusie: "Verhoeven is de spil.") }))
            .AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal(["inhoud.conclusie"], wijziging.InvalidParamNames);
        Assert.Equal(1, (await api.Client(Personas.LiecLoket).Get($"{Base}/{id}")).Body!["versie"]!.GetValue<long>());

        // A casus the user may not see cannot be linked (and is not revealed).
        var onbekend = (await api.Client(Personas.Maastricht).Post(Base, new
        {
            casusId, datum = "2026-11-02",
            indieners = new[] { new { organisatie = new { id = "00000001002220647000", naam = "Gemeente Maastricht", type = "gemeente" }, vertegenwoordiger = new { naam = "X", functie = "Burgemeester" } } },
            inhoud = Inhoud(),
        })).AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal(["casusId"], onbekend.InvalidParamNames);
    }

    [Fact]
    public async Task Every_change_after_definitive_submission_is_refused_and_the_recorded_hash_stays()
    {
        var id = await IngediendAsync(api);
        var voor = (await api.Client(Personas.Tilburg).Get($"{Base}/{id}")).AssertStatus(HttpStatusCode.OK);
        var hash = voor.Body.Tekst("inhoudHash");

        foreach (var (segment, body) in new (string, object)[]
                 {
                     ("inhoud", new { inhoud = Inhoud(conclusie: "Toch anders.") }),
                     ("indieners", new { organisatie = Examples.Politie, vertegenwoordiger = new { naam = "P", functie = "Politiechef" } }),
                     ("intrekking", new { datum = "2026-11-17", reden = "Bedacht." }),
                 })
        {
            var r = (await Commando(api, Personas.Tilburg, id, segment, body)).AssertStatus(HttpStatusCode.Conflict);
            Assert.Equal("bestuurlijk-signaal.definitief-ingediend", r.Code);
            Assert.Equal(hash, r.Body.Tekst("inhoudHash"));
        }
        // Also later in the procedure, and also for steps that are no change (not in the table).
        (await Commando(api, Personas.LiecLoket, id, "aanbieding", new { datum = "2026-11-18", ministeries = new[] { "Financiën" } })).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("bestuurlijk-signaal.definitief-ingediend",
            (await Commando(api, Personas.Tilburg, id, "inhoud", new { inhoud = Inhoud() })).Code);
        Assert.Equal("bestuurlijk-signaal.stap-niet-toegestaan",
            (await Commando(api, Personas.LiecLoket, id, "liec-adviezen", new { datum = "2026-11-19", advies = "Nog iets." })).Code);

        var na = (await api.Client(Personas.Tilburg).Get($"{Base}/{id}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(hash, na.Body.Tekst("inhoudHash"));
        Assert.Equal(voor.Body!["inhoud"]!.ToJsonString(), na.Body!["inhoud"]!.ToJsonString());
        Assert.Equal(voor.Body!["indieners"]!.ToJsonString(), na.Body!["indieners"]!.ToJsonString());
        Assert.Equal(4, na.Body!["versie"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_withdrawal_before_definitive_submission_records_its_reason()
    {
        var id = await NieuwAsync(api);
        var r = (await Commando(api, Personas.Tilburg, id, "intrekking", new { datum = "2026-11-12", reden = "Knelpunt al in wetsvoorstel." }))
            .AssertStatus(HttpStatusCode.OK);
        Assert.Equal("ingetrokken", r.Body.Tekst("stap"));
        Assert.Equal("Knelpunt al in wetsvoorstel.", r.Body!["intrekking"].Tekst("tekst"));
        Assert.Equal("bestuurlijk-signaal.stap-niet-toegestaan", (await Commando(api, Personas.Tilburg, id, "inhoud", new { inhoud = Inhoud() })).Code);
    }

    [Fact]
    public async Task Outsiders_get_404_as_if_the_signaal_does_not_exist_including_partners_of_the_linked_casus()
    {
        var casusId = await CasusMetSubjectenAsync();
        var id = Id((await api.Client(Personas.Tilburg).Post(Base, Opstellen(casusId))).AssertStatus(HttpStatusCode.Created));
        var bestaatNiet = Guid.NewGuid();
        foreach (var buitenstaander in new[] { Personas.Politie, Personas.Maastricht, Personas.Coordinator(), Personas.Analist, Personas.Liec })
        {
            var client = api.Client(buitenstaander);
            var get = (await client.Get($"{Base}/{id}")).AssertStatus(HttpStatusCode.NotFound);
            Assert.Equal("bestuurlijk-signaal.niet-gevonden", get.Code);
            Assert.Equal(get.Body.Tekst("title"), (await client.Get($"{Base}/{bestaatNiet}")).Body.Tekst("title"));
            (await client.Get($"{Base}/{id}/gebeurtenissen")).AssertStatus(HttpStatusCode.NotFound);
            (await client.Post($"{Base}/{id}/inhoud", new { inhoud = Inhoud() })).AssertStatus(HttpStatusCode.NotFound);
            (await client.Post($"{Base}/{id}/toetsingsoverleg", new { datum = "2026-11-10", ministeries = new[] { "Financiën" } })).AssertStatus(HttpStatusCode.NotFound);
        }
        // Partner staff see only their own organisation's signalen in the list.
        var politieLijst = (await api.Client(Personas.Politie).Get(Base)).AssertStatus(HttpStatusCode.OK);
        Assert.DoesNotContain(politieLijst.Body!["results"]!.AsArray(), r => r.Tekst("id") == id.ToString());
        var tilburgLijst = (await api.Client(Personas.Tilburg).Get(Base)).AssertStatus(HttpStatusCode.OK);
        Assert.Contains(tilburgLijst.Body!["results"]!.AsArray(), r => r.Tekst("id") == id.ToString());
        // The indiener, the loket and auditors see it; the auditor cannot act.
        (await api.Client(Personas.Auditor).Get($"{Base}/{id}")).AssertStatus(HttpStatusCode.OK);
        (await api.Client(Personas.LiecLoket).Get($"{Base}/{id}")).AssertStatus(HttpStatusCode.OK);
        (await api.Client(Personas.Auditor).Post($"{Base}/{id}/inhoud", new { inhoud = Inhoud() })).AssertStatus(HttpStatusCode.Forbidden);
        // The overview is for the loket and auditors only.
        (await api.Client(Personas.Tilburg).Get($"{Base}/overzicht")).AssertStatus(HttpStatusCode.Forbidden);
    }
}
