using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;
using Casus.Api.Tests.Verantwoording;
using Casus.Domain.BestuurlijkeSignalen;
using Casus.Domain.Verwerkingen;
using static Casus.Api.Tests.BestuurlijkeSignalen.SignaalVoorbeelden;

namespace Casus.Api.Tests.BestuurlijkeSignalen;

/// <summary>A signaal is audited and replayable like a casus: the same auditor endpoints (historie, verschillen, dossier, keten,
/// auditrecords, verwerkingen), one accountability filter (audit, processing and idempotency records in the transaction of the
/// events), If-Match, and the subject check in the processing log of the casus whose subjects it read.</summary>
public sealed class SignaalAuditorTests(CasusApi api) : IClassFixture<CasusApi>
{
    private LogReader Db => new(api.ConnectionString);
    private CasusClient Auditor => api.Client(Personas.Auditor);

    private static readonly object Piet = new { soort = "natuurlijk-persoon", voornamen = "Piet", achternaam = "Verhoeven", geboortedatum = "1975-03-02", bsn = "111222333" };

    private async Task<long> Gebeurtenissen(Guid id) => (long)(await Db.Rows("select count(*) as n from casus.mt_events where stream_id = $1", id))[0]["n"]!;

    [Fact]
    public async Task An_auditor_replays_diffs_exports_and_checks_a_signaal_as_a_casus()
    {
        var id = await IngediendAsync(api);
        var auditor = Auditor;

        var v1 = (await auditor.Get($"{Base}/{id}/historie?versie=1")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(id.ToString(), v1.Tekst("signaalId"));
        Assert.Equal(1, v1["versie"]!.GetValue<long>());
        Assert.Equal("concept", v1["signaal"].Tekst("stap"));
        var nu = (await auditor.Get($"{Base}/{id}/historie?peildatum=2030-01-01T00:00:00Z")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("definitief-ingediend", nu["signaal"].Tekst("stap"));
        Assert.Equal(3, nu["versie"]!.GetValue<long>());
        Assert.Equal("historie.geen-stand", (await auditor.Get($"{Base}/{id}/historie?peildatum=2000-01-01T00:00:00Z")).AssertStatus(HttpStatusCode.NotFound).Code);
        Assert.Equal(["versie"], (await auditor.Get($"{Base}/{id}/historie?versie=4")).AssertStatus(HttpStatusCode.BadRequest).InvalidParamNames);

        var verschillen = (await auditor.Get($"{Base}/{id}/verschillen?van=1&tot=3")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(["ToetsingsoverlegGehouden", "SignaalDefinitiefIngediend"],
            verschillen["wijzigingen"]!.AsArray().Select(w => w.Tekst("type")));
        Assert.Contains(verschillen["velden"]!.AsArray(), v => v.Tekst("veld") == "stap" && v!["tot"]!.GetValue<string>() == "definitief-ingediend");
        var tekst = await auditor.Send(new HttpRequestMessage(HttpMethod.Get, $"{Base}/{id}/verschillen?van=0&tot=3") { Headers = { { "Accept", "text/plain" } } });
        Assert.Equal("text/plain", tekst.ContentType);
        Assert.Contains("v3 ", await tekst.Message.Content.ReadAsStringAsync());

        var keten = (await auditor.Get($"{Base}/{id}/keten")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("ok", keten.Tekst("status"));
        Assert.Equal(3, keten["versies"]!.GetValue<long>());

        var dossier = (await auditor.Get($"{Base}/{id}/dossier")).AssertStatus(HttpStatusCode.OK);
        Assert.Contains($"bestuurlijk-signaal-{id}-dossier-", dossier.Message.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(3, dossier.Body!["gebeurtenissen"]!.AsArray().Count);
        Assert.All(dossier.Body!["gebeurtenissen"]!.AsArray(), e => Assert.Equal(Verwerkingsregister.MetVersie(SignaalVerwerking.Activiteit.Id), e.Tekst("verwerkingsactiviteit")));
        Assert.Equal("ok", dossier.Body!["keten"].Tekst("status"));
        Assert.Contains(dossier.Body!["auditrecords"]!.AsArray(), a => a.Tekst("actie") == "bestuurlijk-signaal-definitief-indienen");
        Assert.NotEmpty(dossier.Body!["verwerkingen"]!.AsArray());

        var audit = (await auditor.Get($"{Base}/{id}/auditrecords?pageSize=100")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Contains(audit["results"]!.AsArray(), a => a.Tekst("actie") == "signaalhistorie-opvragen");
        var verwerkingen = (await auditor.Get($"{Base}/{id}/verwerkingen")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.All(verwerkingen["results"]!.AsArray(), v => Assert.Equal("bestuurlijk-signaal", v.Tekst("activiteitId")));

        // The indieners and the loket see the signaal but not its auditor's view; everyone else does not learn it exists.
        Assert.Equal("toegang.rol-ontbreekt", (await api.Client(Personas.Tilburg).Get($"{Base}/{id}/dossier")).AssertStatus(HttpStatusCode.Forbidden).Code);
        Assert.Equal("toegang.rol-ontbreekt", (await api.Client(Personas.LiecLoket).Get($"{Base}/{id}/keten")).AssertStatus(HttpStatusCode.Forbidden).Code);
        Assert.Equal("bestuurlijk-signaal.niet-gevonden", (await api.Client(Personas.Politie).Get($"{Base}/{id}/historie?versie=1")).AssertStatus(HttpStatusCode.NotFound).Code);
        Assert.Equal("bestuurlijk-signaal.niet-gevonden", (await auditor.Get($"{Base}/{Guid.NewGuid()}/keten")).AssertStatus(HttpStatusCode.NotFound).Code);
        // A casus id is no signaal, and a signaal id no casus.
        (await auditor.Get($"/api/v1/casussen/{id}/keten")).AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_changed_stored_event_makes_every_history_answer_historie_onleesbaar_and_the_chain_check_names_it()
    {
        var id = await IngediendAsync(api);
        await Db.Execute($"update casus.mt_events set data = jsonb_set(data, '{{ministeries}}', '\"geen lijst\"') where stream_id = '{id}' and version = 2");
        foreach (var pad in new[] { "historie?versie=3", "verschillen?van=0&tot=3", "dossier" })
        {
            var r = await Auditor.Get($"{Base}/{id}/{pad}");
            Assert.True(r.Status == HttpStatusCode.InternalServerError && r.Code == "historie.onleesbaar", $"{pad}: {(int)r.Status} {r.Body}");
            Assert.Contains($"{Base}/{id}/keten", r.Body.Tekst("detail"));
        }
        var keten = (await Auditor.Get($"{Base}/{id}/keten")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("gebroken", keten.Tekst("status"));
        Assert.Equal(2, keten["eersteGebrokenVersie"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_command_with_a_stale_If_Match_is_412_and_appends_nothing()
    {
        var id = await NieuwAsync(api);
        var advies = new { datum = "2026-11-05", advies = "Maak de aanbeveling concreet." };
        (await Commando(api, Personas.LiecLoket, id, "liec-adviezen", advies, ifMatch: "\"1\"")).AssertStatus(HttpStatusCode.OK);

        var verouderd = (await Commando(api, Personas.LiecLoket, id, "liec-adviezen", advies, ifMatch: "\"1\"")).AssertStatus(HttpStatusCode.PreconditionFailed);
        Assert.Equal("bestuurlijk-signaal.versie-verouderd", verouderd.Code);
        Assert.Equal(2, verouderd.Body!["huidigeVersie"]!.GetValue<long>());
        Assert.Equal(2, await Gebeurtenissen(id));
        var laatste = await Db.Rows("select resultaat, reden from casus.auditlog where casus_id = $1 order by id desc limit 1", id);
        Assert.Equal(412, laatste[0]["resultaat"]);
        Assert.StartsWith("bestuurlijk-signaal.versie-verouderd", (string)laatste[0]["reden"]!);

        (await Commando(api, Personas.LiecLoket, id, "liec-adviezen", advies, ifMatch: "\"2\"")).AssertStatus(HttpStatusCode.OK);
    }

    private static HttpRequestMessage Post(string path, object body, string sleutel)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", sleutel);
        return request;
    }

    [Fact]
    public async Task A_retried_signaal_POST_with_the_same_key_appends_nothing_and_another_body_is_422()
    {
        var tilburg = api.Client(Personas.Tilburg);
        var sleutel = Guid.NewGuid().ToString();
        var eerste = (await tilburg.Send(Post(Base, Opstellen(), sleutel))).AssertStatus(HttpStatusCode.Created);
        var signalen = (long)(await Db.Rows("select count(*) as n from casus.mt_streams"))[0]["n"]!;
        var herhaald = (await tilburg.Send(Post(Base, Opstellen(), sleutel))).AssertStatus(HttpStatusCode.Created);
        Assert.Equal(eerste.Message.Headers.Location, herhaald.Message.Headers.Location);
        Assert.True(JsonNode.DeepEquals(eerste.Body, herhaald.Body));
        Assert.Equal(signalen, (long)(await Db.Rows("select count(*) as n from casus.mt_streams"))[0]["n"]!);
        Assert.Equal("idempotentie.sleutel-hergebruikt",
            (await tilburg.Send(Post(Base, Opstellen(inhoud: Inhoud(reden: "Een andere reden.")), sleutel))).AssertStatus(HttpStatusCode.UnprocessableEntity).Code);

        var id = Id(eerste);
        var loket = api.Client(Personas.LiecLoket);
        var opdracht = Guid.NewGuid().ToString();
        var advies = new { datum = "2026-11-05", advies = "Maak de aanbeveling concreet." };
        var gegeven = (await loket.Send(Post($"{Base}/{id}/liec-adviezen", advies, opdracht))).AssertStatus(HttpStatusCode.OK);
        var nogmaals = (await loket.Send(Post($"{Base}/{id}/liec-adviezen", advies, opdracht))).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(gegeven.ETag, nogmaals.ETag);
        Assert.Equal(2, await Gebeurtenissen(id));
        var ander = await loket.Send(Post($"{Base}/{id}/liec-adviezen", new { datum = "2026-11-06", advies = "Iets anders." }, opdracht));
        Assert.Equal("idempotentie.sleutel-hergebruikt", ander.AssertStatus(HttpStatusCode.UnprocessableEntity).Code);
        Assert.Equal(2, await Gebeurtenissen(id));
        // The key was stored in the transaction of the command's events.
        Assert.Equal(2, (await Db.Rows("select 1 from casus.idempotentie where sleutel in ($1, $2)", sleutel, opdracht)).Count);
    }

    [Fact]
    public async Task Showing_a_signaal_processes_its_representatives_and_the_subject_check_the_linked_casus_subjects_also_when_it_refuses()
    {
        var client = api.Client();
        var casusId = await client.NewCasus();
        await client.Commands(casusId, Examples.ToInformatieDelen);
        await client.Commands(casusId, new Step("subjecten", Piet, Personas.Coordinator()));
        var subjecten = (await client.Get($"/api/v1/casussen/{casusId}")).Body!["subjecten"]!.AsArray().Count;
        var tilburg = api.Client(Personas.Tilburg);

        // Refused: the text names a subject. The subjects were read for the check all the same.
        var geweigerd = (await tilburg.Post(Base, Opstellen(casusId, Inhoud(reden: "Piet Verhoeven kocht drie panden contant.")))).AssertStatus(HttpStatusCode.BadRequest);
        var trace = geweigerd.Message.Headers.GetValues("traceparent").Single().Split('-')[1];
        var controle = await Db.Verwerkingen(trace);
        Assert.Equal(subjecten, controle.Count);
        Assert.All(controle, v =>
        {
            Assert.Equal("bestuurlijk-signaal-subjectcontrole", v["activiteit_id"]);
            Assert.Equal(casusId, v["casus_id"]);
            Assert.Equal("taskforce-brabant-zeeland", v["regio"]);
        });

        // Accepted: the check in the casus, the representative in the signaal.
        var gemaakt = (await tilburg.Post(Base, Opstellen(casusId))).AssertStatus(HttpStatusCode.Created);
        var id = Id(gemaakt);
        var records = await Db.Verwerkingen(gemaakt.Message.Headers.GetValues("traceparent").Single().Split('-')[1]);
        Assert.Equal(subjecten, records.Count(r => (string)r["activiteit_id"]! == "bestuurlijk-signaal-subjectcontrole" && (Guid)r["casus_id"]! == casusId));
        var signaal = Assert.Single(records, r => (string)r["activiteit_id"]! == "bestuurlijk-signaal");
        Assert.Equal(id, signaal["casus_id"]);
        Assert.Equal("landelijk", signaal["regio"]);

        // The casus's auditor finds the check in the casus's processing log; the AVG search of the subject finds it too.
        var casusLog = (await api.Client(Personas.Auditor).Get($"/api/v1/casussen/{casusId}/verwerkingen?pageSize=100")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Contains(casusLog["results"]!.AsArray(), v => v.Tekst("activiteitId") == "bestuurlijk-signaal-subjectcontrole");
        var zoek = (await api.Client(Personas.Auditor).Post("/api/v1/verwerkingen/_zoek?pageSize=100", new { subject = Piet })).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(2, zoek["results"]!.AsArray().Count(v => v.Tekst("activiteitId") == "bestuurlijk-signaal-subjectcontrole"));

        // Reading the signaal processes the representative's name; a list read does not.
        var lezen = (await tilburg.Get($"{Base}/{id}")).AssertStatus(HttpStatusCode.OK);
        Assert.Single(await Db.Verwerkingen(lezen.Message.Headers.GetValues("traceparent").Single().Split('-')[1]));
        var lijst = (await tilburg.Get(Base)).AssertStatus(HttpStatusCode.OK);
        Assert.Empty(await Db.Verwerkingen(lijst.Message.Headers.GetValues("traceparent").Single().Split('-')[1]));

        // The register names both activities with their categories.
        var register = (await api.Client(Personas.Auditor).Get("/api/v1/verwerkingsactiviteiten")).AssertStatus(HttpStatusCode.OK).Body!.AsArray();
        Assert.Contains(register, a => a.Tekst("id") == "bestuurlijk-signaal" && a!["persoonsgegevens"]!.AsArray().Count > 0);
        Assert.Contains(register, a => a.Tekst("id") == "bestuurlijk-signaal-subjectcontrole" && a!["betrokkenen"]!.AsArray().Count > 0);
    }
}
