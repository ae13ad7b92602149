using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;
using Casus.Api.Tests.Termijnen;

namespace Casus.Api.Tests.Notificaties;

/// <summary>Partner systems are told what concerns them, over real HTTP, signed, at least once, never about a casus they
/// may not see.</summary>
public sealed class WebhookTests(WebhookApi api) : IClassFixture<WebhookApi>
{
    private Ontvanger Ontvanger => api.Ontvanger;

    private static object Verzoek(string vraag) => new { aanPartnerId = Examples.BelastingdienstId, vraag, grondslag = "art. 43c AWR" };

    [Fact]
    public async Task An_information_request_to_an_organisation_reaches_its_endpoint_once_as_a_signed_cloudevent_without_personal_data()
    {
        var (_, geheim) = await api.AbonneerAsync(WebhookApi.BeheerBelastingdienst, "bd-1", "informatie-verzocht");
        await api.AbonneerAsync(WebhookApi.BeheerTilburg, "tilburg-1", "informatie-verzocht");
        var client = api.Client();
        var id = await client.NewCasus(Examples.SignaalVandaag);
        await client.Commands(id, Examples.ToInformatieDelenVandaag);

        var klok = Stopwatch.StartNew();
        var verzoek = (await client.Command(id, "informatieverzoeken", Verzoek("Welke aangiften deed Jan Jansen (BSN 111222333)?")))
            .AssertStatus(HttpStatusCode.OK);
        Assert.True(await TermijnApi.WachtOpAsync(() => Task.FromResult(Ontvanger.Op("bd-1").Count > 0), 10), "nothing delivered");
        var latentie = klok.Elapsed;
        await Task.Delay(1500);

        var bericht = Assert.Single(Ontvanger.Op("bd-1"));
        Assert.Empty(Ontvanger.Op("tilburg-1"));
        Assert.True(StandardWebhooksVerifier.Klopt(geheim, bericht.Headers, bericht.Body), "signature does not verify");
        Assert.False(StandardWebhooksVerifier.Klopt("whsec_" + Convert.ToBase64String(new byte[32]), bericht.Headers, bericht.Body));
        Assert.StartsWith("application/cloudevents+json", bericht.Headers["content-type"]);

        var cloudEvent = JsonNode.Parse(bericht.Body)!;
        Assert.Equal("1.0", cloudEvent["specversion"]!.GetValue<string>());
        Assert.Equal("nl.riec.casus.informatie-verzocht", cloudEvent["type"]!.GetValue<string>());
        Assert.StartsWith("urn:", cloudEvent["source"]!.GetValue<string>());
        Assert.Equal(id.ToString(), cloudEvent["subject"]!.GetValue<string>());
        Assert.Equal(bericht.Headers["webhook-id"], cloudEvent["id"]!.GetValue<string>());
        Assert.EndsWith($"/api/v1/casussen/{id}", cloudEvent["dataref"]!.GetValue<string>());
        var traceId = verzoek.Message.Headers.GetValues("traceparent").Single().Split('-')[1];
        Assert.Equal(traceId, cloudEvent["traceparent"]!.GetValue<string>().Split('-')[1]);
        Assert.Equal((Examples.BelastingdienstId, 1), (cloudEvent["data"]!["organisatieId"]!.GetValue<string>(), cloudEvent["data"]!["nummer"]!.GetValue<int>()));
        Assert.DoesNotContain("Jansen", bericht.Body);
        Assert.DoesNotContain("111222333", bericht.Body);
        Assert.DoesNotContain("aangiften", bericht.Body);
        Assert.DoesNotContain("Ringbaan", bericht.Body);
        Assert.True(latentie < TimeSpan.FromSeconds(10), $"delivered after {latentie}");

        var audit = (await client.As(Personas.Auditor).Get($"/api/v1/casussen/{id}/auditrecords?pageSize=100")).AssertStatus(HttpStatusCode.OK).Body!;
        var aflevering = Assert.Single(audit["results"]!.AsArray(), r => r!["actie"]!.GetValue<string>() == "webhook-aflevering"
            && r["reden"]!.GetValue<string>().Contains(Ontvanger.Url("bd-1")))!;
        Assert.Equal(traceId, aflevering["traceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_receiver_that_was_down_gets_the_message_after_it_comes_back_with_the_same_webhook_id_and_again_on_request()
    {
        var (abonnement, geheim) = await api.AbonneerAsync(WebhookApi.BeheerBelastingdienst, "bd-2", "interventie-geadviseerd");
        var client = api.Client();
        var id = await client.NewCasus(Examples.SignaalVandaag);
        await client.Commands(id, Examples.ToInformatieDelenVandaag);
        await client.Commands(id, Examples.ToUitvoerenVandaag[..3]);

        await Ontvanger.StopAsync(); // down: connections refused
        try
        {
            await client.Commands(id, Examples.ToUitvoerenVandaag[3]);
            Assert.True(await TermijnApi.WachtOpAsync(async () =>
                (await api.AfleveringenAsync(WebhookApi.BeheerBelastingdienst, abonnement))["results"]!.AsArray()
                    .Any(a => a!["pogingen"]!.AsArray().Count >= 2), 15), "no failed attempts recorded while down");
        }
        finally
        {
            await Ontvanger.StartAsync(); // back, on the same port
        }
        Assert.True(await TermijnApi.WachtOpAsync(() => Task.FromResult(Ontvanger.Op("bd-2").Count > 0), 15),
            "never delivered after coming back: " + (await api.AfleveringenAsync(WebhookApi.BeheerBelastingdienst, abonnement)).ToJsonString());

        var bericht = Assert.Single(Ontvanger.Op("bd-2"));
        Assert.True(StandardWebhooksVerifier.Klopt(geheim, bericht.Headers, bericht.Body));
        var aflevering = Assert.Single((await api.AfleveringenAsync(WebhookApi.BeheerBelastingdienst, abonnement))["results"]!.AsArray())!;
        Assert.Equal(("afgeleverd", bericht.Headers["webhook-id"]), (aflevering["status"]!.GetValue<string>(), aflevering["id"]!.GetValue<string>()));
        var pogingen = aflevering["pogingen"]!.AsArray();
        Assert.All(pogingen.Take(pogingen.Count - 1), p => Assert.Equal("niet bereikbaar", p!["fout"]!.GetValue<string>()));
        Assert.InRange(pogingen[^1]!["statusCode"]!.GetValue<int>(), 200, 299);

        (await api.Client(WebhookApi.BeheerBelastingdienst).Post(
            $"/api/v1/partners/{Examples.BelastingdienstId}/abonnementen/{abonnement}/afleveringen/{aflevering["id"]}/herbezorging", new { }))
            .AssertStatus(HttpStatusCode.Accepted);
        Assert.True(await TermijnApi.WachtOpAsync(() => Task.FromResult(Ontvanger.Op("bd-2").Count > 1), 10), "not redelivered");
        Assert.Equal(bericht.Headers["webhook-id"], Ontvanger.Op("bd-2")[1].Headers["webhook-id"]);
        Assert.Equal(bericht.Body, Ontvanger.Op("bd-2")[1].Body);
    }

    [Fact]
    public async Task An_organisation_that_cannot_see_the_casus_is_told_nothing_and_one_that_joins_later_only_from_then_on()
    {
        var alles = new[] { "informatie-verzocht", "partner-aangesloten", "interventie-geadviseerd", "termijn-nadert", "termijn-verstreken", "stap-gewijzigd", "casus-afgesloten" };
        await api.AbonneerAsync(WebhookApi.BeheerDouane, "douane", alles);
        var client = api.Client();
        var id = await client.NewCasus(Examples.SignaalVandaag);
        await client.Commands(id, Examples.ToInformatieDelenVandaag);
        await client.Commands(id, Examples.ToUitvoerenVandaag);
        await Task.Delay(2000);
        Assert.Empty(Ontvanger.Op("douane"));

        (await client.Command(id, "partners", new { organisatie = new { id = WebhookApi.DouaneId, naam = "Douane", type = "douane" } }))
            .AssertStatus(HttpStatusCode.OK);
        Assert.True(await TermijnApi.WachtOpAsync(() => Task.FromResult(Ontvanger.Op("douane").Count > 0), 10));
        await Task.Delay(1500);
        Assert.Equal(["nl.riec.casus.partner-aangesloten"],
            Ontvanger.Op("douane").Select(b => JsonNode.Parse(b.Body)!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_subscription_that_keeps_failing_is_paused_with_its_reason_and_resumes_on_request()
    {
        var (abonnement, _) = await api.AbonneerAsync(WebhookApi.BeheerTilburg, "tilburg-pauze", "stap-gewijzigd");
        var pad = $"/api/v1/partners/{Examples.TilburgId}/abonnementen/{abonnement}";
        var beheer = api.Client(WebhookApi.BeheerTilburg);
        Ontvanger.Antwoord = pad => Task.FromResult(pad == "tilburg-pauze" ? 500 : 204);
        var client = api.Client();
        var id = await client.NewCasus(Examples.SignaalVandaag);
        await client.Commands(id, Examples.ToInformatieDelenVandaag[0]); // verkennen: stap-gewijzigd to Tilburg, the submitter

        Assert.True(await TermijnApi.WachtOpAsync(async () =>
            (await beheer.Get(pad)).Body!["status"]!.GetValue<string>() == "gepauzeerd", 20), "never paused");
        var gepauzeerd = (await beheer.Get(pad)).Body!;
        Assert.Contains("HTTP 500", gepauzeerd["pauzeReden"]!.GetValue<string>());
        await client.Commands(id, Examples.ToInformatieDelenVandaag[1..]); // opname while paused: waits
        await Task.Delay(1500);
        var voor = Ontvanger.Op("tilburg-pauze").Count;

        Ontvanger.Antwoord = _ => Task.FromResult(200);
        (await beheer.Post($"{pad}/hervatting", new { })).AssertStatus(HttpStatusCode.OK);
        Assert.True(await TermijnApi.WachtOpAsync(async () =>
            (await api.AfleveringenAsync(WebhookApi.BeheerTilburg, abonnement))["results"]!.AsArray()
                .Any(a => a!["status"]!.GetValue<string>() == "afgeleverd"), 15), "nothing delivered after resuming");
        Assert.True(Ontvanger.Op("tilburg-pauze").Count > voor);
        Assert.Equal("actief", (await beheer.Get(pad)).Body!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_input_and_another_organisations_subscriptions_are_refused_and_change_nothing()
    {
        var beheer = api.Client(WebhookApi.BeheerDouane);
        var pad = $"/api/v1/partners/{WebhookApi.DouaneId}/abonnementen";
        var voor = (await beheer.Get(pad)).AssertStatus(HttpStatusCode.OK).Body!.AsArray().Count;

        var url = (await beheer.Post(pad, new { callbackUrl = "geen url", soorten = new[] { "stap-gewijzigd" } })).AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal(["callbackUrl"], url.InvalidParamNames);
        (await beheer.Post(pad, new { callbackUrl = Ontvanger.Url("x"), soorten = new[] { "alles" } })).AssertStatus(HttpStatusCode.BadRequest);
        var leeg = (await beheer.Post(pad, new { callbackUrl = Ontvanger.Url("x"), soorten = Array.Empty<string>() })).AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal(["soorten"], leeg.InvalidParamNames);
        var ander = (await beheer.Post($"/api/v1/partners/{Examples.TilburgId}/abonnementen",
            new { callbackUrl = Ontvanger.Url("x"), soorten = new[] { "stap-gewijzigd" } })).AssertStatus(HttpStatusCode.Forbidden);
        Assert.Equal("toegang.andere-organisatie", ander.Code);
        (await api.Client(Personas.Belastingdienst).Get($"/api/v1/partners/{Examples.BelastingdienstId}/abonnementen"))
            .AssertStatus(HttpStatusCode.Forbidden);
        var (tilburg, _) = await api.AbonneerAsync(WebhookApi.BeheerTilburg, "t", "stap-gewijzigd");
        (await beheer.Get($"{pad}/{tilburg}")).AssertStatus(HttpStatusCode.NotFound);

        Assert.Equal(voor, (await beheer.Get(pad)).Body!.AsArray().Count);
    }

    [Fact]
    public async Task A_rotated_secret_keeps_signing_next_to_the_new_one_during_the_overlap()
    {
        var (abonnement, oud) = await api.AbonneerAsync(WebhookApi.BeheerTilburg, "rotatie", "stap-gewijzigd");
        var nieuw = (await api.Client(WebhookApi.BeheerTilburg).Post($"/api/v1/partners/{Examples.TilburgId}/abonnementen/{abonnement}/geheimen", new { }))
            .AssertStatus(HttpStatusCode.Created).Body!["geheim"]!.GetValue<string>();
        var client = api.Client();
        var id = await client.NewCasus(Examples.SignaalVandaag);
        await client.Commands(id, Examples.ToInformatieDelenVandaag[0]);

        Assert.True(await TermijnApi.WachtOpAsync(() => Task.FromResult(Ontvanger.Op("rotatie").Count > 0), 10));
        var bericht = Ontvanger.Op("rotatie")[0];
        Assert.True(StandardWebhooksVerifier.Klopt(oud, bericht.Headers, bericht.Body));
        Assert.True(StandardWebhooksVerifier.Klopt(nieuw, bericht.Headers, bericht.Body));
        Assert.Equal(2, bericht.Headers["webhook-signature"].Split(' ').Length);
    }
}
