using System.Net;
using System.Net.Http.Headers;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.Verantwoording;

/// <summary>The audit log (who did what) and the processing log (what happened to whose data), as stored.</summary>
public sealed class AuditLogTests(CasusApi api) : IClassFixture<CasusApi>
{
    private readonly CasusClient _client = api.Client();
    private LogReader Db => new(api.ConnectionString);

    private static readonly object[] DrieSubjecten =
    [
        Examples.Subject,
        new { soort = "natuurlijk-persoon", voornamen = "Jan Pieter", achternaam = "Jansen", geboortedatum = "1980-05-17", bsn = "111222333" },
        new { soort = "object-locatie", postcode = "5038AB", huisnummer = 12, omschrijving = "Bedrijfspand" },
    ];

    private async Task<Guid> CasusMetDrieSubjecten()
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, new Step("verkenning", Examples.Verkenning, Personas.Coordinator()));
        foreach (var subject in DrieSubjecten) await _client.Commands(id, new Step("subjecten", subject, Personas.Coordinator()));
        return id;
    }

    private static string NewTraceId() => Guid.NewGuid().ToString("N");

    private async Task<ApiResponse> GetWithTrace(CasusClient client, string path, string traceId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        return await client.Send(request);
    }

    [Fact]
    public async Task Reading_a_casus_with_three_subjects_gives_one_audit_record_and_three_processing_records_on_the_callers_trace()
    {
        var id = await CasusMetDrieSubjecten();
        var trace = NewTraceId();

        var response = (await GetWithTrace(_client.As(Personas.Analist), $"/api/v1/casussen/{id}", trace)).AssertStatus(HttpStatusCode.OK);
        Assert.StartsWith($"00-{trace}-", response.Message.Headers.GetValues("traceparent").Single());

        var audit = Assert.Single(await Db.Audit(trace));
        Assert.Equal("a.jansen", audit["gebruiker_id"]);
        Assert.Equal("riec-zwb", audit["organisatie_id"]);
        Assert.Equal(new[] { "riec-analist" }, (string[])audit["rollen"]!);
        Assert.Equal("casus-opvragen", audit["actie"]);
        Assert.Equal(id, audit["casus_id"]);
        Assert.Equal(200, audit["resultaat"]);
        Assert.Equal("taskforce-brabant-zeeland", audit["regio"]);
        Assert.StartsWith("adres:", (string)audit["herkomst"]!);

        var verwerkingen = await Db.Verwerkingen(trace);
        Assert.Equal(3, verwerkingen.Count);
        Assert.Equal(3, verwerkingen.Select(v => v["subject_pseudoniem"]).Distinct().Count());
        Assert.All(verwerkingen, v =>
        {
            Assert.Equal("casus-verkennen", v["activiteit_id"]);
            Assert.Equal(audit["span_id"], v["span_id"]);
            Assert.Equal(id, v["casus_id"]);
            Assert.Equal("voltooid", v["status"]);
            Assert.Matches("^[0-9a-f]{64}$", (string)v["subject_pseudoniem"]!);
        });
        var columns = (await Db.Rows("select column_name from information_schema.columns where table_schema = 'casus' and table_name = 'verwerkingslog'"))
            .Select(r => (string)r["column_name"]!).ToList();
        Assert.DoesNotContain(columns, c => c.Contains("gebruiker") || c.Contains("organisatie"));
        var allText = string.Join("|", (await Db.Rows("select * from casus.verwerkingslog")).SelectMany(r => r.Values).Select(v => v?.ToString()));
        Assert.DoesNotContain("111222333", allText);
        Assert.DoesNotContain("Jansen", allText);
    }

    [Fact]
    public async Task The_auditor_reads_the_processing_log_of_a_casus_without_seeing_who_the_subjects_are()
    {
        var id = await CasusMetDrieSubjecten();
        var trace = NewTraceId();
        (await GetWithTrace(_client.As(Personas.Tilburg), $"/api/v1/casussen/{id}", trace)).AssertStatus(HttpStatusCode.OK);

        var log = (await _client.As(Personas.Auditor).Get($"/api/v1/casussen/{id}/verwerkingen?pageSize=100")).AssertStatus(HttpStatusCode.OK);
        var read = log.Body!["results"]!.AsArray().Where(r => r!["traceId"]!.GetValue<string>() == trace).ToList();
        Assert.Equal(3, read.Count);
        Assert.All(read, r => Assert.Equal("Gemeente Tilburg", r!["organisaties"]!.AsArray().Single()!["naam"]!.GetValue<string>()));
        var text = log.Body.ToJsonString();
        Assert.DoesNotContain("111222333", text);
        Assert.DoesNotContain("Jansen", text);
        Assert.DoesNotContain("pseudoniem", text);
    }

    [Fact]
    public async Task A_list_read_is_audited_without_processing_records()
    {
        var trace = NewTraceId();
        (await GetWithTrace(_client, "/api/v1/casussen", trace)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("casussen-zoeken", Assert.Single(await Db.Audit(trace))["actie"]);
        Assert.Empty(await Db.Verwerkingen(trace));
    }

    [Fact]
    public async Task Refused_requests_are_audited_with_their_reason()
    {
        var id = await CasusMetDrieSubjecten();

        var cases = new (CasusClient Client, Func<CasusClient, string, Task<ApiResponse>> Request, int Status, string Reden)[]
        {
            (_client.As(null), (c, t) => GetWithTrace(c, $"/api/v1/casussen/{id}", t), 401, "toegang.niet-aangemeld"),
            (_client.As(Personas.Maastricht), (c, t) => GetWithTrace(c, $"/api/v1/casussen/{id}", t), 404, "toegang.niet-zichtbaar"),
            (_client.As(Personas.Auditor), (c, t) => c.Send(Traced(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/casussen/{id}/verkenningsbesluit")
                { Content = System.Net.Http.Json.JsonContent.Create(Examples.Opnemen) }, t)), 403, "toegang.rol-ontbreekt"),
        };
        foreach (var (client, request, status, reden) in cases)
        {
            var trace = NewTraceId();
            Assert.Equal(status, (int)(await request(client, trace)).Status);
            var record = Assert.Single(await Db.Audit(trace));
            Assert.Equal(status, record["resultaat"]);
            Assert.StartsWith(reden, (string)record["reden"]!);
            Assert.Equal(id, record["casus_id"]);
            Assert.Empty(await Db.Verwerkingen(trace));
        }

        var invalid = _client.As(null);
        var bad = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/casussen/{id}");
        bad.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");
        var badTrace = NewTraceId();
        Assert.Equal(HttpStatusCode.Unauthorized, (await invalid.Send(Traced(bad, badTrace))).Status);
        Assert.Equal(401, Assert.Single(await Db.Audit(badTrace))["resultaat"]);
    }

    private static HttpRequestMessage Traced(HttpRequestMessage request, string traceId)
    {
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        return request;
    }

    [Fact]
    public async Task Every_event_carries_who_why_and_its_trace_and_has_an_audit_record_of_that_trace()
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, Examples.ToInformatieDelen);
        await _client.Commands(id, Examples.ToUitvoeren);

        var events = await Db.Rows("""
            select e.version, e.type, e.user_name, e.correlation_id, e.headers::text as headers,
                   (select count(*) from casus.auditlog a where a.trace_id = e.correlation_id and a.casus_id = e.stream_id and a.resultaat < 300) as audits
            from casus.mt_events e where e.stream_id = $1 order by e.version
            """, id);
        Assert.Equal(8, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal(1L, e["audits"]);
            Assert.Matches("^[0-9a-f]{32}$", (string)e["correlation_id"]!);
            Assert.Contains("\"doel\"", (string)e["headers"]!);
            Assert.Contains("\"grondslag\"", (string)e["headers"]!);
            Assert.Contains("\"verwerkingsactiviteit\"", (string)e["headers"]!);
        });
        Assert.Equal("m.tilburg", events[0]["user_name"]);
        Assert.Contains(Examples.TilburgId, (string)events[0]["headers"]!);
        var bijdrage = events.Single(e => (string)e["type"]! == "informatie_gedeeld");
        Assert.Equal("m.belasting", bijdrage["user_name"]);
        Assert.Contains("art. 43c AWR", (string)bijdrage["headers"]!);
    }

    [Fact]
    public async Task When_the_audit_record_cannot_be_written_the_events_are_not_stored_either()
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, new Step("verkenning", Examples.Verkenning, Personas.Coordinator()));
        var before = await _client.Version(id);
        // Make the audit insert fail for one action only, as a crash between the two writes would.
        await Db.Execute("""
            create or replace function casus.test_weiger_audit() returns trigger language plpgsql as $$
            begin if new.actie = 'subject-toevoegen' and new.resultaat < 300 then raise exception 'audit store down'; end if; return new; end $$;
            create or replace trigger test_weiger_audit before insert on casus.auditlog for each row execute function casus.test_weiger_audit();
            """);
        try
        {
            var response = await _client.Command(id, "subjecten", Examples.Subject);
            Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
            Assert.Equal(before, await _client.Version(id));
            Assert.Empty(await Db.Rows("select 1 from casus.mt_events where stream_id = $1 and type = 'subject_toegevoegd'", id));
            var failure = Assert.Single(await Db.Rows("select * from casus.auditlog where casus_id = $1 and actie = 'subject-toevoegen'", id));
            Assert.Equal(500, failure["resultaat"]);
        }
        finally
        {
            await Db.Execute("drop trigger test_weiger_audit on casus.auditlog; drop function casus.test_weiger_audit();");
        }
        (await _client.Command(id, "subjecten", Examples.Subject)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_logs_refuse_updates_and_deletes()
    {
        await _client.Get("/api/v1/casussen");
        foreach (var sql in new[]
        {
            "update casus.auditlog set resultaat = 200", "delete from casus.auditlog", "truncate casus.auditlog",
            "update casus.verwerkingslog set status = 'x'", "delete from casus.verwerkingslog",
        })
        {
            var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => Db.Execute(sql));
            Assert.Contains("alleen aan te vullen", error.MessageText);
        }
    }
}
