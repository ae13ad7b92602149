using System.Net;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.Termijnen;

/// <summary>Terms over HTTP on a real PostgreSQL: an information request's term passes when the clock moves past its last
/// day, exactly once, with its audit record, and the organisation asked sees it on its dashboard.</summary>
public sealed class TermijnTests(TermijnApi api) : IClassFixture<TermijnApi>
{
    private static readonly DateOnly Vandaag = DateOnly.FromDateTime(CasusApi.Now.UtcDateTime);

    /// <summary>A casus of a signaal of today, taken up today (so no step term of it has passed), with an information request.</summary>
    private async Task<Guid> CasusMetVerzoek(CasusClient client, DateOnly antwoordVoor)
    {
        var id = await client.NewCasus(Examples.SignaalVandaag);
        await client.Commands(id, Examples.ToInformatieDelenVandaag);
        (await client.Command(id, "informatieverzoeken", new
        {
            aanPartnerId = Examples.BelastingdienstId, vraag = "Fiscale gegevens van de bv?", grondslag = "art. 43c AWR",
            antwoordVoor = antwoordVoor.ToString("yyyy-MM-dd"),
        })).AssertStatus(HttpStatusCode.OK);
        return id;
    }

    private void ZetKlok(DateOnly dag) => api.Clock.Set(new DateTimeOffset(dag.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));

    [Fact]
    public async Task A_request_not_answered_by_its_last_day_gets_exactly_one_term_passed_event_with_its_audit_record()
    {
        api.Clock.Set(CasusApi.Now);
        var client = api.Client();
        var onbeantwoord = await CasusMetVerzoek(client, Vandaag.AddDays(10));
        var beantwoord = await CasusMetVerzoek(client, Vandaag.AddDays(10));
        (await client.As(Personas.Belastingdienst).Command(beantwoord, "informatiebijdragen", Examples.OpDatum(Examples.Bijdrage(1)))).AssertStatus(HttpStatusCode.OK);

        ZetKlok(Vandaag.AddDays(10));
        await Task.Delay(1000); // five sweeps on the last day itself: reminded, not passed
        Assert.Empty(await api.VerstrekenAsync(onbeantwoord));

        ZetKlok(Vandaag.AddDays(11));
        Assert.True(await TermijnApi.WachtOpAsync(async () => (await api.VerstrekenAsync(onbeantwoord)).Count > 0), "the term never fired");
        await Task.Delay(1000); // more sweeps: still one
        ZetKlok(Vandaag.AddDays(40));
        await Task.Delay(1000);

        Assert.Equal(["antwoord-1"], await api.VerstrekenAsync(onbeantwoord));
        Assert.Empty(await api.VerstrekenAsync(beantwoord));

        var gebeurtenis = (await client.As(Personas.Coordinator()).History(onbeantwoord)).Last()!;
        Assert.Equal("TermijnVerstreken", gebeurtenis["type"]!.GetValue<string>());
        var data = gebeurtenis["gegevens"]!;
        Assert.Equal(("antwoord", Examples.BelastingdienstId, Vandaag.AddDays(10).ToString("yyyy-MM-dd")),
            (data["soort"]!.GetValue<string>(), data["wachtOp"]!.GetValue<string>(), data["uiterlijk"]!.GetValue<string>()));

        var audit = (await client.As(Personas.Auditor).Get($"/api/v1/casussen/{onbeantwoord}/auditrecords")).AssertStatus(HttpStatusCode.OK);
        var systeem = Assert.Single(audit.Body!["results"]!.AsArray(), r => r!["actie"]!.GetValue<string>() == "termijnbewaking"
            && r["reden"]!.GetValue<string>().Contains("verstreken: antwoord-1"))!;
        Assert.Equal(("systeem:termijnbewaking", 200), (systeem["gebruikerId"]!.GetValue<string>(), systeem["resultaat"]!.GetValue<int>()));
        var keten = (await client.As(Personas.Auditor).Get($"/api/v1/casussen/{onbeantwoord}/keten")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("ok", keten.Body!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_organisation_asked_sees_the_request_due_soon_then_passed_on_its_dashboard_and_no_other_organisation_does()
    {
        api.Clock.Set(CasusApi.Now);
        var client = api.Client();
        var id = await CasusMetVerzoek(client, Vandaag.AddDays(10));

        ZetKlok(Vandaag.AddDays(5));
        await api.WachtOpProjectiesAsync();
        var binnenkort = await Item(Personas.Belastingdienst, Examples.BelastingdienstId, id);
        Assert.Equal(("verloopt-binnenkort", Vandaag.AddDays(10).ToString("yyyy-MM-dd")),
            (binnenkort!["termijn"]!.GetValue<string>(), binnenkort["antwoordVoor"]!.GetValue<string>()));

        ZetKlok(Vandaag.AddDays(11));
        Assert.True(await TermijnApi.WachtOpAsync(async () => (await api.VerstrekenAsync(id)).Count > 0), "the term never fired");
        await api.WachtOpProjectiesAsync();
        var dashboard = (await client.As(Personas.Belastingdienst).Get($"/api/v1/partners/{Examples.BelastingdienstId}/dashboard"))
            .AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal("verlopen", (await Item(Personas.Belastingdienst, Examples.BelastingdienstId, id))!["termijn"]!.GetValue<string>());
        Assert.True(dashboard["verlopen"]!.GetValue<int>() >= 1);

        Assert.Null(await Item(Personas.Tilburg, Examples.TilburgId, id));
        var overzicht = (await client.Get("/api/v1/regios/taskforce-brabant-zeeland/overzicht")).AssertStatus(HttpStatusCode.OK).Body!;
        var stap = overzicht["perStap"]!.AsArray().Single(s => s!["stap"]!.GetValue<string>() == "informatie-delen-en-analyseren")!;
        Assert.True(stap["verlopenTermijnen"]!.GetValue<int>() >= 1, overzicht.ToJsonString());
    }

    private async Task<System.Text.Json.Nodes.JsonNode?> Item(Domain.Toegang.Actor als, string organisatieId, Guid casusId) =>
        (await api.Client(als).Get($"/api/v1/partners/{organisatieId}/informatieverzoeken?pageSize=100")).AssertStatus(HttpStatusCode.OK).Body!
            ["results"]!.AsArray().SingleOrDefault(v => v!["casusId"]!.GetValue<Guid>() == casusId);

    [Fact]
    public async Task A_due_date_before_today_or_more_than_a_year_ahead_is_refused_and_a_missing_one_gets_the_default_term()
    {
        api.Clock.Set(CasusApi.Now);
        var client = api.Client();
        var id = await client.NewCasus(Examples.SignaalVandaag);
        await client.Commands(id, Examples.ToInformatieDelenVandaag);
        var versie = await client.Version(id);

        foreach (var (datum, code) in new[] { (Vandaag.AddDays(-1), "voor-vandaag"), (Vandaag.AddDays(367), "te-ver") })
        {
            var geweigerd = (await client.Command(id, "informatieverzoeken", new
            {
                aanPartnerId = Examples.BelastingdienstId, vraag = "V?", grondslag = "G", antwoordVoor = datum.ToString("yyyy-MM-dd"),
            })).AssertStatus(HttpStatusCode.BadRequest);
            Assert.Equal(code, geweigerd.Body!["invalidParams"]![0]!["code"]!.GetValue<string>());
        }
        Assert.Equal(versie, await client.Version(id));

        var casus = (await client.Command(id, "informatieverzoeken", Examples.ZonderAntwoordVoor(Examples.OpDatum(Examples.Verzoek)))).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(Vandaag.AddDays(14).ToString("yyyy-MM-dd"), casus["informatieverzoeken"]![0]!["antwoordVoor"]!.GetValue<string>());
    }
}
