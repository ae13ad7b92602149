using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Casus.Api.Beveiliging;
using Casus.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Casus.Api.Tests.Toegang;

/// <summary>Without a valid token every endpoint answers 401 problem+json (toegang.niet-aangemeld) and changes nothing:
/// a token signed with another key, expired, not yet valid, for another audience or issuer, unsigned, without roles,
/// or no JWT at all.</summary>
public sealed class TokenToegangTests(CasusApi api) : IClassFixture<CasusApi>
{
    private static readonly DateTime Nu = DateTime.UtcNow;

    public static TheoryData<string> Ongeldig => new()
    {
        "andere-sleutel", "verlopen", "nog-niet-geldig", "andere-audience", "andere-issuer", "niet-ondertekend", "zonder-rol",
        "onbekende-rol", "onzin", "leeg-jwt", "basic-schema",
    };

    /// <summary>Every token is for Tilburg staff, who may submit the example signaal and read the casus.</summary>
    private static readonly ClaimsIdentity Tilburg = new(ActorClaims.Van(Personas.Tilburg));

    private string Token(byte[]? sleutel = null, DateTime? vanaf = null, DateTime? tot = null, string audience = "casus-api",
        string issuer = "casus-ontwikkeling", ClaimsIdentity? subject = null, bool ondertekend = true) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = subject ?? Tilburg,
            IssuedAt = vanaf ?? Nu.AddMinutes(-1),
            NotBefore = vanaf ?? Nu.AddMinutes(-1),
            Expires = tot ?? Nu.AddHours(1),
            SigningCredentials = ondertekend
                ? new SigningCredentials(new SymmetricSecurityKey(sleutel ?? api.SigningKey), SecurityAlgorithms.HmacSha256)
                : null,
        });

    private AuthenticationHeaderValue Header(string soort) => soort switch
    {
        "geldig" => new("Bearer", Token()),
        "andere-sleutel" => new("Bearer", Token(sleutel: RandomNumberGenerator.GetBytes(32))),
        "verlopen" => new("Bearer", Token(vanaf: Nu.AddHours(-10), tot: Nu.AddHours(-2))),
        "nog-niet-geldig" => new("Bearer", Token(vanaf: Nu.AddHours(2), tot: Nu.AddHours(10))),
        "andere-audience" => new("Bearer", Token(audience: "andere-api")),
        "andere-issuer" => new("Bearer", Token(issuer: "iemand-anders")),
        "niet-ondertekend" => new("Bearer", Token(ondertekend: false)),
        "zonder-rol" => new("Bearer", Token(subject: new ClaimsIdentity(Tilburg.Claims.Where(c => c.Type != ActorClaims.Rol)))),
        "onbekende-rol" => new("Bearer", Token(subject: new ClaimsIdentity(
            Tilburg.Claims.Where(c => c.Type != ActorClaims.Rol).Append(new Claim(ActorClaims.Rol, "koffiezetter"))))),
        "onzin" => new("Bearer", "abc.def.ghi"),
        "leeg-jwt" => new("Bearer", "niet-een-token"),
        "basic-schema" => new("Basic", Convert.ToBase64String("c.devries:geheim"u8.ToArray())),
        _ => throw new ArgumentException(soort, nameof(soort)),
    };

    private async Task<(HttpStatusCode Status, string? ContentType, JsonNode? Body, HttpResponseMessage Message)> Send(
        string soort, HttpMethod methode, string pad, object? body = null)
    {
        using var http = api.CreateCheckedClient();
        using var request = new HttpRequestMessage(methode, pad) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = Header(soort);
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length > 0 ? JsonNode.Parse(text) : null, response);
    }

    [Fact]
    public async Task A_token_signed_with_the_configured_key_is_accepted()
    {
        var (status, _, body, _) = await Send("geldig", HttpMethod.Get, "/api/v1/casussen");
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body?.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(Ongeldig))]
    public async Task An_invalid_token_is_401_everywhere_and_changes_nothing(string soort)
    {
        var created = await Send("geldig", HttpMethod.Post, "/api/v1/casussen", Examples.Signaal());
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Body!["id"]!.GetValue<string>();
        var count = (await Send("geldig", HttpMethod.Get, "/api/v1/casussen")).Body!["count"]!.GetValue<long>();

        var requests = new (HttpMethod Methode, string Pad, object? Body)[]
        {
            (HttpMethod.Get, "/api/v1/casussen", null),
            (HttpMethod.Post, "/api/v1/casussen", Examples.Signaal()),
            (HttpMethod.Get, $"/api/v1/casussen/{id}", null),
            (HttpMethod.Get, $"/api/v1/casussen/{id}/gebeurtenissen", null),
            (HttpMethod.Post, $"/api/v1/casussen/{id}/verkenning", Examples.Verkenning),
            (HttpMethod.Post, $"/api/v1/casussen/{id}/afsluiting", Examples.Afsluiting()),
            (HttpMethod.Get, $"/api/v1/casussen/{id}/auditrecords", null),
            (HttpMethod.Get, "/api/v1/auditrecords", null),
            (HttpMethod.Post, "/api/v1/verwerkingen/_zoek", LeesToegangTests.ZoekBody),
            (HttpMethod.Get, "/api/v1/verwerkingsactiviteiten", null),
        };
        foreach (var (methode, pad, body) in requests)
        {
            var (status, contentType, problem, message) = await Send(soort, methode, pad, body);
            Assert.True(status == HttpStatusCode.Unauthorized, $"{soort} {methode} {pad}: {(int)status} {problem?.ToJsonString()}");
            Assert.Equal("application/problem+json", contentType);
            Assert.Equal("toegang.niet-aangemeld", problem!["code"]!.GetValue<string>());
            Assert.Equal("Bearer", message.Headers.WwwAuthenticate.Single().Scheme);
        }

        var casus = await Send("geldig", HttpMethod.Get, $"/api/v1/casussen/{id}");
        Assert.Equal(1, casus.Body!["versie"]!.GetValue<long>());
        Assert.Equal("signaal-ingediend", casus.Body["stap"]!.GetValue<string>());
        Assert.Equal(count, (await Send("geldig", HttpMethod.Get, "/api/v1/casussen")).Body!["count"]!.GetValue<long>());
    }
}
