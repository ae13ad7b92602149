using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;
using Casus.Api.Tests.Verantwoording;

namespace Casus.Api.Tests.HttpGedrag;

/// <summary>A POST retried with the same Idempotency-Key and body gets the original answer and appends nothing; the key
/// with another body is 422; keys are per user and organisation and are remembered for 24 hours.</summary>
public sealed class IdempotentieTests(CasusApi api) : IClassFixture<CasusApi>
{
    private readonly CasusClient _client = api.Client();
    private LogReader Db => new(api.ConnectionString);

    private static HttpRequestMessage Post(string path, object body, string sleutel)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", sleutel);
        return request;
    }

    private async Task<long> Gebeurtenissen() => (long)(await Db.Rows("select count(*) as n from casus.mt_events"))[0]["n"]!;

    [Fact]
    public async Task A_retried_signaal_gets_the_original_answer_and_creates_no_second_casus()
    {
        var tilburg = _client.As(Personas.Tilburg);
        var sleutel = Guid.NewGuid().ToString();
        var eerste = (await tilburg.Send(Post("/api/v1/casussen", Examples.Signaal(), sleutel))).AssertStatus(HttpStatusCode.Created);
        var voor = await Gebeurtenissen();

        var herhaald = (await tilburg.Send(Post("/api/v1/casussen", Examples.Signaal(), sleutel))).AssertStatus(HttpStatusCode.Created);

        Assert.Equal(eerste.Message.Headers.Location, herhaald.Message.Headers.Location);
        Assert.Equal(eerste.ETag, herhaald.ETag);
        Assert.Equal("application/json", herhaald.ContentType);
        Assert.True(JsonNode.DeepEquals(eerste.Body, herhaald.Body), $"{eerste.Body}\n{herhaald.Body}");
        Assert.Equal(voor, await Gebeurtenissen());
        var audit = await Db.Rows("select reden from casus.auditlog where reden like 'idempotentie.herhaald%'");
        Assert.Single(audit);
    }

    [Fact]
    public async Task A_retried_command_appends_nothing_and_another_body_with_the_same_key_is_422()
    {
        var id = await _client.NewCasus();
        var sleutel = Guid.NewGuid().ToString();
        var eerste = (await _client.Send(Post($"/api/v1/casussen/{id}/verkenning", Examples.Verkenning, sleutel))).AssertStatus(HttpStatusCode.OK);
        var herhaald = (await _client.Send(Post($"/api/v1/casussen/{id}/verkenning", Examples.Verkenning, sleutel))).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(2, herhaald.Body!["versie"]!.GetValue<long>());
        Assert.Equal(eerste.ETag, herhaald.ETag);

        var ander = await _client.Send(Post($"/api/v1/casussen/{id}/verkenning", new { coordinator = "Iemand anders" }, sleutel));
        ander.AssertStatus(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("idempotentie.sleutel-hergebruikt", ander.Code);
        var anderPad = await _client.Send(Post($"/api/v1/casussen/{Guid.NewGuid()}/verkenning", Examples.Verkenning, sleutel));
        Assert.Equal("idempotentie.sleutel-hergebruikt", anderPad.AssertStatus(HttpStatusCode.UnprocessableEntity).Code);
        Assert.Equal(2, await _client.Version(id));
    }

    [Fact]
    public async Task Keys_are_per_user_and_an_error_is_not_remembered()
    {
        var sleutel = Guid.NewGuid().ToString();
        var id = await _client.NewCasus();
        // Refused (Tilburg may not start the verkenning): nothing is remembered, so the coordinator can use the key.
        (await _client.As(Personas.Tilburg).Send(Post($"/api/v1/casussen/{id}/verkenning", Examples.Verkenning, sleutel)))
            .AssertStatus(HttpStatusCode.Forbidden);
        (await _client.Send(Post($"/api/v1/casussen/{id}/verkenning", Examples.Verkenning, sleutel))).AssertStatus(HttpStatusCode.OK);
        // Another user's identical key is another key.
        var tilburg = _client.As(Personas.Tilburg);
        var a = (await tilburg.Send(Post("/api/v1/casussen", Examples.Signaal(), sleutel))).AssertStatus(HttpStatusCode.Created);
        Assert.NotEqual(id.ToString(), a.Body!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_the_window_the_key_runs_the_request_again()
    {
        var tilburg = _client.As(Personas.Tilburg);
        var sleutel = Guid.NewGuid().ToString();
        var eerste = (await tilburg.Send(Post("/api/v1/casussen", Examples.Signaal(), sleutel))).AssertStatus(HttpStatusCode.Created);
        try
        {
            api.Clock.Set(CasusApi.Now.AddHours(24).AddSeconds(1));
            var later = (await tilburg.Send(Post("/api/v1/casussen", Examples.Signaal(), sleutel))).AssertStatus(HttpStatusCode.Created);
            Assert.NotEqual(eerste.Message.Headers.Location, later.Message.Headers.Location);
        }
        finally
        {
            api.Clock.Set(CasusApi.Now);
        }
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_create_one_casus()
    {
        var tilburg = _client.As(Personas.Tilburg);
        var sleutel = Guid.NewGuid().ToString();
        var antwoorden = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => tilburg.Send(Post("/api/v1/casussen", Examples.Signaal(), sleutel))));
        Assert.All(antwoorden, a => a.AssertStatus(HttpStatusCode.Created));
        Assert.Single(antwoorden.Select(a => a.Message.Headers.Location).Distinct());
    }

    [Theory]
    [InlineData(256)]
    [InlineData(0)]
    public async Task An_invalid_key_is_400(int lengte)
    {
        var sleutel = lengte == 0 ? "a\tb" : new string('k', lengte);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/casussen") { Content = JsonContent.Create(Examples.Signaal()) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", sleutel);
        var response = (await _client.As(Personas.Tilburg).Send(request)).AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("Idempotency-Key", response.InvalidParamNames);
    }
}
