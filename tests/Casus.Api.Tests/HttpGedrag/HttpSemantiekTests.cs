using System.Net;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.HttpGedrag;

/// <summary>HEAD for every GET, CORS for the configured origins (and for everyone on the OpenAPI document), and the
/// security headers every answer carries.</summary>
public sealed class HttpSemantiekTests(CasusApi api) : IClassFixture<CasusApi>
{
    private readonly CasusClient _client = api.Client();

    [Fact]
    public async Task Head_answers_as_get_without_a_body()
    {
        var id = await _client.NewCasus();
        var get = await _client.Get($"/api/v1/casussen/{id}");

        var head = await _client.Send(HttpMethod.Head, $"/api/v1/casussen/{id}", null, null);

        Assert.Equal(HttpStatusCode.OK, head.Status);
        Assert.Equal(get.ETag, head.ETag);
        Assert.Equal("1.0.0", head.Message.Headers.GetValues("API-Version").Single());
        Assert.Empty(await head.Message.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Send(HttpMethod.Head, $"/api/v1/casussen/{Guid.NewGuid()}", null, null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous().Send(HttpMethod.Head, "/api/v1/openapi.json", null, null)).Status);
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered_with_what_it_may_send()
    {
        var response = await Preflight("/api/v1/casussen", CasusApi.PartnerOrigin, "POST", "authorization,content-type,idempotency-key,if-match");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(CasusApi.PartnerOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")));
        var headers = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("idempotency-key", headers);
        Assert.Contains("if-match", headers);
    }

    [Fact]
    public async Task Another_origin_gets_no_cors_permission_and_answers_expose_the_headers_partners_need()
    {
        var preflight = await Preflight("/api/v1/casussen", "https://kwaadwillend.example.com", "POST", "authorization");
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/casussen");
        request.Headers.Add("Origin", CasusApi.PartnerOrigin);
        var response = (await _client.Send(request)).Message;
        Assert.Equal(CasusApi.PartnerOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers"));
        foreach (var header in new[] { "ETag", "Location", "Link", "API-Version" }) Assert.Contains(header, exposed);
    }

    [Fact]
    public async Task The_openapi_document_is_open_to_every_origin()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/openapi.json");
        request.Headers.Add("Origin", "https://wie-dan-ook.example.org");
        var response = (await api.Anonymous().Send(request)).Message;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());

        var preflight = await Preflight("/api/v1/openapi.json", "https://wie-dan-ook.example.org", "GET", "accept");
        Assert.Equal("*", preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Every_answer_carries_hsts_and_referrer_policy()
    {
        foreach (var response in new[] { await _client.Get("/api/v1/casussen"), await _client.Get("/api/v1/bestaat-niet") })
        {
            Assert.StartsWith("max-age=", response.Message.Headers.GetValues("Strict-Transport-Security").Single());
            Assert.Equal("no-referrer", response.Message.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    private async Task<HttpResponseMessage> Preflight(string path, string origin, string method, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return (await api.Anonymous().Send(request)).Message;
    }
}
