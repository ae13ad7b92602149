using System.Net;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;
using Casus.Api.Tests.Verantwoording;

namespace Casus.Api.Tests.Historie;

/// <summary>Point in time, differences and the dossier, over HTTP against the real store. The tests move the API's clock so
/// that events get distinct times.</summary>
public sealed class HistorieTests(CasusApi api) : IClassFixture<CasusApi>
{
    private readonly CasusClient _client = api.Client();
    private CasusClient Auditor => _client.As(Personas.Auditor);
    private LogReader Db => new(api.ConnectionString);

    private static string Iso(DateTimeOffset t) => Uri.EscapeDataString(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"));

    [Fact]
    public async Task The_state_at_a_peildatum_between_two_commands_equals_the_answer_right_after_the_first()
    {
        var id = await _client.NewCasus();
        api.Clock.Set(api.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        var eerste = await _client.Commands(id, new Step("verkenning", Examples.Verkenning, Personas.Coordinator()));
        var tijdEerste = api.Clock.GetUtcNow();
        api.Clock.Set(api.Clock.GetUtcNow() + TimeSpan.FromMinutes(1));
        await _client.Commands(id, new Step("subjecten", Examples.Subject, Personas.Coordinator()));

        var peildatum = tijdEerste.AddSeconds(30);
        var stand = (await Auditor.Get($"/api/v1/casussen/{id}/historie?peildatum={Iso(peildatum)}")).AssertStatus(HttpStatusCode.OK);

        Assert.True(JsonNode.DeepEquals(eerste.Body, stand.Body!["casus"]),
            $"expected {eerste.Body!.ToJsonString()}\nbut was {stand.Body!["casus"]!.ToJsonString()}");
        Assert.Equal(2, stand.Body["versie"]!.GetValue<long>());
        Assert.Equal(tijdEerste, stand.Body["tijdstip"]!.GetValue<DateTimeOffset>());

        var perVersie = (await Auditor.Get($"/api/v1/casussen/{id}/historie?versie=2")).AssertStatus(HttpStatusCode.OK);
        Assert.True(JsonNode.DeepEquals(eerste.Body, perVersie.Body!["casus"]));
        // Exactly at an event's time, that event is included.
        var opTijd = (await Auditor.Get($"/api/v1/casussen/{id}/historie?peildatum={Iso(tijdEerste)}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(2, opTijd.Body!["versie"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("", "peildatum,versie")]
    [InlineData("?versie=2&peildatum=2026-11-23T10:00:00Z", "peildatum,versie")]
    [InlineData("?versie=0", "versie")]
    [InlineData("?versie=abc", "versie")]
    [InlineData("?peildatum=gisteren", "peildatum")]
    [InlineData("?versie=99", "versie")]
    public async Task A_point_in_time_needs_exactly_one_valid_peildatum_or_existing_versie(string query, string invalid)
    {
        var id = await _client.NewCasus();
        var response = (await Auditor.Get($"/api/v1/casussen/{id}/historie{query}")).AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("ongeldige-invoer", response.Code);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(invalid.Split(','), response.InvalidParamNames);
    }

    [Fact]
    public async Task A_peildatum_before_the_first_event_is_a_clear_404()
    {
        var id = await _client.NewCasus();
        var response = (await Auditor.Get($"/api/v1/casussen/{id}/historie?peildatum={Iso(api.Clock.GetUtcNow().AddDays(-1))}"))
            .AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal("historie.geen-stand", response.Code);
    }

    [Fact]
    public async Task A_diff_lists_exactly_the_events_after_van_up_to_and_including_tot()
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, Examples.ToInformatieDelen);
        await _client.Commands(id, Examples.ToUitvoeren);
        var history = await _client.History(id);

        var diff = (await Auditor.Get($"/api/v1/casussen/{id}/verschillen?van=3&tot=7")).AssertStatus(HttpStatusCode.OK).Body!;

        var wijzigingen = diff["wijzigingen"]!.AsArray();
        Assert.Equal([4L, 5, 6, 7], wijzigingen.Select(w => w!["versie"]!.GetValue<long>()));
        Assert.Equal(history.Where(e => e!["versie"]!.GetValue<long>() is > 3 and <= 7).Select(e => e!["type"]!.GetValue<string>()),
            wijzigingen.Select(w => w!["type"]!.GetValue<string>()));
        var gedeeld = wijzigingen.Single(w => w!["type"]!.GetValue<string>() == "InformatieGedeeld")!;
        Assert.Equal("m.belasting", gedeeld["gebruiker"]!.GetValue<string>());
        Assert.Equal(Examples.BelastingdienstId, gedeeld["organisatie"]!.GetValue<string>());
        Assert.Equal("fiscaal", gedeeld["velden"]!["categorie"]!.GetValue<string>());
        Assert.Matches(@"^v6 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC m\.belasting \(Belastingdienst\): InformatieGedeeld — ", gedeeld["regel"]!.GetValue<string>());
        Assert.Contains("categorie: fiscaal", gedeeld["regel"]!.GetValue<string>());
        var velden = diff["velden"]!.AsArray().ToDictionary(v => v!["veld"]!.GetValue<string>());
        Assert.Equal("verkennen", velden["stap"]!["van"]!.GetValue<string>());
        Assert.Equal("informatie-delen-en-analyseren", velden["stap"]!["tot"]!.GetValue<string>());
        Assert.DoesNotContain("omschrijving", velden.Keys);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/casussen/{id}/verschillen?van=3&tot=7");
        request.Headers.Accept.ParseAdd("text/plain");
        var tekst = await Auditor.Send(request);
        Assert.Equal(HttpStatusCode.OK, tekst.Status);
        var regels = (await tekst.Message.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal(["v4", "v5", "v6", "v7"], regels.Select(r => r.Split(' ')[0]));
    }

    [Theory]
    [InlineData("", "tot,van")]
    [InlineData("?van=3", "tot")]
    [InlineData("?van=3&tot=3", "tot")]
    [InlineData("?van=-1&tot=2", "van")]
    [InlineData("?van=0&tot=9", "tot")]
    public async Task A_diff_needs_van_below_tot_within_the_versions(string query, string invalid)
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, new Step("verkenning", Examples.Verkenning, Personas.Coordinator()));
        var response = (await Auditor.Get($"/api/v1/casussen/{id}/verschillen{query}")).AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal(invalid.Split(','), response.InvalidParamNames);
    }

    [Fact]
    public async Task The_dossier_holds_state_events_with_metadata_audit_and_processing_records_and_the_chain()
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, Examples.ToInformatieDelen);
        await _client.Commands(id, Examples.ToUitvoeren);
        await _client.Get($"/api/v1/casussen/{id}");

        var response = (await _client.As(Personas.LandelijkeAuditor).Get($"/api/v1/casussen/{id}/dossier")).AssertStatus(HttpStatusCode.OK);
        var dossier = response.Body!;

        Assert.Equal(id.ToString(), dossier["casusId"]!.GetValue<string>());
        Assert.Equal(8, dossier["casus"]!["versie"]!.GetValue<long>());
        Assert.Equal("l.visser", dossier["gegenereerdDoor"]!["gebruikerId"]!.GetValue<string>());
        Assert.Equal(api.Clock.GetUtcNow(), dossier["gegenereerdOp"]!.GetValue<DateTimeOffset>());
        Assert.Equal("ok", dossier["keten"]!["status"]!.GetValue<string>());
        var events = dossier["gebeurtenissen"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), events.Select(e => e!["versie"]!.GetValue<long>()));
        var bijdrage = events[5]!;
        Assert.Equal("m.belasting", bijdrage["gebruiker"]!.GetValue<string>());
        Assert.Equal("Belastingdienst", bijdrage["organisatieNaam"]!.GetValue<string>());
        Assert.Equal("art. 43c AWR", bijdrage["grondslag"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$", bijdrage["traceId"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{64}$", bijdrage["hash"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(bijdrage["doel"]!.GetValue<string>()));
        Assert.Equal(dossier["keten"]!["laatsteHash"]!.GetValue<string>(), events[7]!["hash"]!.GetValue<string>());
        var acties = dossier["auditrecords"]!.AsArray().Select(a => a!["actie"]!.GetValue<string>()).ToList();
        Assert.Contains("informatie-delen", acties);
        Assert.Contains("casus-opvragen", acties);
        Assert.NotEmpty(dossier["verwerkingen"]!.AsArray());
        Assert.StartsWith("attachment;", response.Message.Content.Headers.ContentDisposition?.ToString() ?? "");
    }

    [Theory]
    [InlineData("historie?versie=3", "historische-stand-opvragen", true)]
    [InlineData("verschillen?van=1&tot=3", "verschillen-opvragen", true)]
    [InlineData("dossier", "dossier-exporteren", true)]
    [InlineData("keten", "keten-controleren", false)]
    public async Task Every_replay_export_and_verify_is_audited_and_only_replays_process_subject_data(string pad, string actie, bool verwerkt)
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, new Step("verkenning", Examples.Verkenning, Personas.Coordinator()),
            new Step("subjecten", Examples.Subject, Personas.Coordinator()));
        var trace = Guid.NewGuid().ToString("N");

        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/casussen/{id}/{pad}");
        request.Headers.Add("traceparent", $"00-{trace}-00f067aa0ba902b7-01");
        (await Auditor.Send(request)).AssertStatus(HttpStatusCode.OK);

        var record = Assert.Single(await Db.Audit(trace));
        Assert.Equal(actie, record["actie"]);
        Assert.Equal("o.bakker", record["gebruiker_id"]);
        Assert.Equal(id, record["casus_id"]);
        Assert.Equal(200, record["resultaat"]);
        Assert.Equal(verwerkt ? 1 : 0, (await Db.Verwerkingen(trace)).Count);
    }
}
