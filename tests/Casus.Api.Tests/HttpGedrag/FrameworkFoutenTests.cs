using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.HttpGedrag;

/// <summary>Answers the framework gives (unknown path, wrong method, wrong or missing media type, body too large, unmet
/// Accept) are problem+json with a stable code and Dutch text, like every other error.</summary>
public sealed class FrameworkFoutenTests(CasusApi api) : IClassFixture<CasusApi>
{
    private readonly CasusClient _client = api.Client();

    private static void AssertProblem(ApiResponse response, HttpStatusCode status, string code)
    {
        response.AssertStatus(status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(code, response.Code);
        Assert.Equal((int)status, response.Body!["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(response.Body["detail"]?.GetValue<string>()));
        Assert.DoesNotContain("error occurred", response.Body["title"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_path_is_404_niet_gevonden() =>
        AssertProblem(await _client.Get("/api/v1/bestaat-niet"), HttpStatusCode.NotFound, "niet-gevonden");

    [Fact]
    public async Task A_wrong_method_is_405_with_allow()
    {
        var response = await _client.Send(HttpMethod.Delete, "/api/v1/casussen", null, null);
        AssertProblem(response, HttpStatusCode.MethodNotAllowed, "methode-niet-toegestaan");
        Assert.Contains("POST", response.Message.Content.Headers.Allow);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task A_body_without_json_content_type_is_415(string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{}"));
        if (contentType is not null) content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var response = await _client.As(Personas.Tilburg).Send(HttpMethod.Post, "/api/v1/casussen", content, null);
        AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "mediatype-niet-ondersteund");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_creates_nothing()
    {
        var groot = new string('x', 1024 * 1024 + 1);
        var response = await _client.As(Personas.Tilburg).PostRaw("/api/v1/casussen", $"{{\"omschrijving\":\"{groot}\"}}");
        AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "body-te-groot");
        Assert.Empty((await _client.Get("/api/v1/casussen")).AssertStatus(HttpStatusCode.OK).Body!["results"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/v1/casussen", "text/html")]
    [InlineData("/api/v1/casussen", "application/xml, text/csv;q=0.5")]
    [InlineData("/api/v1/verwerkingsactiviteiten", "text/csv")]
    public async Task An_unmet_accept_is_406(string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        AssertProblem(await _client.Send(request), HttpStatusCode.NotAcceptable, "mediatype-niet-beschikbaar");
    }

    [Theory]
    [InlineData("/api/v1/casussen", "application/json")]
    [InlineData("/api/v1/casussen", "*/*")]
    [InlineData("/api/v1/casussen", "application/*, text/html")]
    [InlineData("/api/v1/jaarcijfers/2026", "text/csv")]
    public async Task A_met_accept_is_answered(string path, string accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var client = path.Contains("jaarcijfers") ? _client.As(Personas.Liec) : _client;
        Assert.Equal(HttpStatusCode.OK, (await client.Send(request)).Status);
    }
}
