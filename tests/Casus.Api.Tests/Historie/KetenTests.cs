using System.Net;
using Casus.Api.Tests.Infrastructure;
using Casus.Api.Tests.Verantwoording;

namespace Casus.Api.Tests.Historie;

/// <summary>Tamper evidence: a change made directly in PostgreSQL breaks the hash chain of exactly that stream at exactly
/// that version; the region check finds it and records its outcome as an event.</summary>
public sealed class KetenTests(CasusApi api) : IClassFixture<CasusApi>
{
    private const string Regio = "taskforce-brabant-zeeland";
    private readonly CasusClient _client = api.Client();
    private CasusClient Auditor => _client.As(Personas.Auditor);
    private LogReader Db => new(api.ConnectionString);

    private async Task<Guid> CasusMetVierVersies()
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, Examples.ToInformatieDelen);
        return id;
    }

    private async Task<(string Status, long? Versie, string? Reden)> Keten(Guid id)
    {
        var body = (await Auditor.Get($"/api/v1/casussen/{id}/keten")).AssertStatus(HttpStatusCode.OK).Body!;
        return (body["status"]!.GetValue<string>(), body["eersteGebrokenVersie"]?.GetValue<long>(), body["reden"]?.GetValue<string>());
    }

    [Fact]
    public async Task Untouched_streams_verify_ok_and_every_event_carries_a_hash()
    {
        var id = await CasusMetVierVersies();
        await _client.Commands(id, Examples.ToUitvoeren);

        var keten = (await Auditor.Get($"/api/v1/casussen/{id}/keten")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("ok", keten["status"]!.GetValue<string>());
        Assert.Equal(8, keten["versies"]!.GetValue<long>());
        Assert.Null(keten["eersteGebrokenVersie"]);
        var hashes = await Db.Rows("select headers ->> 'hash' as hash from casus.mt_events where stream_id = $1 order by version", id);
        Assert.Equal(8, hashes.Count);
        Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{64}$", (string)h["hash"]!));
        Assert.Equal(hashes[7]["hash"], keten["laatsteHash"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_direct_sql_update_breaks_that_stream_at_that_version_and_the_region_check_records_exactly_the_broken_ones()
    {
        var gewijzigd = await CasusMetVierVersies();
        var onleesbaar = await CasusMetVierVersies();
        var ongemoeid = await CasusMetVierVersies();
        Assert.Equal(("ok", (long?)null), await Keten(gewijzigd) is var (s, v, _) ? (s, v) : default);

        // v3 is SubjectToegevoegd: its subject is encrypted, but someone with database access could still renumber it, or swap
        // or alter the ciphertext; the chain breaks all the same.
        await Db.Execute($"update casus.mt_events set data = jsonb_set(data, '{{nummer}}', '7') where stream_id = '{gewijzigd}' and version = 3");
        // Make v2 (VerkenningGestart) unreadable as its event type: a number where a text is expected.
        await Db.Execute($"update casus.mt_events set data = jsonb_set(data, '{{coordinator}}', '{{\"x\": 1}}') where stream_id = '{onleesbaar}' and version = 2");

        var (status, versie, reden) = await Keten(gewijzigd);
        Assert.Equal(("gebroken", 3L), (status, versie!.Value));
        Assert.Contains("hash", reden);
        Assert.Equal(("gebroken", (long?)2), await Keten(onleesbaar) is var (s2, v2, _) ? (s2, v2) : default);
        Assert.Equal("ok", (await Keten(ongemoeid)).Status);
        // Reading the unreadable stream's history is a clear problem, not a crash.
        var history = (await Auditor.Get($"/api/v1/casussen/{onleesbaar}/historie?versie=4")).AssertStatus(HttpStatusCode.InternalServerError);
        Assert.Equal("historie.onleesbaar", history.Code);

        var casussenVoor = await Db.Rows("select count(*) as n from casus.mt_doc_integralecasus");
        var trace = Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/regios/{Regio}/ketencontroles");
        request.Headers.Add("traceparent", $"00-{trace}-00f067aa0ba902b7-01");
        var controle = (await Auditor.Send(request)).AssertStatus(HttpStatusCode.Created).Body!;

        var inRegio = (await Db.Rows("select count(*) as n from casus.mt_doc_integralecasus where data ->> 'regio' = 'TaskforceBrabantZeeland'"))[0]["n"];
        Assert.Equal(inRegio, (long)controle["aantalStromen"]!.GetValue<int>());
        var gebroken = controle["gebroken"]!.AsArray().ToDictionary(g => Guid.Parse(g!["casusId"]!.GetValue<string>()), g => g!["eersteGebrokenVersie"]!.GetValue<long>());
        Assert.Equal(new Dictionary<Guid, long> { [gewijzigd] = 3, [onleesbaar] = 2 }.OrderBy(p => p.Key), gebroken.OrderBy(p => p.Key));
        Assert.Equal("o.bakker", controle["gecontroleerdDoor"]!.GetValue<string>());
        Assert.Equal("riec-zwb", controle["organisatie"]!.GetValue<string>());
        Assert.Equal(Regio, controle["regio"]!.GetValue<string>());

        // Recorded as an event in its own stream (chained too), not as a casus; the check itself is audited.
        var controleId = Guid.Parse(controle["controleId"]!.GetValue<string>());
        var rows = await Db.Rows("select type, version, headers ->> 'hash' as hash, user_name from casus.mt_events where stream_id = $1", controleId);
        var row = Assert.Single(rows);
        Assert.Equal("ketencontrole_uitgevoerd", row["type"]);
        Assert.Equal("o.bakker", row["user_name"]);
        Assert.Matches("^[0-9a-f]{64}$", (string)row["hash"]!);
        Assert.Equal(casussenVoor[0]["n"], (await Db.Rows("select count(*) as n from casus.mt_doc_integralecasus"))[0]["n"]);
        (await _client.Get($"/api/v1/casussen/{controleId}")).AssertStatus(HttpStatusCode.NotFound);
        var audit = Assert.Single(await Db.Audit(trace));
        Assert.Equal("ketencontrole-uitvoeren", audit["actie"]);
        Assert.Equal(Regio, audit["regio"]);
        Assert.Equal(201, audit["resultaat"]);

        var lijst = (await Auditor.Get($"/api/v1/regios/{Regio}/ketencontroles")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Contains(lijst["results"]!.AsArray(), c => c!["controleId"]!.GetValue<string>() == controleId.ToString());
        var een = (await _client.As(Personas.LandelijkeAuditor).Get($"/api/v1/regios/{Regio}/ketencontroles/{controleId}"))
            .AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(2, een["gebroken"]!.AsArray().Count);
        (await Auditor.Get($"/api/v1/regios/{Regio}/ketencontroles/{Guid.NewGuid()}")).AssertStatus(HttpStatusCode.NotFound);
        (await _client.As(Personas.AuditorLimburg).Get($"/api/v1/regios/{Regio}/ketencontroles/{controleId}")).AssertStatus(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Changing_metadata_or_removing_an_event_breaks_the_chain_too()
    {
        var metadata = await CasusMetVierVersies();
        var weg = await CasusMetVierVersies();
        var eind = await CasusMetVierVersies();

        await Db.Execute($"update casus.mt_events set user_name = 'iemand.anders' where stream_id = '{metadata}' and version = 2");
        await Db.Execute($"delete from casus.mt_events where stream_id = '{weg}' and version = 2");
        await Db.Execute($"delete from casus.mt_events where stream_id = '{eind}' and version = 4");

        Assert.Equal((long?)2, (await Keten(metadata)).Versie);
        Assert.Equal((long?)2, (await Keten(weg)).Versie);
        Assert.Equal((long?)4, (await Keten(eind)).Versie);
    }

    [Theory]
    [InlineData("auditor", HttpStatusCode.Created)]
    [InlineData("landel", HttpStatusCode.Created)]
    [InlineData("auditL", HttpStatusCode.Forbidden)]
    [InlineData("coord", HttpStatusCode.Forbidden)]
    [InlineData("liec", HttpStatusCode.Forbidden)]
    public async Task Only_auditors_of_the_region_or_national_ones_run_a_region_check(string persona, HttpStatusCode expected)
    {
        var response = await _client.As(Toegang.Wie.Actor(persona)).Post($"/api/v1/regios/{Regio}/ketencontroles", new { });
        response.AssertStatus(expected);
        if (expected == HttpStatusCode.Forbidden) Assert.Equal("toegang.rol-ontbreekt", response.Code);
    }

    [Fact]
    public async Task An_unknown_region_is_not_found()
    {
        var response = (await Auditor.Post("/api/v1/regios/atlantis/ketencontroles", new { })).AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal("regio.niet-gevonden", response.Code);
    }
}
