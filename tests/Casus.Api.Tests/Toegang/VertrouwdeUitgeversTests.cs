using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Casus.Api.Beveiliging;
using Casus.Api.Database;
using Casus.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Casus.Api.Tests.Toegang;

/// <summary>Several trusted issuers: the configured one (here a signing key) and a second OIDC provider whose keys come from
/// its discovery document. Each issuer's tokens pass with that issuer's keys only.</summary>
public sealed class VertrouwdeUitgeversTests(CasusApi api) : IClassFixture<CasusApi>, IDisposable
{
    private const string TweedeAudience = "urn:casus:tweede";
    private readonly RsaSecurityKey _tweedeSleutel = new(RSA.Create(2048)) { KeyId = "tweede-1" };
    private readonly OidcDiscovery _tweede = new();

    private WebApplicationFactory<Program> MetTweedeUitgever() => api.WithWebHostBuilder(b => b
        .UseSetting("Casus:Tokens:Uitgevers:0:Authority", _tweede.Issuer)
        .UseSetting("Casus:Tokens:Uitgevers:0:Audience", TweedeAudience)
        .UseSetting("Casus:Tokens:Uitgevers:0:VereistHttps", "false"));

    private static string Token(string issuer, string audience, SecurityKey sleutel, string algoritme) => new JsonWebTokenHandler().CreateToken(
        new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(ActorClaims.Van(Personas.Coordinator())),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(sleutel, algoritme),
        });

    private static async Task<HttpStatusCode> Lijst(WebApplicationFactory<Program> host, string token)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var antwoord = await client.GetAsync("/api/v1/casussen");
        return antwoord.StatusCode;
    }

    [Fact]
    public async Task Tokens_of_each_trusted_issuer_are_accepted_with_that_issuers_keys_and_no_issuer_can_sign_for_another()
    {
        _tweede.Publiceer(_tweedeSleutel);
        await using var host = MetTweedeUitgever();
        var hoofdsleutel = new SymmetricSecurityKey(api.SigningKey);
        var hoofd = ApiProcess.TokenInstellingen;

        Assert.Equal(HttpStatusCode.OK, await Lijst(host, Token(hoofd.Issuer!, hoofd.Audience!, hoofdsleutel, SecurityAlgorithms.HmacSha256)));
        Assert.Equal(HttpStatusCode.OK, await Lijst(host, Token(_tweede.Issuer, TweedeAudience, _tweedeSleutel, SecurityAlgorithms.RsaSha256)));

        // The second issuer's name with the first's key, the first's name with the second's key, the second's token for
        // the first's audience, and an issuer nobody trusts.
        Assert.Equal(HttpStatusCode.Unauthorized, await Lijst(host, Token(_tweede.Issuer, TweedeAudience, hoofdsleutel, SecurityAlgorithms.HmacSha256)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Lijst(host, Token(hoofd.Issuer!, hoofd.Audience!, _tweedeSleutel, SecurityAlgorithms.RsaSha256)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Lijst(host, Token(_tweede.Issuer, hoofd.Audience!, _tweedeSleutel, SecurityAlgorithms.RsaSha256)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Lijst(host, Token("https://elders.example", TweedeAudience, _tweedeSleutel, SecurityAlgorithms.RsaSha256)));
    }

    public void Dispose()
    {
        _tweede.Dispose();
        _tweedeSleutel.Rsa.Dispose();
    }

    /// <summary>The two documents an OIDC provider publishes for token validation: discovery and its public keys.</summary>
    private sealed class OidcDiscovery : IDisposable
    {
        private readonly System.Net.HttpListener _listener = new();
        private string _jwks = """{"keys":[]}""";

        public OidcDiscovery()
        {
            Issuer = $"http://127.0.0.1:{PostgresInstallation.FindFreePort()}";
            _listener.Prefixes.Add(Issuer + "/");
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    System.Net.HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception e) when (e is System.Net.HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    var body = context.Request.Url!.AbsolutePath == "/jwks" ? _jwks
                        : JsonSerializer.Serialize(new Dictionary<string, string> { ["issuer"] = Issuer, ["jwks_uri"] = Issuer + "/jwks" });
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(body));
                    context.Response.Close();
                }
            });
        }

        public string Issuer { get; }

        public void Publiceer(RsaSecurityKey sleutel)
        {
            var publiek = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(sleutel.Rsa.ExportParameters(false)) { KeyId = sleutel.KeyId });
            _jwks = JsonSerializer.Serialize(new { keys = new[] { new { kty = publiek.Kty, kid = publiek.Kid, use = "sig", n = publiek.N, e = publiek.E } } });
        }

        public void Dispose() => _listener.Close();
    }
}
