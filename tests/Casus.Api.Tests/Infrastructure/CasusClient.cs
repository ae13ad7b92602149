using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Casus.Api.Beveiliging;
using Casus.Domain.Toegang;
using Microsoft.Extensions.DependencyInjection;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>An HTTP response read as raw JSON: tests assert the wire contract, not C# types.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Message)
{
    public string? ETag => Message.Headers.ETag?.Tag;
    public string? ContentType => Message.Content.Headers.ContentType?.MediaType;
    public string Code => Body?["code"]?.GetValue<string>() ?? "";

    public IReadOnlyList<string> InvalidParamNames =>
        Body?["invalidParams"]?.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order().ToList() ?? [];

    public ApiResponse AssertStatus(HttpStatusCode expected)
    {
        Assert.True(Status == expected, $"Expected {(int)expected}, got {(int)Status}: {Body?.ToJsonString()}");
        return this;
    }
}

/// <summary>Talks to the API as a partner system would, with a bearer token for <paramref name="actor"/> (none: anonymous).</summary>
public sealed class CasusClient(CasusApi api, Actor? actor)
{
    private readonly HttpClient http = Authorized(api, actor);

    public Actor? Actor => actor;

    /// <summary>The same API, as someone else.</summary>
    public CasusClient As(Actor? other) => new(api, other);

    /// <summary>An HTTP client of the API with a bearer token for <paramref name="actor"/> (none: anonymous).</summary>
    public static HttpClient Authorized(CasusApi api, Actor? actor)
    {
        var client = api.CreateCheckedClient();
        if (actor is not null)
            client.DefaultRequestHeaders.Authorization =
                new("Bearer", api.Services.GetRequiredService<DevelopmentTokens>().Mint(actor).Token);
        return client;
    }

    public Task<ApiResponse> Post(string path, object body, string? ifMatch = null) =>
        Send(HttpMethod.Post, path, JsonContent.Create(body), ifMatch);

    public Task<ApiResponse> PostRaw(string path, string body, string contentType = "application/json") =>
        Send(HttpMethod.Post, path, new StringContent(body, Encoding.UTF8, contentType), null);

    public Task<ApiResponse> Get(string path) => Send(HttpMethod.Get, path, null, null);

    public async Task<ApiResponse> Send(HttpMethod method, string path, HttpContent? content, string? ifMatch, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await Send(request);
    }

    /// <summary>Sends a prepared request with this client's token.</summary>
    public async Task<ApiResponse> Send(HttpRequestMessage request)
    {
        using (request)
        {
            var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var body = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json") == true ? JsonNode.Parse(text) : null;
            return new ApiResponse(response.StatusCode, body, response);
        }
    }

    /// <summary>Submits a signaal (the standard example unless given) as Gemeente Tilburg staff; returns the new casus id.</summary>
    public async Task<Guid> NewCasus(object? signaal = null)
    {
        var created = (await As(Personas.Tilburg).Post("/api/v1/casussen", signaal ?? Examples.Signaal())).AssertStatus(HttpStatusCode.Created);
        return Guid.Parse(created.Body!["id"]!.GetValue<string>());
    }

    public Task<ApiResponse> Command(Guid casusId, string segment, object body, string? ifMatch = null) =>
        Post($"/api/v1/casussen/{casusId}/{segment}", body, ifMatch);

    /// <summary>Runs commands, each as its own actor, that must all succeed; returns the last response.</summary>
    public async Task<ApiResponse> Commands(Guid casusId, params Step[] steps)
    {
        ApiResponse? last = null;
        foreach (var step in steps) last = (await As(step.Als).Command(casusId, step.Segment, step.Body)).AssertStatus(HttpStatusCode.OK);
        return last!;
    }

    public async Task<long> Version(Guid casusId) =>
        (await As(Personas.Coordinator()).Get($"/api/v1/casussen/{casusId}")).AssertStatus(HttpStatusCode.OK).Body!["versie"]!.GetValue<long>();

    public async Task<JsonArray> History(Guid casusId) =>
        (await Get($"/api/v1/casussen/{casusId}/gebeurtenissen")).AssertStatus(HttpStatusCode.OK).Body!.AsArray();
}
